// Swarm segments by network membership only: one overlay per connected pair, so only declared pairs share one.
// Those overlays are internal (no route out of the swarm); a service that talks to an endpoint outside
// gets one more overlay of its own that is not internal, because Swarm cannot filter by destination.
// A task whose networks are all internal gets no docker_gwbridge endpoint, so no default route: moby
// libnetwork `sandbox.needDefaultGW` skips internal networks (default_gateway.go, checked 2026-12).
import type { DeclaredFlow, IndexedWorkload } from '../../util/declared-flows'
import { compare } from '../../util/declared-flows'
import { createNameAllocator } from '../../util/unique-names'

/** An overlay network joining exactly two services (a flow in either or both directions). */
export interface PairNetwork {
  readonly name: string
  readonly members: readonly [string, string]
  /**
   * IPsec encryption; only when neither member runs on a Windows node. Docker docs, "Overlay network
   * driver" (docs.docker.com/engine/network/drivers/overlay/, checked 2026-12): "Overlay network
   * encryption isn't supported on Windows. Swarm doesn't report an error when a Windows host attempts
   * to connect to an encrypted overlay network" - Windows containers then cannot reach Linux ones.
   */
  readonly encrypted: boolean
  readonly flows: readonly DeclaredFlow[]
}

export interface NetworkPlan {
  readonly pairs: readonly PairNetwork[]
  /** Services with no flow get a network of their own, or Docker would attach them to `<stack>_default`. */
  readonly isolated: ReadonlyMap<string, string>
  /** The one non-internal network of each service that reaches an endpoint outside the swarm. */
  readonly egress: ReadonlyMap<string, string>
  /** Services on Windows nodes: no network they are on is encrypted. */
  readonly windows: ReadonlySet<string>
  /** Network names per service, sorted. */
  readonly byService: ReadonlyMap<string, readonly string[]>
}

/**
 * Plans networks: pairs first (in flow order), then one egress network per service with endpoint
 * egress, then one private network per otherwise unattached service. `windows` names the services
 * placed on Windows nodes.
 */
export function planNetworks(
  workloads: readonly IndexedWorkload[],
  flows: readonly DeclaredFlow[],
  windows: ReadonlySet<string>,
  egressServices: ReadonlySet<string>,
): NetworkPlan {
  const allocate = createNameAllocator('-')
  const byPair = new Map<
    string,
    { name: string; members: [string, string]; flows: DeclaredFlow[] }
  >()
  for (const flow of flows) {
    const members: [string, string] =
      compare(flow.from, flow.to) <= 0 ? [flow.from, flow.to] : [flow.to, flow.from]
    const key = members.join(' ')
    const existing = byPair.get(key)
    if (existing) existing.flows.push(flow)
    else byPair.set(key, { name: allocate(`${flow.from}-to-${flow.to}`), members, flows: [flow] })
  }
  const pairs: PairNetwork[] = [...byPair.values()].map((p) => ({
    ...p,
    encrypted: !p.members.some((m) => windows.has(m)),
  }))

  const attached = new Map<string, string[]>()
  for (const p of pairs) {
    for (const m of p.members) attached.set(m, [...(attached.get(m) ?? []), p.name])
  }
  const sortedWorkloads = [...workloads].sort((a, b) => compare(a.workload.name, b.workload.name))
  const egress = new Map<string, string>()
  for (const { workload } of sortedWorkloads) {
    if (!egressServices.has(workload.name)) continue
    const name = allocate(`${workload.name}-egress`)
    egress.set(workload.name, name)
    attached.set(workload.name, [...(attached.get(workload.name) ?? []), name])
  }
  const isolated = new Map<string, string>()
  for (const { workload } of sortedWorkloads) {
    if (!attached.has(workload.name)) {
      const name = allocate(`${workload.name}-isolated`)
      isolated.set(workload.name, name)
      attached.set(workload.name, [name])
    }
  }
  const byService = new Map([...attached].map(([s, nets]) => [s, [...nets].sort(compare)]))
  return { pairs, isolated, egress, byService, windows }
}
