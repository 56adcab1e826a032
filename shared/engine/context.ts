// What the rules read: the chosen catalog entries and a one-pass summary of the workloads.
import type {
  Capability,
  Catalog,
  OperatingSystem,
  Orchestrator,
  Plugin,
  Runtime,
} from '../catalog/types'
import { getOrchestrator, getOs, getPlugin, getRuntime } from '../catalog/index'
import type { Design, Workload } from '../model/schema'
import type { Placement } from './posture/placement'
import { placeWorkloads } from './posture/placement'
import type { PodSecurityPosture } from './posture/pod-security'
import { hostNeedsOf, podSecurityOf } from './posture/pod-security'
import type { PoolView } from './posture/pools'
import { resolvePools } from './posture/pools'
import { applyStack, primaryPoolIndex, stackOf } from './stack'
import type { Stack } from './types'

export { stackOf } from './stack'

/** Capabilities that let a container escape or own its node when granted. */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set([
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'NET_ADMIN',
  'NET_RAW',
  'DAC_READ_SEARCH',
  'DAC_OVERRIDE',
  'BPF',
  'PERFMON',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'SETFCAP',
  'LINUX_IMMUTABLE',
])

/** Runtimes whose nodes the provider runs, so node-OS advice does not apply (S9, S28). */
export const PROVIDER_RUN_RUNTIMES: ReadonlySet<string> = new Set(['fargate'])

/** A workload with its index, so findings can name `workloads[i]` paths. */
export interface IndexedWorkload {
  readonly index: number
  readonly workload: Workload
}

/** Facts about the workloads that do not depend on the stack: computed once per design. */
export interface WorkloadSummary {
  readonly count: number
  readonly names: ReadonlySet<string>
  readonly teams: ReadonlySet<string>
  readonly untrusted: readonly IndexedWorkload[]
  readonly windows: readonly IndexedWorkload[]
  readonly linux: readonly IndexedWorkload[]
  /** Workloads that need host namespaces, host paths or privileged mode (beyond Baseline). */
  readonly hostAccess: readonly IndexedWorkload[]
  readonly withCapabilities: readonly IndexedWorkload[]
  readonly dangerousCapabilities: readonly IndexedWorkload[]
  readonly addedCapabilityCount: number
  readonly dangerousCapabilityCount: number
  /** Workloads with orchestrator API access (a token and a Role). */
  readonly apiAccess: readonly IndexedWorkload[]
  readonly publicExposure: readonly IndexedWorkload[]
  readonly monitors: readonly IndexedWorkload[]
  readonly unpinnedImages: readonly IndexedWorkload[]
  readonly statefulWithoutPaths: readonly IndexedWorkload[]
  readonly monitorsObservingNothing: readonly IndexedWorkload[]
  /** `observes` targets that declare no ports: the agent cannot reach them. */
  readonly unreachableObservations: readonly {
    readonly from: IndexedWorkload
    readonly target: string
  }[]
  /** Workloads with no flow in or out, not exposed and not monitoring: cut off under default-deny. */
  readonly isolatedWorkloads: readonly IndexedWorkload[]
  /** `talksTo`/`observes` entries naming no workload. */
  readonly danglingFlows: readonly { readonly path: string; readonly target: string }[]
  /** Flows touching a Windows workload (relevant for Swarm overlay encryption). */
  readonly flowsTouchingWindows: number
  readonly flowCount: number
}

/** Everything a rule may read: design, catalog entries of the stack, capabilities, workload summary. */
export interface EngineContext {
  readonly design: Design
  readonly catalog: Catalog
  readonly orchestrator: Orchestrator
  readonly runtime: Runtime
  readonly os: OperatingSystem
  readonly plugins: readonly Plugin[]
  /** Capabilities of the orchestrator and the plugins together. */
  readonly capabilities: ReadonlySet<Capability>
  /** Every node pool with its catalog entries and usable sandboxes. */
  readonly pools: readonly PoolView[]
  /** The primary pool (first Linux pool running workloads): `os` and `runtime` describe it. */
  readonly primaryPool: PoolView | undefined
  /** Where each workload runs and the sandbox applied to it, by workload index. */
  readonly placements: readonly Placement[]
  /** Each workload's pod security as enforced, by workload index. */
  readonly podSecurity: readonly PodSecurityPosture[]
  /** Distinct sandboxes applied to at least one workload (as the generators emit them). */
  readonly appliedSandboxes: readonly Runtime[]
  /** Distinct sandboxes some pool offers and can run (you run those nodes whether used or not). */
  readonly offeredSandboxes: readonly Runtime[]
  /** Every workload runs sandboxed by choice (`sandboxWorkloads: all`), not only the untrusted. */
  readonly everythingSandboxed: boolean
  /** Nodes across all pools. */
  readonly nodeCount: number
  /** The provider runs the primary pool's nodes (Fargate): the node OS is theirs to harden and patch. */
  readonly providerRunNodes: boolean
  readonly workloads: WorkloadSummary
  /** The stack this context evaluates. */
  readonly stack: Stack
}

function isPinned(image: string): boolean {
  if (image.includes('@sha256:')) return true
  const lastSegment = image.slice(image.lastIndexOf('/') + 1)
  const colon = lastSegment.indexOf(':')
  return colon >= 0 && lastSegment.slice(colon + 1) !== 'latest'
}

/** One pass over the workloads; independent of the stack, so `recommend` computes it once. */
export function summarizeWorkloads(design: Design): WorkloadSummary {
  const all = design.workloads.map((workload, index) => ({ index, workload }))
  const byName = new Map(design.workloads.map((w) => [w.name, w]))
  const endpoints = new Set(design.endpoints.map((e) => e.name))
  const inbound = new Set<string>()
  const danglingFlows: { path: string; target: string }[] = []
  const unreachableObservations: { from: IndexedWorkload; target: string }[] = []
  let flowsTouchingWindows = 0
  let flowCount = 0
  for (const entry of all) {
    const { workload, index } = entry
    const check = (kind: 'talksTo' | 'observes') =>
      workload[kind].forEach((target, j) => {
        const peer = byName.get(target)
        if (!peer && endpoints.has(target)) return
        if (!peer) {
          danglingFlows.push({ path: `workloads[${index}].${kind}[${j}]`, target })
          return
        }
        flowCount += 1
        inbound.add(target)
        if (peer.os === 'windows' || workload.os === 'windows') flowsTouchingWindows += 1
        if (kind === 'observes' && peer.ports.length === 0)
          unreachableObservations.push({ from: entry, target })
      })
    check('talksTo')
    check('observes')
  }
  const isMonitor = (w: Workload) => w.role !== 'app' || w.observes.length > 0
  const dangerous = (w: Workload) =>
    w.needs.capabilities.filter((c) => DANGEROUS_CAPABILITIES.has(c))
  return {
    count: all.length,
    names: new Set(byName.keys()),
    teams: new Set(design.workloads.map((w) => w.team)),
    untrusted: all.filter((e) => e.workload.trust === 'untrusted'),
    windows: all.filter((e) => e.workload.os === 'windows'),
    linux: all.filter((e) => e.workload.os === 'linux'),
    hostAccess: all.filter((e) =>
      hostNeedsOf(e.workload).some(
        (n) => n.level === 'privileged' && !n.what.startsWith('capability'),
      ),
    ),
    withCapabilities: all.filter((e) => e.workload.needs.capabilities.length > 0),
    dangerousCapabilities: all.filter((e) => dangerous(e.workload).length > 0),
    addedCapabilityCount: all.reduce((n, e) => n + e.workload.needs.capabilities.length, 0),
    dangerousCapabilityCount: all.reduce((n, e) => n + dangerous(e.workload).length, 0),
    apiAccess: all.filter((e) => e.workload.identity.orchestratorApi.length > 0),
    publicExposure: all.filter((e) => e.workload.exposure === 'public'),
    monitors: all.filter((e) => isMonitor(e.workload)),
    unpinnedImages: all.filter((e) => !isPinned(e.workload.image)),
    statefulWithoutPaths: all.filter(
      (e) => e.workload.stateful && e.workload.needs.writablePaths.length === 0,
    ),
    // Node-level collection (host paths such as /var/log) needs no network flow.
    monitorsObservingNothing: all.filter(
      (e) =>
        e.workload.role === 'monitoring' &&
        e.workload.observes.length === 0 &&
        e.workload.needs.hostPaths.length === 0 &&
        !e.workload.needs.hostNetwork,
    ),
    unreachableObservations,
    isolatedWorkloads: all.filter(
      (e) =>
        e.workload.talksTo.length === 0 &&
        e.workload.observes.length === 0 &&
        !inbound.has(e.workload.name) &&
        e.workload.exposure !== 'public' &&
        !isMonitor(e.workload),
    ),
    danglingFlows,
    flowsTouchingWindows,
    flowCount,
  }
}

/** Builds the rule context for a design evaluated with a given stack (its own by default). */
/** Whether two stacks differ at most in their plugins (then the design's pools stay as they are). */
function sameStackButPlugins(a: Stack, b: Stack): boolean {
  return (
    a.orchestrator === b.orchestrator &&
    a.runtime === b.runtime &&
    a.os === b.os &&
    (b.sandbox === undefined || a.sandbox === b.sandbox) &&
    (b.isolation === undefined ||
      (a.isolation !== undefined &&
        a.isolation.podSecurity === b.isolation.podSecurity &&
        a.isolation.namespaces === b.isolation.namespaces &&
        a.isolation.network === b.isolation.network))
  )
}

export function buildContext(
  original: Design,
  catalog: Catalog,
  workloads: WorkloadSummary,
  stack?: Stack,
): EngineContext {
  const design =
    stack === undefined || sameStackButPlugins(stackOf(original, catalog), stack)
      ? original
      : applyStack(original, stack, catalog)
  const own = stack ?? stackOf(design, catalog)
  const orchestrator = getOrchestrator(catalog, own.orchestrator)
  const plugins = own.plugins.map((id) => getPlugin(catalog, id))
  const capabilities = new Set<Capability>(orchestrator.provides)
  for (const plugin of plugins)
    for (const capability of plugin.provides) capabilities.add(capability)
  const pools = resolvePools(design.nodePools, orchestrator, catalog)
  const primaryPool = pools[primaryPoolIndex(design, catalog)]
  const runtime = getRuntime(catalog, own.runtime)
  const admission = capabilities.has('admission-policy')
  const placements = placeWorkloads(design, pools)
  const appliedSandboxes = distinct(placements.flatMap((p) => (p.sandbox ? [p.sandbox] : [])))
  return {
    design,
    catalog,
    orchestrator,
    runtime,
    os: getOs(catalog, own.os),
    plugins,
    capabilities,
    pools,
    primaryPool,
    placements,
    appliedSandboxes,
    offeredSandboxes: distinct(pools.flatMap((p) => p.sandboxes)),
    everythingSandboxed:
      design.isolation.sandboxWorkloads === 'all' &&
      (appliedSandboxes.length > 0 ||
        (placements.length === 0 && (primaryPool?.sandboxes.length ?? 0) > 0)),
    nodeCount: design.nodePools.reduce((n, p) => n + p.size, 0),
    podSecurity: design.workloads.map((w) => podSecurityOf(design, orchestrator, admission, w)),
    providerRunNodes: PROVIDER_RUN_RUNTIMES.has(runtime.id),
    workloads,
    stack: own,
  }
}

function distinct(runtimes: readonly Runtime[]): Runtime[] {
  return [...new Map(runtimes.map((r) => [r.id, r])).values()]
}
