// Hard incompatibilities: the design cannot be built as written. Each names the paths and a fix.
import type { OrchestratorId, OsId, RuntimeId } from '../../catalog/ids'
import { EXCLUSIVE_CATEGORIES } from '../../catalog/types'
import type { ViolationHit, ViolationRule } from './types'
import { nameList, workloadPaths } from './types'

/** Plugins Fargate provides itself (EKS on Fargate uses the VPC CNI only). */
const FARGATE_PROVIDED_PLUGINS: readonly string[] = ['aws-vpc-cni']

/** Runtimes whose nodes the provider manages, so only these node OS values describe them. */
const RUNTIME_OS_REQUIREMENTS: readonly { runtime: RuntimeId; os: readonly OsId[] }[] = [
  { runtime: 'fargate', os: ['amazon-linux', 'windows-server'] },
]

/** Sandboxes that a managed service offers only on a specific node OS. */
const SANDBOX_OS_REQUIREMENTS: readonly {
  orchestrator: OrchestratorId
  runtime: RuntimeId
  os: readonly OsId[]
  source: string
}[] = [{ orchestrator: 'aks', runtime: 'kata', os: ['azure-linux'], source: 'S15' }]

export const VIOLATION_RULES: readonly ViolationRule[] = [
  {
    id: 'COMPAT-RUNTIME-ORCHESTRATOR',
    references: ['ARTICLE-RUNTIMES', 'S1', 'S25', 'S28'],
    detect: (c) =>
      c.orchestrator.runtimes.includes(c.runtime.id)
        ? undefined
        : {
            message: `${c.orchestrator.name} cannot run the ${c.runtime.name} runtime: the orchestrator decides which runtimes you can use.`,
            paths: ['choices.runtime', 'choices.orchestrator'],
            fix: `Choose one of ${c.orchestrator.runtimes.join(', ')}, or an orchestrator that supports ${c.runtime.name}.`,
          },
  },
  {
    id: 'COMPAT-OS-ORCHESTRATOR',
    references: ['S3', 'S6', 'S12', 'S17'],
    detect: (c) => {
      const { controlPlane, worker } = c.orchestrator.os
      if (worker.includes(c.os.id) || controlPlane.includes(c.os.id)) return undefined
      return {
        message: `${c.orchestrator.name} does not run nodes on ${c.os.name}.`,
        paths: ['choices.os', 'choices.orchestrator'],
        fix: `Choose one of ${worker.join(', ')}.`,
      }
    },
  },
  {
    id: 'COMPAT-WINDOWS-CONTROL-PLANE',
    references: ['ARTICLE-OS', 'S3'],
    detect: (c) => {
      const { controlPlane } = c.orchestrator.os
      if (c.os.family !== 'windows' || controlPlane.length === 0 || controlPlane.includes(c.os.id))
        return undefined
      return {
        message: `${c.orchestrator.name} runs Windows nodes as workers only; its control plane must run on ${nameList(controlPlane)}.`,
        paths: ['choices.os'],
        fix: 'Choose a Linux OS for the nodes; Windows workloads are scheduled onto a separate Windows worker pool.',
      }
    },
  },
  {
    id: 'COMPAT-WINDOWS-UNSUPPORTED',
    references: ['ARTICLE-OS', 'S9', 'S12'],
    detect: (c) => {
      const wants = c.workloads.windows.length > 0 || c.design.context.requirements.windowsWorkloads
      if (!wants || c.orchestrator.windowsRuntimes.length > 0) return undefined
      return {
        message: `${c.orchestrator.name} cannot run Windows containers.`,
        paths: [
          'choices.orchestrator',
          ...(c.design.context.requirements.windowsWorkloads
            ? ['context.requirements.windowsWorkloads']
            : []),
          ...workloadPaths(c.workloads.windows, 'os'),
        ],
        fix: 'Choose an orchestrator with Windows support (Swarm supports Windows fully; Kubernetes, EKS, GKE Standard, AKS and ECS support Windows workers).',
      }
    },
  },
  {
    id: 'COMPAT-RUNTIME-OS',
    references: ['S50', 'S54'],
    detect: (c) => {
      if (c.runtime.hostOs === c.os.family) return undefined
      return {
        message: `${c.runtime.name} runs on ${c.runtime.hostOs} hosts, not on ${c.os.name}.`,
        paths: ['choices.runtime', 'choices.os'],
        fix:
          c.runtime.hostOs === 'linux'
            ? 'Choose a Linux node OS; Windows workloads go to a Windows worker pool.'
            : 'Choose a Windows node OS, or a Linux runtime.',
      }
    },
  },
  {
    id: 'COMPAT-LINUX-WORKLOADS-WINDOWS-RUNTIME',
    references: ['S54'],
    detect: (c) => {
      if (c.runtime.hostOs !== 'windows' || c.workloads.linux.length === 0) return undefined
      return {
        message: `${c.runtime.name} runs Windows containers only, but ${c.workloads.linux.length} workload(s) are Linux.`,
        paths: ['choices.runtime', ...workloadPaths(c.workloads.linux, 'os')],
        fix: 'Choose a Linux runtime; Windows workloads then run with the orchestrator’s Windows runtime on Windows nodes.',
      }
    },
  },
  {
    id: 'COMPAT-SANDBOX-UNSUPPORTED',
    references: ['S2', 'S11', 'S15', 'S22'],
    detect: (c) => {
      const id = c.design.isolation.runtimeClassForUntrusted
      if (!id) return undefined
      const sandbox = c.catalog.runtimes.find((r) => r.id === id)
      if (sandbox && !sandbox.sandbox)
        return {
          message: `${sandbox.name} is not a sandbox: it shares the host kernel, so it cannot isolate untrusted workloads.`,
          paths: ['isolation.runtimeClassForUntrusted'],
          fix: 'Choose a sandboxed runtime (Kata, gVisor, Firecracker) for untrusted workloads.',
        }
      if (c.orchestrator.runtimes.includes(id)) return undefined
      return {
        message: `${c.orchestrator.name} cannot run ${sandbox?.name ?? id} for untrusted workloads.`,
        paths: ['isolation.runtimeClassForUntrusted', 'choices.orchestrator'],
        fix: `Sandboxes this orchestrator offers: ${nameList(sandboxesOf(c.orchestrator.runtimes, c.catalog.runtimes)) || 'none'}.`,
      }
    },
  },
  {
    id: 'COMPAT-MANAGED-NODE-OS',
    references: ['S9', 'S28'],
    detect: (c) => {
      const rule = RUNTIME_OS_REQUIREMENTS.find((r) => r.runtime === c.runtime.id)
      if (!rule || rule.os.includes(c.os.id)) return undefined
      return {
        message: `${c.runtime.name} nodes are run by the provider on ${rule.os.join(' or ')}; ${c.os.name} cannot be chosen.`,
        paths: ['choices.os', 'choices.runtime'],
        fix: `Choose ${rule.os.join(' or ')} to describe the provider's nodes, or a runtime on nodes you manage.`,
      }
    },
  },
  {
    id: 'COMPAT-SANDBOX-OS',
    references: ['S15'],
    detect: (c) => {
      const used = new Set([c.runtime.id, c.untrustedSandbox?.id])
      const unmet = SANDBOX_OS_REQUIREMENTS.find(
        (r) =>
          r.orchestrator === c.orchestrator.id && used.has(r.runtime) && !r.os.includes(c.os.id),
      )
      if (!unmet) return undefined
      return {
        message: `${c.orchestrator.name} offers ${unmet.runtime} only on ${unmet.os.join(', ')} nodes.`,
        paths: ['choices.os', 'isolation.runtimeClassForUntrusted'],
        fix: `Run the sandboxed node pool on ${unmet.os.join(', ')}.`,
      }
    },
  },
  {
    id: 'COMPAT-HOST-ACCESS-RUNTIME',
    references: ['S9', 'S15', 'S29'],
    detect: (c) => {
      const blocked = c.workloads.hostAccess.filter(
        (e) =>
          !c.runtime.hostNetwork ||
          (e.workload.trust === 'untrusted' && c.untrustedSandbox?.hostNetwork === false),
      )
      if (blocked.length === 0) return undefined
      return {
        message: `Host access is impossible on a VM-isolated runtime (${c.runtime.name}): ${nameList(blocked.map((e) => e.workload.name))}.`,
        paths: workloadPaths(blocked, 'needs.hostAccess'),
        fix: 'Drop host access from these workloads, or run them on a shared-kernel node pool (and accept the risk).',
      }
    },
  },
  {
    id: 'COMPAT-PLUGIN-ORCHESTRATOR',
    readsPlugins: true,
    references: ['ARTICLE-PLUGINS'],
    detect: (c) =>
      c.plugins
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => !c.orchestrator.plugins.includes(p.id))
        .map(({ p, i }) => ({
          message: `${p.name} does not apply to ${c.orchestrator.name}.`,
          paths: [`choices.plugins[${i}]`],
          fix: `Remove ${p.name}; plugins for ${c.orchestrator.name}: ${nameList(c.orchestrator.plugins, 6) || 'none'}.`,
        })),
  },
  {
    id: 'COMPAT-PLUGIN-DAEMONSET-FARGATE',
    readsPlugins: true,
    references: ['S9'],
    detect: (c) => {
      if (c.runtime.id !== 'fargate' || c.orchestrator.family !== 'kubernetes') return undefined
      const nodeAgents = c.plugins.filter(
        (p) =>
          !FARGATE_PROVIDED_PLUGINS.includes(p.id) &&
          (p.footprint === 'daemonset' || p.footprint === 'privileged-daemonset'),
      )
      if (nodeAgents.length === 0) return undefined
      return {
        message: `Fargate runs no DaemonSets and only the VPC CNI, so ${nameList(nodeAgents.map((p) => p.name))} cannot run.`,
        paths: nodeAgents.map((p) => `choices.plugins[${c.design.choices.plugins.indexOf(p.id)}]`),
        fix: 'Use the sidecar variant of the agent, or EC2 node groups for these plugins.',
      }
    },
  },
  {
    id: 'COMPAT-PLUGIN-EXCLUSIVE',
    readsPlugins: true,
    references: ['ARTICLE-PLUGINS'],
    detect: (c) =>
      EXCLUSIVE_CATEGORIES.flatMap((category) => {
        const members = c.plugins.filter((p) => p.category === category)
        if (members.length < 2) return []
        return [
          {
            message: `Only one ${category} plugin can be in charge: ${nameList(members.map((p) => p.name))}.`,
            paths: members.map((p) => `choices.plugins[${c.plugins.indexOf(p)}]`),
            fix: `Keep one ${category} plugin.`,
          },
        ]
      }),
  },
  {
    id: 'COMPAT-NETWORK-POLICY-UNENFORCED',
    readsPlugins: true,
    references: ['S4', 'S64', 'CIS Kubernetes 5.3.1'],
    detect: (c) => {
      if (c.design.isolation.network !== 'default-deny') return undefined
      if (c.orchestrator.networkPolicy !== 'cni' || c.capabilities.has('network-policy'))
        return undefined
      return {
        message: `Default-deny needs NetworkPolicy enforcement, and on ${c.orchestrator.name} a NetworkPolicy has no effect unless the CNI enforces it.`,
        paths: ['isolation.network', 'choices.plugins'],
        fix: 'Add a CNI that enforces NetworkPolicy (Cilium or Calico; on EKS the VPC CNI with its network policy agent).',
      }
    },
  },
  {
    id: 'COMPAT-CLOUD-ORCHESTRATOR',
    references: ['ARTICLE-ORCHESTRATION'],
    detect: (c) => {
      const { cloud } = c.design.context
      if (c.orchestrator.clouds.includes(cloud)) return undefined
      return {
        message: `${c.orchestrator.name} is not available on ${cloud}.`,
        paths: ['choices.orchestrator', 'context.cloud'],
        fix: `${c.orchestrator.name} runs on ${c.orchestrator.clouds.join(', ')}.`,
      }
    },
  },
  {
    id: 'COMPAT-FLOW-UNKNOWN',
    references: [],
    detect: (c) =>
      c.workloads.danglingFlows.map((f): ViolationHit => ({
        message: `No workload is named "${f.target}".`,
        paths: [f.path],
        fix: 'Name an existing workload, or add the missing workload.',
      })),
  },
]

function sandboxesOf(
  ids: readonly RuntimeId[],
  runtimes: readonly { id: RuntimeId; sandbox: boolean }[],
): string[] {
  return ids.filter((id) => runtimes.find((r) => r.id === id)?.sandbox)
}
