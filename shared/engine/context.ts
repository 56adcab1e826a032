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
import type { Stack } from './types'

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
const PROVIDER_RUN_RUNTIMES: ReadonlySet<string> = new Set(['fargate'])

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
  readonly hostAccess: readonly IndexedWorkload[]
  readonly withCapabilities: readonly IndexedWorkload[]
  readonly dangerousCapabilities: readonly IndexedWorkload[]
  readonly addedCapabilityCount: number
  readonly dangerousCapabilityCount: number
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
  /** The sandbox untrusted workloads run in, when one is set and the orchestrator can run it. */
  readonly untrustedSandbox: Runtime | undefined
  /** The provider runs the nodes (Fargate): the node OS is theirs to harden and patch. */
  readonly providerRunNodes: boolean
  readonly workloads: WorkloadSummary
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
    hostAccess: all.filter((e) => e.workload.needs.hostAccess),
    withCapabilities: all.filter((e) => e.workload.needs.capabilities.length > 0),
    dangerousCapabilities: all.filter((e) => dangerous(e.workload).length > 0),
    addedCapabilityCount: all.reduce((n, e) => n + e.workload.needs.capabilities.length, 0),
    dangerousCapabilityCount: all.reduce((n, e) => n + dangerous(e.workload).length, 0),
    apiAccess: all.filter((e) => e.workload.needs.apiAccess),
    publicExposure: all.filter((e) => e.workload.exposure === 'public'),
    monitors: all.filter((e) => isMonitor(e.workload)),
    unpinnedImages: all.filter((e) => !isPinned(e.workload.image)),
    statefulWithoutPaths: all.filter(
      (e) => e.workload.stateful && e.workload.needs.writablePaths.length === 0,
    ),
    monitorsObservingNothing: all.filter(
      (e) => e.workload.role === 'monitoring' && e.workload.observes.length === 0,
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

/** The stack a design currently chooses. */
export function stackOf(design: Design): Stack {
  return {
    orchestrator: design.choices.orchestrator,
    runtime: design.choices.runtime,
    os: design.choices.os,
    plugins: design.choices.plugins,
  }
}

/** Builds the rule context for a design evaluated with a given stack (its own by default). */
export function buildContext(
  design: Design,
  catalog: Catalog,
  workloads: WorkloadSummary,
  stack: Stack = stackOf(design),
): EngineContext {
  const orchestrator = getOrchestrator(catalog, stack.orchestrator)
  const plugins = stack.plugins.map((id) => getPlugin(catalog, id))
  const capabilities = new Set<Capability>(orchestrator.provides)
  for (const plugin of plugins)
    for (const capability of plugin.provides) capabilities.add(capability)
  return {
    design,
    catalog,
    orchestrator,
    runtime: getRuntime(catalog, stack.runtime),
    os: getOs(catalog, stack.os),
    plugins,
    capabilities,
    untrustedSandbox: untrustedSandboxOf(design, catalog, orchestrator, stack),
    providerRunNodes: PROVIDER_RUN_RUNTIMES.has(stack.runtime),
    workloads,
  }
}

function untrustedSandboxOf(
  design: Design,
  catalog: Catalog,
  orchestrator: Orchestrator,
  stack: Stack,
): Runtime | undefined {
  const main = getRuntime(catalog, stack.runtime)
  if (main.sandbox) return main
  const id = design.isolation.runtimeClassForUntrusted
  if (!id || !orchestrator.runtimes.includes(id)) return undefined
  const sandbox = getRuntime(catalog, id)
  return sandbox.sandbox ? sandbox : undefined
}
