// Swarm segments by network membership only: one overlay per connected pair, so only declared pairs share one.
import type { DeclaredFlow, IndexedWorkload } from '../../util/declared-flows'
import { compare } from '../../util/declared-flows'
import { createNameAllocator } from '../../util/unique-names'

/** An overlay network joining exactly two services (a flow in either or both directions). */
export interface PairNetwork {
  readonly name: string
  readonly members: readonly [string, string]
  /** IPsec encryption; only when neither member runs on Windows, where it is not supported. */
  readonly encrypted: boolean
  readonly flows: readonly DeclaredFlow[]
}

export interface NetworkPlan {
  readonly pairs: readonly PairNetwork[]
  /** Services with no flow get a network of their own, or Docker would attach them to `<stack>_default`. */
  readonly isolated: ReadonlyMap<string, string>
  /** Network names per service, sorted. */
  readonly byService: ReadonlyMap<string, readonly string[]>
}

/** Plans networks: pairs first (in flow order), then one private network per otherwise unattached service. */
export function planNetworks(
  workloads: readonly IndexedWorkload[],
  flows: readonly DeclaredFlow[],
): NetworkPlan {
  const windows = new Set(
    workloads.filter((w) => w.workload.os === 'windows').map((w) => w.workload.name),
  )
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
  const isolated = new Map<string, string>()
  for (const { workload } of [...workloads].sort((a, b) =>
    compare(a.workload.name, b.workload.name),
  )) {
    if (!attached.has(workload.name)) {
      const name = allocate(`${workload.name}-isolated`)
      isolated.set(workload.name, name)
      attached.set(workload.name, [name])
    }
  }
  const byService = new Map([...attached].map(([s, nets]) => [s, [...nets].sort(compare)]))
  return { pairs, isolated, byService }
}
