// Decisions shared by the job file, the Consul intentions, the controls and the README.
// Placement and sandboxes come from the engine's posture (`postureOf`), never re-derived here.
import type { Catalog } from '../../catalog/types'
import { postureOf, RESTRICTED_CAPABILITIES, type PoolView } from '../../engine/posture/index'
import type { Design, Workload } from '../../model/schema'
import {
  compare,
  resolveEndpointFlows,
  resolveFlows,
  type DeclaredFlow,
  type EndpointFlow,
  type SkippedDeclaration,
} from '../../util/declared-flows'
import { dockerRuntime, type DockerRuntime } from '../../util/docker-runtimes'
import { createNameAllocator } from '../../util/unique-names'

/** Upstream listeners start here: below Nomad's dynamic port range (20000-32000) used by Envoy's own listeners. */
const FIRST_UPSTREAM_PORT = 11000

/** A Consul service registered for one workload port (Connect-enabled on Linux). */
export interface ServicePlan {
  readonly name: string
  /** Port inside the group's network namespace; undefined for a source-only service (no listener). */
  readonly port: number | undefined
}

export interface UpstreamPlan {
  readonly destination: string
  readonly localBindPort: number
  readonly flow: DeclaredFlow
}

export interface GroupPlan {
  readonly index: number
  readonly workload: Workload
  readonly windows: boolean
  /** Consul Connect services (Linux) or plain services (Windows); the first one carries the upstreams. */
  readonly services: readonly ServicePlan[]
  /** Plain services for load-balancer discovery of public ports (name, port). */
  readonly publicServices: readonly (readonly [string, number])[]
  readonly upstreams: readonly UpstreamPlan[]
  /** The node pool the posture placed it on; undefined when it cannot be placed. */
  readonly pool: PoolView | undefined
  readonly placementProblem: string | undefined
  /** The sandbox the posture applied, by catalog id. */
  readonly sandboxId: string | undefined
  /** Docker runtime for the applied Linux sandbox, when the docker driver can run it. */
  readonly runtime: DockerRuntime | undefined
  readonly hyperv: boolean
  readonly vaultRole: string | undefined
  /** Capabilities added after dropping ALL: NET_BIND_SERVICE, and others only with a justification. */
  readonly capAdd: readonly string[]
  readonly privileged: boolean
  readonly hostPid: boolean
  readonly hostPaths: Workload['needs']['hostPaths']
  /** Declared needs not granted, each with the reason. */
  readonly notGranted: readonly string[]
  /** Connections to endpoints outside the cluster, in design order. */
  readonly egress: readonly EndpointFlow[]
}

/** A flow the mesh cannot enforce, because a Windows end has no Connect sidecar. */
export interface UnmeshedFlow {
  readonly flow: DeclaredFlow
  readonly windowsEnd: string
}

export interface NomadPlan {
  readonly design: Design
  /** The job's `node_pool`: the one pool every placed group runs on, or `all` with per-group constraints. */
  readonly nodePool: string | undefined
  readonly groups: readonly GroupPlan[]
  /** Allowed (source service, destination service) pairs; everything else is denied by `* -> *`. */
  readonly intentions: readonly {
    readonly source: string
    readonly destination: string
    readonly flow: DeclaredFlow
  }[]
  readonly unmeshed: readonly UnmeshedFlow[]
  readonly skipped: readonly SkippedDeclaration[]
}

/** Plans groups, service names, upstream ports and intentions; throws when the orchestrator is not Nomad. */
export function planNomad(design: Design, catalog: Catalog): NomadPlan {
  const orchestrator = catalog.orchestrators.find((o) => o.id === design.choices.orchestrator)
  if (orchestrator?.family !== 'nomad') {
    throw new Error(
      `generateNomad needs the Nomad orchestrator, but the design chooses "${design.choices.orchestrator}"`,
    )
  }
  const posture = postureOf(design, catalog)
  const graph = resolveFlows(design)
  const endpointFlows = resolveEndpointFlows(design)
  const ingress = new Set(endpointFlows.filter((f) => f.direction === 'in').map((f) => f.workload))
  const sorted = [...graph.workloads].sort((a, b) => compare(a.workload.name, b.workload.name))
  const allocate = createNameAllocator('-')
  // Workload names first, so each workload's main service keeps its name.
  for (const { workload } of sorted) allocate(workload.name)
  const services = new Map<string, ServicePlan[]>()
  for (const { workload } of sorted) {
    const [first, ...rest] = [...workload.ports].sort((a, b) => a - b)
    services.set(workload.name, [
      { name: workload.name, port: first },
      ...rest.map((port) => ({ name: allocate(`${workload.name}-${port}`), port })),
    ])
  }
  const publicNames = new Map<string, (readonly [string, number])[]>()
  for (const { workload } of sorted) {
    if (!ingress.has(workload.name)) continue
    publicNames.set(
      workload.name,
      [...workload.ports]
        .sort((a, b) => a - b)
        .map((port) => [allocate(`${workload.name}-public-${port}`), port] as const),
    )
  }

  const familyOf = (index: number, w: Workload) =>
    posture.placements[index]?.pool?.os.family ?? w.os
  const windows = new Set(
    sorted.filter((w) => familyOf(w.index, w.workload) === 'windows').map((w) => w.workload.name),
  )
  const meshed = graph.flows.filter((f) => !windows.has(f.from) && !windows.has(f.to))
  const unmeshed = graph.flows
    .filter((f) => windows.has(f.from) || windows.has(f.to))
    .map((flow) => ({ flow, windowsEnd: windows.has(flow.from) ? flow.from : flow.to }))
  const intentions = meshed.flatMap((flow) =>
    (services.get(flow.to) ?? [])
      .filter((s) => s.port !== undefined)
      .map((s) => ({ source: flow.from, destination: s.name, flow })),
  )

  const vault = design.choices.plugins.includes('vault')
  const groups = graph.workloads.map(({ index, workload }): GroupPlan => {
    const isWindows = windows.has(workload.name)
    const placement = posture.placements[index]
    const sandbox = placement?.sandbox
    const exceptions = exceptionsOf(workload, !isWindows)
    return {
      index,
      workload,
      windows: isWindows,
      services:
        workload.ports.length > 0 || meshed.some((f) => f.from === workload.name)
          ? (services.get(workload.name) ?? [])
          : [],
      publicServices: publicNames.get(workload.name) ?? [],
      upstreams: upstreamsFor(workload, meshed, services),
      pool: placement?.pool,
      placementProblem: placement?.problem?.message,
      sandboxId: sandbox?.id,
      runtime: !isWindows && sandbox ? dockerRuntime(sandbox.id) : undefined,
      hyperv: isWindows && sandbox?.id === 'windows-hyperv',
      vaultRole: vault ? `${design.metadata.name}-${workload.name}` : undefined,
      ...exceptions,
      egress: endpointFlows.filter((f) => f.workloadIndex === index && f.direction === 'out'),
    }
  })
  const pools = [...new Set(groups.flatMap((g) => (g.pool ? [g.pool.pool.name] : [])))]
  const nodePool = pools.length === 0 ? undefined : pools.length === 1 ? pools[0] : 'all'
  return { design, nodePool, groups, intentions, unmeshed, skipped: graph.skipped }
}

type Exceptions = Pick<GroupPlan, 'capAdd' | 'privileged' | 'hostPid' | 'hostPaths' | 'notGranted'>

/** What the docker driver grants beyond the hardened default: only justified needs, Linux only. */
function exceptionsOf(w: Workload, linux: boolean): Exceptions {
  const justified = (w.needs.justification ?? '').trim().length > 0
  const notGranted: string[] = []
  const declared = linux ? [...w.needs.capabilities].sort(compare) : []
  const capAdd = declared.filter((c) => justified || RESTRICTED_CAPABILITIES.includes(c))
  const unjustified = declared.filter((c) => !capAdd.includes(c))
  if (unjustified.length > 0)
    notGranted.push(
      `capabilities ${unjustified.map((c) => `\`${c}\``).join(', ')}: the workload gives no \`needs.justification\``,
    )
  const grant = (asked: boolean, what: string) => {
    if (!asked) return false
    if (!justified) notGranted.push(`${what}: the workload gives no \`needs.justification\``)
    else if (!linux) notGranted.push(`${what}: not generated for Windows tasks`)
    return justified && linux
  }
  const privileged = grant(w.needs.privileged, 'privileged mode')
  const hostPid = grant(w.needs.hostPID, 'host PID namespace')
  const paths = w.needs.hostPaths
  const hostPaths = grant(
    paths.length > 0,
    `host paths ${paths.map((h) => `\`${h.path}\``).join(', ')}`,
  )
    ? paths
    : []
  if (w.needs.hostNetwork)
    notGranted.push(
      'host network: not generated, because a group in host network mode has no Connect sidecar and so no intentions',
    )
  return { capAdd, privileged, hostPid, hostPaths, notGranted }
}

function upstreamsFor(
  workload: Workload,
  meshed: readonly DeclaredFlow[],
  services: ReadonlyMap<string, readonly ServicePlan[]>,
): UpstreamPlan[] {
  const own = new Set(workload.ports)
  let next = FIRST_UPSTREAM_PORT
  const upstreams: UpstreamPlan[] = []
  for (const flow of meshed.filter((f) => f.from === workload.name)) {
    for (const service of services.get(flow.to) ?? []) {
      if (service.port === undefined) continue
      while (own.has(next)) next++
      upstreams.push({ destination: service.name, localBindPort: next++, flow })
    }
  }
  return upstreams
}
