// Compatibility invariants the engine turns into hard violations.
import { describe, expect, it } from 'vitest'
import { catalog, getOrchestrator, getOs, getRuntime } from '../../../../shared/catalog/index'
import { OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../../../../shared/catalog/ids'
import type { OrchestratorId } from '../../../../shared/catalog/ids'

const MANAGED: readonly OrchestratorId[] = [
  'eks',
  'gke',
  'gke-autopilot',
  'aks',
  'ecs-ec2',
  'ecs-fargate',
]
const kubernetesFamily = catalog.orchestrators.filter((o) => o.family === 'kubernetes')

function noDuplicates(list: readonly string[]): boolean {
  return new Set(list).size === list.length
}

describe('orchestrator references', () => {
  it.each(catalog.orchestrators.map((o) => [o.id, o] as const))(
    '%s lists only known runtimes, OSes and plugins, without duplicates',
    (_, o) => {
      const lists = [o.runtimes, o.windowsRuntimes, o.os.controlPlane, o.os.worker, o.plugins]
      for (const list of lists) expect(noDuplicates(list)).toBe(true)
      for (const id of o.runtimes) expect(RUNTIME_IDS).toContain(id)
      for (const id of [...o.os.controlPlane, ...o.os.worker]) expect(OS_IDS).toContain(id)
      for (const id of o.plugins) expect(PLUGIN_IDS).toContain(id)
    },
  )

  it('Windows runtimes are a subset of the runtimes, and exist exactly when Windows workers do', () => {
    for (const o of catalog.orchestrators) {
      for (const id of o.windowsRuntimes) expect(o.runtimes, o.id).toContain(id)
      const windowsWorkers = o.os.worker.some((id) => getOs(catalog, id).family === 'windows')
      expect(o.windowsRuntimes.length > 0, o.id).toBe(windowsWorkers)
    }
  })

  it('every worker OS can host at least one of the orchestrator’s runtimes', () => {
    for (const o of catalog.orchestrators) {
      for (const osId of o.os.worker) {
        const family = getOs(catalog, osId).family
        const hostable = o.runtimes.some((r) => {
          const runtime = getRuntime(catalog, r)
          return runtime.kind === 'engine' && runtime.hostOs.includes(family)
        })
        const windowsViaOrchestrator = family === 'windows' && o.windowsRuntimes.length > 0
        expect(hostable || windowsViaOrchestrator, `${o.id} on ${osId}`).toBe(true)
      }
    }
  })
})

describe('node roles', () => {
  it('no Kubernetes-family orchestrator runs a Windows control plane', () => {
    expect(kubernetesFamily.length).toBe(6)
    for (const o of kubernetesFamily) {
      for (const id of o.os.controlPlane) expect(getOs(catalog, id).family, o.id).toBe('linux')
    }
  })

  it('managed control planes list no control-plane OS; self-managed ones list at least one', () => {
    for (const o of catalog.orchestrators) {
      expect(o.managedControlPlane, o.id).toBe(MANAGED.includes(o.id))
      if (o.managedControlPlane) expect(o.os.controlPlane, o.id).toEqual([])
      else expect(o.os.controlPlane.length, o.id).toBeGreaterThan(0)
    }
  })

  it('GKE Autopilot runs only Container-Optimized OS and no Windows', () => {
    const autopilot = getOrchestrator(catalog, 'gke-autopilot')
    expect(autopilot.os.worker).toEqual(['cos'])
    expect(autopilot.windowsRuntimes).toEqual([])
  })
})

describe('runtimes per orchestrator', () => {
  it('ECS on EC2 runs Docker (and Windows process isolation) only: no sandboxes', () => {
    const ecs = getOrchestrator(catalog, 'ecs-ec2')
    expect([...ecs.runtimes].sort()).toEqual(['docker', 'windows-process'])
    expect(ecs.runtimes).not.toContain('kata')
    expect(ecs.runtimes).not.toContain('gvisor')
  })

  it('ECS on Fargate runs exactly the fargate runtime', () => {
    expect(getOrchestrator(catalog, 'ecs-fargate').runtimes).toEqual(['fargate'])
  })

  it('Kubernetes orchestrators never offer Hyper-V isolation or Docker Engine except upstream Kubernetes', () => {
    for (const o of kubernetesFamily) {
      expect(o.runtimes, o.id).not.toContain('windows-hyperv')
      if (o.id !== 'kubernetes') expect(o.runtimes, o.id).not.toContain('docker')
    }
  })

  it('sandbox offerings match the managed services', () => {
    expect(getOrchestrator(catalog, 'gke').runtimes).not.toContain('kata')
    expect(getOrchestrator(catalog, 'gke').runtimes).toContain('gvisor')
    expect(getOrchestrator(catalog, 'aks').runtimes).toContain('kata')
    expect(getOrchestrator(catalog, 'aks').runtimes).not.toContain('gvisor')
    expect(getOrchestrator(catalog, 'openshift').runtimes).toContain('kata')
    expect(getOrchestrator(catalog, 'eks').runtimes).not.toContain('firecracker')
  })
})

describe('runtime properties', () => {
  it('sandbox runtimes never share the host kernel', () => {
    const sandboxes = catalog.runtimes.filter((r) => r.kind === 'sandbox')
    expect(sandboxes.length).toBeGreaterThan(0)
    for (const r of sandboxes) expect(r.kernel, r.id).not.toBe('shared')
  })

  it('shared-kernel runtimes are not sandboxes and need no virtualisation', () => {
    for (const r of catalog.runtimes.filter((x) => x.kernel === 'shared')) {
      expect(r.kind, r.id).not.toBe('sandbox')
      expect(r.needsVirtualization, r.id).toBe(false)
    }
  })

  it('VM-isolated runtimes cannot share the host network', () => {
    for (const r of catalog.runtimes.filter((x) => x.kernel === 'microvm' || x.kernel === 'vm')) {
      expect(r.hostNetwork, r.id).toBe(false)
    }
  })
})

describe('network policy and plugins', () => {
  it('network policy support follows the orchestrator family', () => {
    for (const o of catalog.orchestrators) {
      const expected = { kubernetes: 'cni', ecs: 'native', swarm: 'segmentation', nomad: 'native' }[
        o.family
      ]
      expect(o.networkPolicy, o.id).toBe(expected)
    }
  })

  it('Kubernetes services that enforce NetworkPolicy built-in say so in provides', () => {
    const builtIn = kubernetesFamily.filter((o) => o.provides.includes('network-policy'))
    expect(builtIn.map((o) => o.id).sort()).toEqual(['gke', 'gke-autopilot', 'openshift'])
  })

  it('native network policy comes with the network-policy capability', () => {
    for (const o of catalog.orchestrators.filter((x) => x.networkPolicy === 'native')) {
      expect(o.provides, o.id).toContain('network-policy')
    }
  })

  it('every plugin applies to at least one orchestrator', () => {
    for (const p of catalog.plugins) {
      const users = catalog.orchestrators.filter((o) => o.plugins.includes(p.id))
      expect(users.length, p.id).toBeGreaterThan(0)
    }
  })

  it('the AWS VPC CNI applies only to EKS; Flannel not to managed clouds', () => {
    const vpcCni = catalog.orchestrators.filter((o) => o.plugins.includes('aws-vpc-cni'))
    expect(vpcCni.map((o) => o.id)).toEqual(['eks'])
    for (const id of MANAGED) expect(getOrchestrator(catalog, id).plugins).not.toContain('flannel')
  })

  it('non-Kubernetes orchestrators take no Kubernetes-only plugins', () => {
    const kubernetesOnly = ['calico', 'cilium', 'flannel', 'aws-vpc-cni', 'kyverno', 'gatekeeper']
    for (const o of catalog.orchestrators.filter((x) => x.family !== 'kubernetes')) {
      for (const id of kubernetesOnly) expect(o.plugins, o.id).not.toContain(id)
    }
  })

  it('GKE Autopilot offers no privileged node agents', () => {
    for (const id of getOrchestrator(catalog, 'gke-autopilot').plugins) {
      const plugin = catalog.plugins.find((p) => p.id === id)
      expect(plugin?.footprint, id).not.toBe('privileged-daemonset')
    }
  })

  it('plugins that need eBPF are Linux-only', () => {
    for (const p of catalog.plugins.filter((x) => x.requires.ebpf)) {
      expect(p.requires.linuxOnly, p.id).toBe(true)
    }
  })

  it('every plugin says what it exposes and provides or explains why not', () => {
    for (const p of catalog.plugins) {
      expect(p.exposes.length, p.id).toBeGreaterThan(0)
      if (p.provides.length === 0) expect(p.facts.length, p.id).toBeGreaterThan(0)
    }
  })
})

describe('node agents', () => {
  it('every runtime-detection provider is a Linux node agent (VIS-RUNTIME-DETECTION counts Linux workloads only)', () => {
    const providers = catalog.plugins.filter((p) => p.provides.includes('runtime-detection'))
    expect(providers.map((p) => p.id).sort()).toEqual(['falco', 'tetragon'])
    for (const p of providers) {
      expect(p.requires.linuxOnly, p.id).toBe(true)
      expect(p.footprint, p.id).toBe('privileged-daemonset')
    }
    for (const o of catalog.orchestrators)
      expect(o.provides, o.id).not.toContain('runtime-detection')
  })
})
