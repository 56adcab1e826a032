// Score rules for operability, visibility, portability and cost.
import type { PluginFootprint } from '../../catalog/types'
import type { EngineContext } from '../context'
import { controlPlaneDefault } from '../posture/platform-defaults'
import type { ScoreRule } from './types'
import { capped, nameList } from './types'

const EXPERIENCE_RANK = { none: 0, some: 1, expert: 2 } as const
const CAPACITY_POINTS = { low: -8, medium: 0, high: 5 } as const
const UPKEEP_PER_PLUGIN = { low: 8, medium: 4, high: 2 } as const
const PLUGIN_RUNNING_COST: Record<PluginFootprint, number> = {
  'privileged-daemonset': -2,
  daemonset: -2,
  'admission-webhook': -1,
  sidecar: -4,
  controller: -1,
  agent: -1,
}

export const OPERABILITY_RULES: readonly ScoreRule[] = [
  {
    id: 'OP-BASELINE',
    criterion: 'operability',
    references: ['ARTICLE-ORCHESTRATION'],
    apply: () => ({ points: 70, reason: 'Starting point before the design’s choices.' }),
  },
  {
    id: 'OP-COMPLEXITY',
    criterion: 'operability',
    references: ['ARTICLE-PLUGINS'],
    apply: (c) => ({
      points: -5 * (c.orchestrator.complexity - 1),
      reason: `${c.orchestrator.name} has day-2 complexity ${c.orchestrator.complexity}/5.`,
    }),
  },
  {
    id: 'OP-EXPERIENCE-GAP',
    criterion: 'operability',
    references: ['ARTICLE-ORCHESTRATION'],
    apply: (c) => {
      const gap =
        EXPERIENCE_RANK[c.orchestrator.experienceNeeded] -
        EXPERIENCE_RANK[c.design.context.team.kubernetesExperience]
      if (gap <= 0) return undefined
      return {
        points: -12 * gap,
        reason: `${c.orchestrator.name} expects ${c.orchestrator.experienceNeeded} experience; the team has ${c.design.context.team.kubernetesExperience}.`,
      }
    },
  },
  {
    id: 'OP-OPS-CAPACITY',
    criterion: 'operability',
    references: ['ARTICLE-ORCHESTRATION'],
    apply: (c) => {
      const capacity = c.design.context.team.opsCapacity
      const points = c.orchestrator.managedControlPlane
        ? Math.max(0, CAPACITY_POINTS[capacity])
        : CAPACITY_POINTS[capacity]
      if (points === 0) return undefined
      return {
        points,
        reason: `Operations capacity ${capacity}${c.orchestrator.managedControlPlane ? ' (control plane managed by the provider)' : ' for a self-managed control plane'}.`,
      }
    },
  },
  {
    id: 'OP-MANAGED-CONTROL-PLANE',
    criterion: 'operability',
    references: ['ARTICLE-ORCHESTRATION'],
    apply: (c) =>
      c.orchestrator.managedControlPlane
        ? {
            points: 10,
            reason: 'Managed control plane: upgrades, backups and availability are the provider’s.',
          }
        : undefined,
  },
  {
    id: 'OP-PLUGIN-UPKEEP',
    readsPlugins: 'each-plugin',
    criterion: 'operability',
    references: ['ARTICLE-PLUGINS'],
    // Each plugin costs a team more the less operations capacity it has.
    apply: (c) => {
      const n = c.plugins.length
      if (n === 0) return undefined
      const capacity = c.design.context.team.opsCapacity
      const each = UPKEEP_PER_PLUGIN[capacity]
      return {
        points: -each * n,
        reason: `${n} plugin(s) to install, upgrade and track (${each} each for a team with ${capacity} operations capacity).`,
      }
    },
  },
  {
    id: 'OP-OS-UPDATES',
    criterion: 'operability',
    references: ['S55', 'S56', 'S58', 'S9', 'S28'],
    apply: (c) =>
      c.providerRunNodes
        ? {
            points: 12,
            reason: `${c.runtime.name}: the provider runs, patches and scales the nodes.`,
          }
        : c.os.autoUpdates
          ? { points: 5, reason: `${c.os.name} updates itself atomically.` }
          : {
              points: -3,
              reason: `${c.os.name} is patched through its package manager, node by node.`,
            },
  },
  {
    id: 'OP-SANDBOX-REQUIREMENTS',
    criterion: 'operability',
    references: ['S15', 'S48', 'S50'],
    apply: (c) => {
      // A provider-run microVM (Fargate) has no node pool or syscall gaps for the team to manage.
      const sandbox = c.offeredSandboxes.find(
        (s) => s.kernel === 'userspace-kernel' || s.needsVirtualization,
      )
      if (!sandbox) return undefined
      const base = sandbox.needsVirtualization ? -6 : -3
      const everything = c.everythingSandboxed && c.workloads.untrusted.length < c.workloads.count
      const why = sandbox.needsVirtualization
        ? `${sandbox.name} needs nodes with virtualisation (bare metal or nested), a separate node pool to run`
        : `${sandbox.name} implements only part of the Linux syscall interface: test workloads against it`
      return {
        points: base + (everything ? -6 : 0),
        reason: everything
          ? `${why}; and every workload, trusted or not, lives with those limits.`
          : `${why}.`,
      }
    },
  },
  {
    id: 'OP-WINDOWS-NODES',
    criterion: 'operability',
    references: ['ARTICLE-OS', 'S3'],
    apply: (c) => {
      if (c.workloads.windows.length === 0) return undefined
      const managedByLinux =
        c.orchestrator.os.controlPlane.length > 0 || c.orchestrator.family === 'kubernetes'
      return managedByLinux
        ? {
            points: -5,
            reason: 'Windows workers need a separate node pool managed with Linux-based tooling.',
          }
        : { points: 0, reason: `${c.orchestrator.name} supports Windows nodes fully.` }
    },
  },
]

export const VISIBILITY_RULES: readonly ScoreRule[] = [
  {
    id: 'VIS-BASELINE',
    criterion: 'visibility',
    references: ['ARTICLE-PLUGINS'],
    apply: () => ({ points: 30, reason: 'Starting point: what the orchestrator shows by itself.' }),
  },
  {
    id: 'VIS-RUNTIME-DETECTION',
    readsPlugins: 'capabilities',
    criterion: 'visibility',
    references: ['NIST SP 800-53 SI-4', 'NIST SP 800-190 4.4.1'],
    // Every runtime-detection provider in the catalog (Falco, Tetragon) is a Linux node agent
    // (S67; a catalog test keeps it so): it watches only workloads placed on Linux pools.
    apply: (c) => {
      if (!c.capabilities.has('runtime-detection')) return undefined
      const share = linuxCoverage(c)
      if (share.total > 0 && share.covered === 0)
        return {
          points: 0,
          reason:
            'Runtime detection runs on Linux nodes only, and no workload runs on a Linux pool.',
        }
      if (share.covered < share.total)
        return {
          points: Math.round((20 * share.covered) / share.total),
          reason: `Runtime threat detection watches ${share.covered} of ${share.total} workloads: the agent runs on Linux nodes only.`,
        }
      return { points: 20, reason: 'Runtime threat detection watches what containers do.' }
    },
  },
  {
    id: 'VIS-TELEMETRY',
    readsPlugins: 'capabilities',
    criterion: 'visibility',
    references: ['ARTICLE-PLUGINS'],
    apply: (c) => {
      const parts = (['metrics', 'logs', 'traces'] as const).filter((k) => c.capabilities.has(k))
      if (parts.length === 0) return undefined
      const points =
        (c.capabilities.has('metrics') ? 10 : 0) +
        (c.capabilities.has('logs') ? 10 : 0) +
        (c.capabilities.has('traces') ? 5 : 0)
      return { points, reason: `Collected: ${parts.join(', ')}.` }
    },
  },
  {
    id: 'VIS-AUDIT-LOG',
    criterion: 'visibility',
    references: ['K8S-AUDIT', 'S7', 'NIST SP 800-53 AU-2', 'TALOS-GEN-CONFIG'],
    apply: (c) => {
      const audit = controlPlaneDefault(c.design, c.orchestrator, c.catalog, 'auditLogging')
      if (audit.by)
        return {
          points: 10,
          reason: `${audit.by.os} turns on an API audit policy for the control plane (${audit.by.how}).`,
        }
      return audit.on
        ? {
            points: 10,
            reason: `${c.orchestrator.name} records an audit log of API calls by default.`,
          }
        : {
            points: -5,
            reason: `${c.orchestrator.name} does not record an API audit log until you enable it.`,
          }
    },
  },
  {
    id: 'VIS-L7-FLOWS',
    readsPlugins: 'capabilities',
    criterion: 'visibility',
    references: ['S62', 'S69'],
    apply: (c) =>
      c.capabilities.has('l7-policy') || c.capabilities.has('mtls')
        ? { points: 5, reason: 'Flows are seen per service identity and request, not only per IP.' }
        : undefined,
  },
  {
    id: 'VIS-MONITORING-REACH',
    criterion: 'visibility',
    references: ['ARTICLE-ISOLATION'],
    apply: (c) => {
      const observing = c.workloads.monitors.filter((e) => e.workload.observes.length > 0).length
      if (observing === 0) return undefined
      return {
        points: 5,
        reason: `${observing} monitoring agent(s) are given declared reach to their targets.`,
      }
    },
  },
  {
    id: 'VIS-SANDBOX-BLIND-SPOT',
    criterion: 'visibility',
    references: ['S15'],
    apply: (c) =>
      c.appliedSandboxes.length > 0
        ? {
            points: c.everythingSandboxed ? -5 : -2,
            reason: `Host-level agents see less inside ${nameList(c.appliedSandboxes.map((s) => s.name))} guests (their syscalls stay in the sandbox)${c.everythingSandboxed ? ', and every workload runs there' : ''}.`,
          }
        : undefined,
  },
]

/** How many workloads run on Linux pools, where Linux node agents can see them. */
function linuxCoverage(c: EngineContext): { readonly covered: number; readonly total: number } {
  const total = c.placements.length
  const covered = c.placements.filter((p) => p.pool?.os.family === 'linux').length
  return { covered, total }
}

export const PORTABILITY_RULES: readonly ScoreRule[] = [
  {
    id: 'PORT-BASELINE',
    criterion: 'portability',
    references: ['ARTICLE-ORCHESTRATION'],
    apply: () => ({ points: 60, reason: 'Starting point before the design’s choices.' }),
  },
  {
    id: 'PORT-LOCK-IN',
    criterion: 'portability',
    references: ['ARTICLE-ORCHESTRATION'],
    apply: (c) =>
      c.orchestrator.lockIn === 0
        ? { points: 5, reason: `${c.orchestrator.name} runs anywhere.` }
        : {
            points: -10 * c.orchestrator.lockIn,
            reason: `${c.orchestrator.name} ties you to ${c.orchestrator.vendor} (lock-in ${c.orchestrator.lockIn}/3).`,
          },
  },
  {
    id: 'PORT-STANDARD-API',
    criterion: 'portability',
    references: ['ARTICLE-ORCHESTRATION'],
    apply: (c) =>
      c.orchestrator.family === 'kubernetes'
        ? { points: 10, reason: 'Kubernetes manifests move between conformant clusters.' }
        : undefined,
  },
  {
    id: 'PORT-RUNTIME-CHOICE',
    criterion: 'portability',
    references: ['ARTICLE-RUNTIMES'],
    apply: (c) => {
      const n = c.orchestrator.runtimes.length
      if (n >= 4) return { points: 5, reason: `${c.orchestrator.name} supports ${n} runtimes.` }
      if (n <= 1)
        return { points: -10, reason: `${c.orchestrator.name} supports only its own runtime.` }
      return undefined
    },
  },
  {
    id: 'PORT-WINDOWS-OPTION',
    criterion: 'portability',
    references: ['ARTICLE-OS'],
    apply: (c) =>
      c.orchestrator.windowsRuntimes.length > 0
        ? { points: 5, reason: `${c.orchestrator.name} can also run Windows containers.` }
        : undefined,
  },
  {
    id: 'PORT-SANDBOX-HARDWARE',
    criterion: 'portability',
    references: ['S48'],
    apply: (c) => {
      const sandbox = c.offeredSandboxes.find((s) => s.needsVirtualization)
      return sandbox
        ? {
            points: -5,
            reason: `${sandbox.name} needs virtualisation on its nodes, which not every host or cloud instance offers.`,
          }
        : undefined
    },
  },
  {
    id: 'PORT-SINGLE-PLATFORM-PLUGIN',
    readsPlugins: 'each-plugin',
    criterion: 'portability',
    references: ['ARTICLE-PLUGINS'],
    apply: (c) =>
      c.plugins
        .filter((p) => c.catalog.orchestrators.filter((o) => o.plugins.includes(p.id)).length <= 1)
        .map((p) => ({ points: -3, reason: `${p.name} exists for this platform only.` })),
  },
]

export const COST_RULES: readonly ScoreRule[] = [
  {
    id: 'COST-BASELINE',
    criterion: 'cost',
    references: ['ARTICLE-ORCHESTRATION'],
    apply: () => ({ points: 75, reason: 'Starting point before the design’s choices.' }),
  },
  {
    id: 'COST-PLATFORM-FEES',
    criterion: 'cost',
    references: ['ARTICLE-ORCHESTRATION'],
    apply: (c) =>
      c.orchestrator.cost === 0
        ? undefined
        : {
            points: -8 * c.orchestrator.cost,
            reason: `${c.orchestrator.name}: control-plane fees or licences (${c.orchestrator.cost}/3).`,
          },
  },
  {
    id: 'COST-RUNTIME-OVERHEAD',
    criterion: 'cost',
    references: ['S15', 'S50'],
    apply: (c) => {
      if (c.runtime.overhead > 0)
        return {
          points: -5 * c.runtime.overhead,
          reason: `${c.runtime.name} costs CPU, memory or IO on every workload (overhead ${c.runtime.overhead}/3).`,
        }
      const sandbox = c.appliedSandboxes[0]
      if (sandbox && c.everythingSandboxed)
        return {
          points: -5 * sandbox.overhead,
          reason: `${sandbox.name} costs CPU, memory or IO on every workload (overhead ${sandbox.overhead}/3).`,
        }
      if (sandbox)
        return {
          points: -2 * sandbox.overhead,
          reason: `${sandbox.name} overhead for the sandboxed workloads only.`,
        }
      return undefined
    },
  },
  {
    id: 'COST-VIRTUALISATION',
    criterion: 'cost',
    references: ['S15', 'S48'],
    apply: (c) => {
      const sandbox = c.offeredSandboxes.find((s) => s.needsVirtualization)
      if (!sandbox) return undefined
      return {
        points: -8,
        reason: `${sandbox.name} needs bare-metal or nested-virtualisation nodes, which cost more.`,
      }
    },
  },
  {
    id: 'COST-OS-LICENCE',
    criterion: 'cost',
    references: [],
    apply: (c) => {
      const windows = c.workloads.windows.length > 0 && c.os.family !== 'windows' ? 2 : 0
      const points = -5 * c.os.licenceCost - 3 * windows
      if (points === 0) return undefined
      return {
        points,
        reason: `Licences: ${c.os.name}${windows ? ' plus Windows Server nodes' : ''}.`,
      }
    },
  },
  {
    id: 'COST-PLUGIN-RESOURCES',
    readsPlugins: 'each-plugin',
    criterion: 'cost',
    references: ['ARTICLE-PLUGINS'],
    apply: (c) =>
      c.plugins.map((p) => ({
        points: PLUGIN_RUNNING_COST[p.footprint],
        reason: `${p.name} runs as ${p.footprint === 'sidecar' ? 'a sidecar in every pod' : `a ${p.footprint}`}.`,
      })),
  },
  {
    id: 'COST-SCALE',
    criterion: 'cost',
    references: [],
    apply: (c) => {
      const nodes = c.nodeCount
      if (nodes <= 50) return undefined
      return {
        points: capped(-Math.round(Math.log10(nodes) * 3), 15),
        reason: `${nodes} nodes to pay for.`,
      }
    },
  },
]
