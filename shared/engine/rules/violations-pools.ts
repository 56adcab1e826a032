// Hard incompatibilities of node pools and placement: checked per pool (runtime x OS x
// orchestrator, OS x cloud, sandboxes), and per workload (no pool can run it as declared).
import type { EngineContext } from '../context'
import { hostNeedsOf } from '../posture/pod-security'
import type { ViolationHit, ViolationRule } from './types'
import { nameList, workloadPaths } from './types'

const poolPath = (index: number, field?: string) =>
  `nodePools[${index}]${field === undefined ? '' : `.${field}`}`

/** The first Linux OS among ids, for fix texts. */
const names = (
  ids: readonly string[],
  c: { catalog: { operatingSystems: readonly { id: string; name: string }[] } },
) => ids.map((id) => c.catalog.operatingSystems.find((o) => o.id === id)?.name ?? id)

/** Names of the node engines the orchestrator runs. */
const engineNames = (c: EngineContext) =>
  c.orchestrator.runtimes.flatMap((id) => {
    const r = c.catalog.runtimes.find((x) => x.id === id)
    return r?.kind === 'engine' ? [r.name] : []
  })

export const VIOLATION_RULES_POOLS: readonly ViolationRule[] = [
  {
    id: 'COMPAT-NO-POOLS',
    references: [],
    detect: (c) =>
      c.pools.some((p) => p.runsWorkloads)
        ? undefined
        : {
            message: 'The design has no node pool that runs workloads.',
            paths: ['nodePools'],
            fix: 'Add a workers (or, on AKS, system) node pool with its OS and runtime.',
          },
  },
  {
    id: 'COMPAT-RUNTIME-ORCHESTRATOR',
    references: ['ARTICLE-RUNTIMES', 'S1', 'S25', 'S28'],
    detect: (c) =>
      c.pools.flatMap((p): ViolationHit[] => {
        const r = p.runtime
        if (r.kind === 'isolation-mode')
          return [
            {
              message: `${r.name} is how the engine runs Windows containers by default, not an engine of its own (pool ${p.pool.name}).`,
              paths: [poolPath(p.index, 'runtime')],
              fix: `Choose the engine: ${nameList(engineNames(c))}.`,
            },
          ]
        if (r.kind === 'sandbox')
          return [
            {
              message: `${r.name} is a sandbox handler, not a node engine (pool ${p.pool.name}).`,
              paths: [poolPath(p.index, 'runtime')],
              fix: `Keep the engine as runtime and list ${r.name} under sandboxes.`,
            },
          ]
        if (c.orchestrator.runtimes.includes(r.id)) return []
        return [
          {
            message: `${c.orchestrator.name} cannot run the ${r.name} runtime (pool ${p.pool.name}): the orchestrator decides which runtimes you can use.`,
            paths: [poolPath(p.index, 'runtime'), 'choices.orchestrator'],
            fix: `Choose one of ${nameList(engineNames(c))}.`,
          },
        ]
      }),
  },
  {
    id: 'COMPAT-OS-ORCHESTRATOR',
    references: ['S3', 'S6', 'S12', 'S17'],
    detect: (c) =>
      c.pools.flatMap((p): ViolationHit[] => {
        const { controlPlane, worker } = c.orchestrator.os
        if (p.pool.role === 'control-plane') {
          if (c.orchestrator.managedControlPlane)
            return [
              {
                message: `${c.orchestrator.name} runs the control plane for you: pool ${p.pool.name} cannot be a control-plane pool.`,
                paths: [poolPath(p.index, 'role')],
                fix: 'Remove the pool, or make it a workers (or system) pool.',
              },
            ]
          if (controlPlane.includes(p.os.id)) return []
          return [
            {
              message:
                p.os.family === 'windows'
                  ? `${c.orchestrator.name} runs Windows nodes as workers only; its control plane must run on ${nameList(names(controlPlane, c))}.`
                  : `${c.orchestrator.name} does not run its control plane on ${p.os.name}.`,
              paths: [poolPath(p.index, 'os')],
              fix: `Run pool ${p.pool.name} on ${nameList(names(controlPlane, c))}; Windows workloads go to a Windows workers pool.`,
            },
          ]
        }
        if (worker.includes(p.os.id)) return []
        return [
          {
            message: `${c.orchestrator.name} does not run nodes on ${p.os.name} (pool ${p.pool.name}).`,
            paths: [poolPath(p.index, 'os'), 'choices.orchestrator'],
            fix: `Choose one of ${nameList(names(worker, c), 6)}.`,
          },
        ]
      }),
  },
  {
    id: 'COMPAT-CONTROL-PLANE-MISSING',
    references: ['ARTICLE-ORCHESTRATION'],
    detect: (c) =>
      c.orchestrator.managedControlPlane || c.pools.some((p) => p.pool.role === 'control-plane')
        ? undefined
        : {
            message: `${c.orchestrator.name} is self-managed: the design needs a control-plane pool (${c.orchestrator.family === 'swarm' ? 'managers' : c.orchestrator.family === 'nomad' ? 'servers' : 'control-plane nodes'}).`,
            paths: ['nodePools'],
            fix: 'Add a pool with role: control-plane (three nodes for a highly available quorum).',
          },
  },
  {
    id: 'COMPAT-RUNTIME-OS',
    references: ['S3', 'S50', 'S54'],
    detect: (c) =>
      c.pools.flatMap((p): ViolationHit[] =>
        p.runtime.hostOs.includes(p.os.family) || p.runtime.kind !== 'engine'
          ? []
          : [
              {
                message: `${p.runtime.name} runs on ${p.runtime.hostOs.join('/')} hosts, not on ${p.os.name} (pool ${p.pool.name}).`,
                paths: [poolPath(p.index, 'runtime'), poolPath(p.index, 'os')],
                fix:
                  p.os.family === 'windows'
                    ? 'Windows pools run containerd (Kubernetes) or Docker Engine (Swarm, Nomad, ECS).'
                    : 'Choose a Linux engine for this pool.',
              },
            ],
      ),
  },
  {
    id: 'COMPAT-WINDOWS-UNSUPPORTED',
    references: ['ARTICLE-OS', 'S9', 'S12'],
    detect: (c) => {
      const windowsPools = c.pools.filter((p) => p.os.family === 'windows')
      const wants =
        c.workloads.windows.length > 0 ||
        c.design.context.requirements.windowsWorkloads ||
        windowsPools.length > 0
      if (!wants || c.orchestrator.windowsRuntimes.length > 0) return undefined
      return {
        message: `${c.orchestrator.name} cannot run Windows containers.`,
        paths: [
          'choices.orchestrator',
          ...(c.design.context.requirements.windowsWorkloads
            ? ['context.requirements.windowsWorkloads']
            : []),
          ...workloadPaths(c.workloads.windows, 'os'),
          ...windowsPools.map((p) => poolPath(p.index, 'os')),
        ],
        fix: 'Choose an orchestrator with Windows support (Swarm supports Windows fully; Kubernetes, EKS, GKE Standard, AKS and ECS support Windows workers).',
      }
    },
  },
  {
    id: 'COMPAT-LINUX-POOL-REQUIRED',
    references: ['S6', 'S17'],
    detect: (c) => {
      const need = c.orchestrator.linuxPool
      if (need === undefined || c.pools.length === 0) return undefined
      const ok = c.pools.some(
        (p) =>
          p.runsWorkloads &&
          p.os.family === 'linux' &&
          (need.role === 'any' || p.pool.role === 'system'),
      )
      if (ok) return undefined
      return {
        message: need.reason,
        paths: ['nodePools'],
        fix:
          need.role === 'system'
            ? 'Add a Linux pool with role: system (AKS runs its system pods there).'
            : 'Add a Linux node pool (two small nodes are enough for CoreDNS and the add-ons).',
      }
    },
  },
  {
    id: 'COMPAT-OS-CLOUD',
    references: ['S9', 'S55', 'S59'],
    detect: (c) => {
      const { cloud } = c.design.context
      if (cloud === 'hybrid') return undefined
      return c.pools.flatMap((p): ViolationHit[] =>
        c.providerRunNodes || p.os.clouds.includes(cloud)
          ? []
          : [
              {
                message: `${p.os.name} is not offered as a node image on ${cloud} (pool ${p.pool.name}).`,
                paths: [poolPath(p.index, 'os'), 'context.cloud'],
                fix: `${p.os.name} runs on ${p.os.clouds.join(', ')}; choose an OS your cloud offers.`,
              },
            ],
      )
    },
  },
  {
    id: 'COMPAT-SANDBOX-UNSUPPORTED',
    references: ['S2', 'S11', 'S15', 'S22', 'S3', 'S54'],
    detect: (c) =>
      c.pools.flatMap((p) =>
        p.refusedSandboxes.map((r): ViolationHit => ({
          message: r.reason,
          paths: [poolPath(p.index, 'sandboxes')],
          fix: r.fix,
        })),
      ),
  },
  {
    id: 'COMPAT-WORKLOAD-PLACEMENT',
    references: ['S2', 'S3', 'S50'],
    detect: (c) => c.placements.flatMap((p): ViolationHit[] => (p.problem ? [p.problem] : [])),
  },
  {
    id: 'COMPAT-HOST-ACCESS-RUNTIME',
    references: ['S9', 'S15', 'S29'],
    detect: (c) => {
      const blocked = c.workloads.hostAccess.filter(({ index }) => {
        const placement = c.placements[index]
        if (!placement?.pool) return false
        return !placement.pool.runtime.hostNetwork || placement.sandbox?.hostNetwork === false
      })
      if (blocked.length === 0) return undefined
      return {
        message: `Host access is impossible inside a VM boundary (Fargate, Kata): ${nameList(blocked.map((e) => e.workload.name))}.`,
        paths: workloadPaths(blocked, 'needs'),
        fix: 'Drop host access from these workloads, or run them on a shared-kernel pool (and treat the risk).',
      }
    },
  },
  {
    id: 'COMPAT-PLATFORM-POD-LIMITS',
    references: ['GKE-AUTOPILOT-WARDEN', 'S13'],
    detect: (c) => {
      const limits = c.orchestrator.podLimits
      if (limits === undefined) return undefined
      return c.design.workloads.flatMap((w, i): ViolationHit[] => {
        const refused: { what: string; path: string }[] = []
        if (w.needs.privileged)
          refused.push({ what: 'a privileged container', path: 'needs.privileged' })
        if (w.needs.hostNetwork)
          refused.push({ what: 'the host network', path: 'needs.hostNetwork' })
        if (w.needs.hostPID) refused.push({ what: 'the host PID namespace', path: 'needs.hostPID' })
        w.needs.hostPaths.forEach((h, j) => {
          const under = limits.hostPathPrefixes.some((p) => `${h.path}/`.startsWith(p))
          if (!under || (limits.hostPathReadOnly && !h.readOnly))
            refused.push({
              what: `host path ${h.path}${h.readOnly ? '' : ' (writable)'}`,
              path: `needs.hostPaths[${j}]`,
            })
        })
        w.needs.capabilities.forEach((cap, j) => {
          if (!limits.capabilities.includes(cap))
            refused.push({ what: `capability ${cap}`, path: `needs.capabilities[${j}]` })
        })
        if (refused.length === 0) return []
        return [
          {
            message: `${c.orchestrator.name} refuses ${nameList(refused.map((r) => r.what))} for ${w.name}, whatever the namespace allows.`,
            paths: refused.map((r) => `workloads[${i}].${r.path}`),
            fix: `Allowed: read-only host paths under ${limits.hostPathPrefixes.join(', ')} and the capabilities ${limits.capabilities.join(', ')}; otherwise use GKE Standard (or a partner WorkloadAllowlist).`,
          },
        ]
      })
    },
  },
  {
    id: 'COMPAT-EXCEPTION-UNJUSTIFIED',
    references: ['PSS', 'ARTICLE-ISOLATION'],
    detect: (c) =>
      c.design.workloads.flatMap((w, i): ViolationHit[] => {
        if (w.needs.justification !== undefined && w.needs.justification.trim() !== '') return []
        const needs = hostNeedsOf(w)
        if (needs.length === 0) return []
        return [
          {
            message: `${w.name} asks for ${nameList(needs.map((n) => n.what))} without a justification: an exception from the Restricted profile must say why.`,
            paths: [
              `workloads[${i}].needs.justification`,
              ...needs.map((n) => `workloads[${i}].${n.field}`),
            ],
            fix: `Write why ${w.name} needs it in needs.justification (it goes into the document and the exception namespace), or drop the need.`,
          },
        ]
      }),
  },
  {
    id: 'COMPAT-PUBLIC-NO-INGRESS',
    references: ['ARTICLE-ISOLATION'],
    detect: (c) => {
      if (c.workloads.publicExposure.length === 0) return undefined
      const ingress = c.design.endpoints.some((e) => e.kind === 'internet' && e.ingress !== 'none')
      if (ingress) return undefined
      return {
        message: `${nameList(c.workloads.publicExposure.map((e) => e.workload.name))} ${c.workloads.publicExposure.length === 1 ? 'is' : 'are'} public, but no endpoint brings internet traffic in.`,
        paths: workloadPaths(c.workloads.publicExposure, 'exposure'),
        fix: 'Add an endpoint of kind: internet with ingress: load-balancer or ingress-controller.',
      }
    },
  },
]
