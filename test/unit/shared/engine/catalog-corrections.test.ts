// Facts corrected in December 2026 (issue 10), each a regression test naming its source.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/evaluate'
import type { Evaluation } from '../../../../shared/engine/types'
import { makeDesign, makeV2Design } from '../../../support/designs'

const finding = (e: Evaluation, id: string) => e.findings.find((f) => f.id === id)
const points = (e: Evaluation, rule: string) =>
  Object.values(e.scores.criteria)
    .flatMap((c) => c.contributions)
    .filter((x) => x.rule === rule)
    .reduce((sum, x) => sum + x.points, 0)
const onControlPlane = (os: string) =>
  makeV2Design({
    nodePools: [
      { name: 'control-plane', role: 'control-plane', os, runtime: 'containerd' },
      { name: 'workers', role: 'workers', os, runtime: 'containerd' },
    ],
  })

describe('distribution defaults (TALOS-GEN-CONFIG)', () => {
  it('Talos control planes have an audit policy and encrypted Secrets; Ubuntu ones do not', () => {
    const talos = evaluate(onControlPlane('talos'), catalog)
    const ubuntu = evaluate(onControlPlane('ubuntu'), catalog)
    expect(finding(talos, 'RISK-AUDIT-OFF')).toBeUndefined()
    expect(finding(talos, 'RISK-SECRETS-PLAINTEXT')).toBeUndefined()
    expect(finding(ubuntu, 'RISK-AUDIT-OFF')).toBeDefined()
    expect(finding(ubuntu, 'RISK-SECRETS-PLAINTEXT')).toBeDefined()
    // The audit criterion moves from -5 to +10, and only through this rule's contribution.
    expect(points(talos, 'VIS-AUDIT-LOG') - points(ubuntu, 'VIS-AUDIT-LOG')).toBe(15)
  })

  it('Talos workers alone do not turn the control plane’s defaults on', () => {
    const design = makeV2Design({
      nodePools: [
        { name: 'control-plane', role: 'control-plane', os: 'ubuntu', runtime: 'containerd' },
        { name: 'workers', role: 'workers', os: 'talos', runtime: 'containerd' },
      ],
    })
    expect(finding(evaluate(design, catalog), 'RISK-AUDIT-OFF')).toBeDefined()
  })
})

describe('fix texts', () => {
  it('Docker Engine has no API audit log: the fix is auditd per the CIS Docker Benchmark (MOBY-API-AUDIT-CLOSED)', () => {
    const swarm = makeDesign({
      choices: { orchestrator: 'swarm', runtime: 'docker', os: 'ubuntu', plugins: [] },
    })
    const audit = finding(evaluate(swarm, catalog), 'RISK-AUDIT-OFF')
    expect(audit?.title).toBe('Docker Engine has no API audit log')
    expect(audit?.fix).toMatch(/auditd/)
    expect(audit?.fix).not.toMatch(/Enable .* API audit log/)
    expect(audit?.references).toContain('CIS-DOCKER-AUDITD')
  })

  it('on ECS the in-transit answer is Service Connect TLS, not a Kubernetes mesh (ECS-SERVICE-CONNECT-TLS)', () => {
    const ecs = makeDesign({
      context: { cloud: 'aws', requirements: { compliance: ['pci-dss'] } },
      choices: { orchestrator: 'ecs-fargate', runtime: 'fargate', os: 'amazon-linux', plugins: [] },
    })
    const transit = finding(evaluate(ecs, catalog), 'RISK-COMPLIANCE-TRANSIT-ENCRYPTION')
    expect(transit?.fix).toMatch(/Service Connect TLS/)
    expect(transit?.fix).not.toMatch(/Linkerd|Istio|Cilium/)
  })

  it('Hyper-V isolation needs the Hyper-V role (nested virtualisation on a VM), not /dev/kvm', () => {
    const design = makeV2Design({
      choices: { orchestrator: 'swarm', plugins: [] },
      nodePools: [
        { name: 'managers', role: 'control-plane', os: 'ubuntu', runtime: 'docker' },
        {
          name: 'windows',
          role: 'workers',
          os: 'windows-server',
          runtime: 'docker',
          sandboxes: ['windows-hyperv'],
        },
      ],
      workloads: [{ name: 'iis', image: 'mcr.microsoft.com/iis:1.0', os: 'windows' }],
      endpoints: [],
    })
    const refused = evaluate(design, catalog).violations.find(
      (v) => v.id === 'COMPAT-SANDBOX-UNSUPPORTED',
    )
    expect(refused?.message).toMatch(/Hyper-V role/)
    expect(refused?.message).not.toMatch(/\/dev\/kvm/)
  })
})

describe('titles and references fit the case', () => {
  it('baseline is not called "allows privileged containers"', () => {
    const baseline = finding(
      evaluate(makeDesign({ isolation: { podSecurity: 'baseline' } }), catalog),
      'RISK-PRIVILEGED-POD-SECURITY',
    )
    const privileged = finding(
      evaluate(makeDesign({ isolation: { podSecurity: 'privileged' } }), catalog),
      'RISK-PRIVILEGED-POD-SECURITY',
    )
    expect(baseline?.title).not.toMatch(/privileged/)
    expect(privileged?.title).toMatch(/privileged/)
  })

  it('only the chosen compliance frameworks are cited', () => {
    const pci = makeDesign({
      context: { requirements: { compliance: ['pci-dss'] } },
      choices: { plugins: ['kyverno'] },
      isolation: { network: 'allow-all' },
    })
    const transit = finding(evaluate(pci, catalog), 'RISK-COMPLIANCE-TRANSIT-ENCRYPTION')
    expect(transit?.references).toContain('PCI-DSS-4.0')
    expect(transit?.references).not.toContain('HIPAA-SECURITY-RULE')
  })
})

describe('plugins that co-exist (CALICO-EKS-POLICY-ONLY, CILIUM-AWS-CNI-CHAINING, K8S-ADMISSION-WEBHOOKS)', () => {
  const eks = (plugins: string[]) =>
    makeDesign({
      context: { cloud: 'aws' },
      choices: { orchestrator: 'eks', runtime: 'containerd', os: 'bottlerocket', plugins },
    })

  it.each([
    [['aws-vpc-cni', 'calico']],
    [['aws-vpc-cni', 'cilium']],
    [['cilium', 'kyverno', 'gatekeeper']],
    [['cilium', 'falco', 'tetragon']],
  ])('%j is buildable, with a low finding for the overlap', (plugins) => {
    const e = evaluate(eks(plugins), catalog)
    expect(e.violations).toEqual([])
    expect(finding(e, 'RISK-OVERLAPPING-PLUGINS')?.severity).toBe('low')
  })

  it('two CNIs without a documented combination stay unbuildable', () => {
    const e = evaluate(eks(['calico', 'cilium']), catalog)
    expect(e.violations.map((v) => v.id)).toContain('COMPAT-PLUGIN-EXCLUSIVE')
    expect(finding(e, 'RISK-OVERLAPPING-PLUGINS')?.why).toMatch(/cannot be built/)
  })
})

describe('GKE Autopilot pod limits (GKE-AUTOPILOT-WARDEN) and GKE default logging (GKE-DEFAULT-OBSERVABILITY)', () => {
  const autopilot = (needs: object) =>
    makeV2Design({
      context: { cloud: 'gcp' },
      choices: { orchestrator: 'gke-autopilot', plugins: [] },
      nodePools: [{ name: 'workers', role: 'workers', os: 'cos', runtime: 'containerd' }],
      workloads: [
        { name: 'web', image: 'ghcr.io/acme/web:1.0.0', ports: [8080], exposure: 'public' },
        {
          name: 'agent',
          image: 'ghcr.io/acme/agent:1.0.0',
          needs: { ...needs, justification: 'Node agent.' },
        },
      ],
    })
  const limits = (needs: object) =>
    evaluate(autopilot(needs), catalog).violations.filter(
      (v) => v.id === 'COMPAT-PLATFORM-POD-LIMITS',
    )

  it('a read-only host path under /var/log/ passes; host namespaces, privileged and other paths are refused', () => {
    expect(limits({ hostPaths: [{ path: '/var/log/containers', readOnly: true }] })).toEqual([])
    expect(
      limits({ hostPaths: [{ path: '/var/lib/docker/containers', readOnly: true }] }),
    ).toHaveLength(1)
    expect(limits({ hostPaths: [{ path: '/var/log', readOnly: false }] })[0]?.paths).toEqual([
      'workloads[1].needs.hostPaths[0]',
    ])
    const all = limits({ hostNetwork: true, hostPID: true, privileged: true })[0]
    expect(all?.paths).toEqual([
      'workloads[1].needs.privileged',
      'workloads[1].needs.hostNetwork',
      'workloads[1].needs.hostPID',
    ])
  })

  it('SYS_PTRACE is on the Autopilot list, SYS_ADMIN is not', () => {
    expect(limits({ capabilities: ['SYS_PTRACE'] })).toEqual([])
    expect(limits({ capabilities: ['SYS_ADMIN'] })[0]?.message).toMatch(/SYS_ADMIN/)
  })

  it('GKE collects application logs without a log shipper plugin', () => {
    const e = evaluate(autopilot({}), catalog)
    const telemetry = Object.values(e.scores.criteria)
      .flatMap((c) => c.contributions)
      .find((x) => x.rule === 'VIS-TELEMETRY')
    expect(telemetry?.reason).toMatch(/logs/)
  })
})
