// Decisions shared by the job file, the Consul intentions, the controls and the README.
import type { Catalog } from '../../catalog/types'
import type { Design, Workload } from '../../model/schema'
import {
  compare,
  resolveFlows,
  type DeclaredFlow,
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
  /** Sandbox runtime for an untrusted Linux workload, when Docker can run the chosen one. */
  readonly runtime: DockerRuntime | undefined
  readonly hyperv: boolean
  readonly vaultRole: string | undefined
}

/** A flow the mesh cannot enforce, because a Windows end has no Connect sidecar. */
export interface UnmeshedFlow {
  readonly flow: DeclaredFlow
  readonly windowsEnd: string
}

export interface NomadPlan {
  readonly design: Design
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
  const graph = resolveFlows(design)
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
    if (workload.exposure !== 'public') continue
    publicNames.set(
      workload.name,
      [...workload.ports]
        .sort((a, b) => a - b)
        .map((port) => [allocate(`${workload.name}-public-${port}`), port] as const),
    )
  }

  const windows = new Set(
    sorted.filter((w) => w.workload.os === 'windows').map((w) => w.workload.name),
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

  const sandboxId = design.isolation.runtimeClassForUntrusted
  const vault = design.choices.plugins.includes('vault')
  const groups = graph.workloads.map(({ index, workload }): GroupPlan => {
    const isWindows = workload.os === 'windows'
    const untrusted = workload.trust === 'untrusted'
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
      runtime: !isWindows && untrusted && sandboxId ? dockerRuntime(sandboxId) : undefined,
      hyperv:
        isWindows &&
        (design.choices.runtime === 'windows-hyperv' ||
          (untrusted && sandboxId === 'windows-hyperv')),
      vaultRole: vault ? `${design.metadata.name}-${workload.name}` : undefined,
    }
  })
  return { design, groups, intentions, unmeshed, skipped: graph.skipped }
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
