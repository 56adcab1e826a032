// The architecture diagram for large designs: one node per group with counts, flows aggregated between groups.
import type { Catalog } from '../../catalog/types'
import type { Evaluation } from '../../engine/types'
import type { Design } from '../../model/schema'
import { resolveEndpointFlows } from '../../util/declared-flows'
import type { FlowGraph, IndexedWorkload } from '../../util/declared-flows'
import {
  edgeLine,
  INTERNET_ID,
  INTERNET_NODE,
  isTalksTo,
  portsText,
  RISK_CLASS,
  RISK_CLASS_DEF,
  riskyWorkloads,
} from './edges'
import { mermaidLabel } from './escape'
import type { Placement } from './placement'
import { placementsOf } from './placement'
import { endpointLines, endpointNodeId, pluginLines, subgraphLines } from './groups'
import { hostNeedsOf } from '../../engine/posture/index'

/** At most this many group nodes; the smallest groups beyond it are merged into one per runtime. */
export const MAX_GROUPS = 60

interface Bucket {
  readonly placement: Placement
  readonly members: IndexedWorkload[]
}

/** Mermaid source with one node per (pool, runtime, group) and one aggregated edge per pair of groups. */
export function summaryDiagram(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
  graph: FlowGraph,
): string {
  const buckets = bucketsOf(design, catalog, graph.workloads)
  const bucketOf = new Map<string, number>()
  buckets.forEach((b, i) => b.members.forEach((m) => bucketOf.set(m.workload.name, i)))

  const inside = new Map<number, number>()
  const between = new Map<
    string,
    { from: number; to: number; count: number; solid: boolean; ports: Set<number> }
  >()
  for (const flow of graph.flows) {
    const from = bucketOf.get(flow.from) ?? 0
    const to = bucketOf.get(flow.to) ?? 0
    if (from === to) {
      inside.set(from, (inside.get(from) ?? 0) + 1)
      continue
    }
    const key = `${from}>${to}`
    const edge = between.get(key) ?? { from, to, count: 0, solid: false, ports: new Set<number>() }
    edge.count += 1
    edge.solid ||= isTalksTo(flow)
    flow.ports.forEach((p) => edge.ports.add(p))
    between.set(key, edge)
  }

  const risky = riskyWorkloads(evaluation)
  const items = buckets.map((b, i) => ({
    ...b.placement,
    node: `g${i}["${mermaidLabel(bucketLabel(b, inside.get(i) ?? 0))}"]`,
  }))
  const lines = ['flowchart LR']
  const crossing = aggregateEndpointFlows(design, bucketOf)
  if (crossing.some((c) => c.endpoint === INTERNET_ID)) lines.push(INTERNET_NODE)
  lines.push(...endpointLines(design))
  lines.push(...subgraphLines(catalog, items))
  lines.push(...pluginLines(design, catalog))
  for (const c of crossing) {
    if (!c.inbound) continue
    lines.push(edgeLine(INTERNET_ID, `g${c.bucket}`, true, `${c.count} public`))
  }
  const edges = [...between.values()].sort((a, b) => a.from - b.from || a.to - b.to)
  for (const e of edges) {
    const ports = portsText([...e.ports].sort((a, b) => a - b))
    const what = `${e.count} ${e.count === 1 ? 'flow' : 'flows'}${e.solid ? '' : ' (observes)'}`
    lines.push(edgeLine(`g${e.from}`, `g${e.to}`, e.solid, `${what} · ${ports}`))
  }
  for (const c of crossing) {
    if (c.inbound) continue
    const what = `${c.count} ${c.count === 1 ? 'flow' : 'flows'}`
    lines.push(edgeLine(`g${c.bucket}`, c.endpoint, true, `${what} · ${portsText(c.ports)}`))
  }
  const marked = buckets.flatMap((b, i) =>
    b.members.some((m) => risky.has(m.index)) ? [`g${i}`] : [],
  )
  if (marked.length > 0) lines.push(RISK_CLASS_DEF, `  class ${marked.join(',')} ${RISK_CLASS}`)
  return lines.join('\n') + '\n'
}

/** Flows across the platform boundary, one per (group, endpoint, direction), in first-seen order. */
function aggregateEndpointFlows(
  design: Design,
  bucketOf: ReadonlyMap<string, number>,
): { bucket: number; endpoint: string; inbound: boolean; count: number; ports: number[] }[] {
  const byKey = new Map<
    string,
    { bucket: number; endpoint: string; inbound: boolean; count: number; ports: number[] }
  >()
  for (const f of resolveEndpointFlows(design)) {
    const bucket = bucketOf.get(f.workload)
    if (bucket === undefined) continue
    const endpoint = endpointNodeId(design, f.endpointIndex)
    const inbound = f.direction === 'in'
    const key = `${bucket}\u0000${endpoint}\u0000${inbound}`
    const entry = byKey.get(key) ?? { bucket, endpoint, inbound, count: 0, ports: [] }
    entry.count += 1
    entry.ports = [...new Set([...entry.ports, ...f.ports])].sort((a, b) => a - b)
    byKey.set(key, entry)
  }
  return [...byKey.values()]
}

function bucketLabel(b: Bucket, flowsInside: number): string {
  const count = (pred: (m: IndexedWorkload) => boolean) => b.members.filter(pred).length
  const untrusted = count((m) => m.workload.trust === 'untrusted')
  const host = count((m) => hostNeedsOf(m.workload).length > 0)
  const parts = [
    b.placement.group,
    `${b.members.length} ${b.members.length === 1 ? 'workload' : 'workloads'}`,
    untrusted > 0 ? `${untrusted} untrusted` : '',
    host > 0 ? `${host} with host access` : '',
    flowsInside > 0 ? `${flowsInside} flows inside` : '',
  ]
  return parts.filter((p) => p !== '').join(' · ')
}

/** Buckets per (OS, runtime, group); per team when there are too many; the smallest merged past MAX_GROUPS. */
function bucketsOf(
  design: Design,
  catalog: Catalog,
  workloads: readonly IndexedWorkload[],
): Bucket[] {
  const placements = placementsOf(design, catalog)
  const placed = workloads.flatMap((w) => {
    const p = placements[w.index]
    return p ? [{ w, p }] : []
  })
  let buckets = collect(placed)
  if (buckets.length > MAX_GROUPS) {
    buckets = collect(
      placed.map(({ w, p }) => ({ w, p: { ...p, group: `Team ${w.workload.team}` } })),
    )
  }
  if (buckets.length <= MAX_GROUPS) return buckets
  // Keep the largest groups (ties by first appearance) and fold the rest into one per OS and runtime.
  const ranked = buckets
    .map((b, i) => ({ b, i }))
    .sort((x, y) => y.b.members.length - x.b.members.length || x.i - y.i)
  const kept = new Set(ranked.slice(0, MAX_GROUPS - 1).map((r) => r.i))
  const others = collect(
    buckets
      .filter((_, i) => !kept.has(i))
      .flatMap((b) => b.members.map((w) => ({ w, p: { ...b.placement, group: 'Other groups' } }))),
  )
  return [...buckets.filter((_, i) => kept.has(i)), ...others]
}

function collect(placed: readonly { w: IndexedWorkload; p: Placement }[]): Bucket[] {
  const byKey = new Map<string, Bucket>()
  for (const { w, p } of placed) {
    const key = `${p.pool}\u0000${p.runtime ?? ''}\u0000${p.group}`
    const bucket = byKey.get(key)
    if (bucket) bucket.members.push(w)
    else byKey.set(key, { placement: p, members: [w] })
  }
  return [...byKey.values()]
}
