// recommend(design, catalog, k): the exact top-k valid stacks, by branch and bound over plugin sets.
//
// Exactness: for a partial plugin choice, the bound scores a context whose plugins are only those chosen so
// far and whose capabilities include everything the undecided plugins could add. Score rules gain points
// only from capabilities and lose points only from plugins present (rules/types.ts), and clamping and the
// weighted mean are monotone, so the bound is at least the score of every completion. A branch is pruned
// only when its bound is below the k-th best score found, so no stack that belongs in the top k is lost.
import type { PluginId } from '../catalog/ids'
import { PLUGIN_IDS } from '../catalog/ids'
import type { Capability, Catalog, Plugin } from '../catalog/types'
import { EXCLUSIVE_CATEGORIES } from '../catalog/types'
import { getPlugin } from '../catalog/index'
import type { Design } from '../model/schema'
import type { EngineContext, WorkloadSummary } from './context'
import { buildContext, stackOf, summarizeWorkloads } from './context'
import { detectViolations } from './evaluate'
import { PLUGIN_RULES, STACK_RULES, clampSums, sumRules, weightedOverall, weightsOf } from './score'
import type { Criterion, RankedStack, Stack } from './types'

export interface Candidate {
  readonly stack: Stack
  readonly exact: number
  readonly criteria: Record<Criterion, number>
  readonly key: string
}

/** One decision in the search: pick one option (exclusive category) or include/exclude one plugin. */
type Group = readonly (readonly Plugin[])[]

const pluginOrder = new Map<PluginId, number>(PLUGIN_IDS.map((id, i) => [id, i]))
/** Plugins in catalog order, so equal sets print the same. */
export const sortPlugins = (ids: readonly PluginId[]) =>
  [...ids].sort((a, b) => (pluginOrder.get(a) ?? 0) - (pluginOrder.get(b) ?? 0))

/** A total, deterministic key for a stack. */
export const keyOf = (s: Stack) => `${s.orchestrator}|${s.runtime}|${s.os}|${s.plugins.join(',')}`

/** Best first; equal scores ordered by stack key so the order is total and deterministic. */
export function compareCandidates(
  a: { exact: number; key: string },
  b: { exact: number; key: string },
): number {
  return b.exact - a.exact || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

/** Every base stack (orchestrator x runtime x OS) the catalog allows, before plugins. */
export function baseStacks(catalog: Catalog): Stack[] {
  return catalog.orchestrators.flatMap((o) =>
    o.runtimes.flatMap((runtime) =>
      [...new Set([...o.os.worker, ...o.os.controlPlane])].map((os) => ({
        orchestrator: o.id,
        runtime,
        os,
        plugins: [],
      })),
    ),
  )
}

/** Search groups for an orchestrator's plugins: one per exclusive category, one per other plugin. */
export function pluginGroups(catalog: Catalog, pluginIds: readonly PluginId[]): Group[] {
  const plugins = sortPlugins(pluginIds).map((id) => getPlugin(catalog, id))
  const groups: Group[] = []
  for (const category of EXCLUSIVE_CATEGORIES) {
    const members = plugins.filter((p) => p.category === category)
    if (members.length > 0) groups.push([[], ...members.map((p) => [p])])
  }
  for (const p of plugins) if (!EXCLUSIVE_CATEGORIES.includes(p.category)) groups.push([[], [p]])
  return groups
}

class TopK {
  readonly items: Candidate[] = []
  constructor(private readonly k: number) {}
  /** The score a new candidate must reach, or -Infinity while there is room. */
  threshold(): number {
    return this.items.length < this.k
      ? -Infinity
      : (this.items[this.items.length - 1]?.exact ?? -Infinity)
  }
  offer(c: Candidate): void {
    if (this.items.length >= this.k) {
      const last = this.items[this.items.length - 1]
      if (last && compareCandidates(c, last) >= 0) return
      this.items.pop()
    }
    const at = this.items.findIndex((x) => compareCandidates(c, x) < 0)
    this.items.splice(at < 0 ? this.items.length : at, 0, c)
  }
}

interface SearchState {
  readonly design: Design
  readonly catalog: Catalog
  readonly summary: WorkloadSummary
  readonly weights: Record<Criterion, number>
  readonly top: TopK
}

function withPlugins(
  base: EngineContext,
  plugins: readonly Plugin[],
  extra: ReadonlySet<Capability>,
): EngineContext {
  const capabilities = new Set<Capability>(base.orchestrator.provides)
  for (const p of plugins) for (const cap of p.provides) capabilities.add(cap)
  for (const cap of extra) capabilities.add(cap)
  return { ...base, plugins, capabilities }
}

/** A base stack with the points of its plugin-independent rules computed once. */
interface Root {
  readonly context: EngineContext
  readonly groups: Group[]
  readonly stackSums: Record<Criterion, number>
  readonly remainingCapabilities: readonly ReadonlySet<Capability>[]
}
function overallOf(state: SearchState, root: Root, c: EngineContext) {
  const criteria = clampSums(root.stackSums, sumRules(c, PLUGIN_RULES))
  return { criteria, exact: weightedOverall(criteria, state.weights) }
}

const EPSILON = 1e-9

/** Counts search nodes, for the benchmark's report of how much the bound prunes. */
export const searchStats = { nodes: 0, leaves: 0 }

function search(
  state: SearchState,
  root: Root,
  depth: number,
  chosen: Plugin[],
  bound: number,
): void {
  searchStats.nodes += 1
  const { context: base, groups } = root
  if (depth === groups.length) {
    // With nothing left to decide the bound is the exact score of this plugin set.
    const context = withPlugins(base, chosen, NO_CAPABILITIES)
    if (detectViolations(context, true).length > 0) return
    searchStats.leaves += 1
    const criteria = clampSums(root.stackSums, sumRules(context, PLUGIN_RULES))
    const stack = { ...pick(base), plugins: sortPlugins(chosen.map((p) => p.id)) }
    state.top.offer({ stack, exact: bound, criteria, key: keyOf(stack) })
    return
  }
  const remaining = root.remainingCapabilities[depth + 1] ?? NO_CAPABILITIES
  const children = (groups[depth] ?? [])
    .map((option) => {
      const next = [...chosen, ...option]
      const optimistic = withPlugins(base, next, remaining)
      // Plugin violations never go away by adding plugins beyond the capabilities counted here.
      if (detectViolations(optimistic, true).length > 0) return undefined
      return { next, bound: overallOf(state, root, optimistic).exact }
    })
    .filter((child) => child !== undefined)
    .sort((a, b) => b.bound - a.bound)
  for (const child of children) {
    if (child.bound < state.top.threshold() - EPSILON) return
    search(state, root, depth + 1, child.next, child.bound)
  }
}

const NO_CAPABILITIES: ReadonlySet<Capability> = new Set()

/** remaining[d]: every capability the groups from d on could add. */
function suffixCapabilities(groups: readonly Group[]): ReadonlySet<Capability>[] {
  const out: ReadonlySet<Capability>[] = new Array<ReadonlySet<Capability>>(groups.length + 1)
  out[groups.length] = NO_CAPABILITIES
  for (let d = groups.length - 1; d >= 0; d--) {
    const caps = new Set(out[d + 1])
    for (const option of groups[d] ?? [])
      for (const p of option) for (const cap of p.provides) caps.add(cap)
    out[d] = caps
  }
  return out
}

const pick = (c: EngineContext) => ({
  orchestrator: c.orchestrator.id,
  runtime: c.runtime.id,
  os: c.os.id,
})

/** The exact best `k` valid stacks for the design's context and priorities, best first. */
export function recommend(design: Design, catalog: Catalog, k = 5): RankedStack[] {
  const summary = summarizeWorkloads(design)
  const state: SearchState = {
    design,
    catalog,
    summary,
    weights: weightsOf(design.context.priorities),
    top: new TopK(k),
  }
  const roots = baseStacks(catalog)
    .map((stack) => buildContext(design, catalog, summary, stack))
    .filter((c) => detectViolations(c, false).length === 0)
    .map((context) => {
      const groups = pluginGroups(catalog, context.orchestrator.plugins)
      const remainingCapabilities = suffixCapabilities(groups)
      const root: Root = {
        context,
        groups,
        stackSums: sumRules(context, STACK_RULES),
        remainingCapabilities,
      }
      const all = remainingCapabilities[0] ?? NO_CAPABILITIES
      return { root, bound: overallOf(state, root, withPlugins(context, [], all)).exact }
    })
    .sort((a, b) => b.bound - a.bound)
  for (const { root, bound } of roots) {
    if (bound < state.top.threshold() - EPSILON) break
    search(state, root, 0, [], bound)
  }
  return state.top.items.map((c, i) => ({
    rank: i + 1,
    score: Math.round(c.exact),
    stack: c.stack,
    changes: changesBetween(stackOf(design), c.stack),
    criteria: c.criteria,
  }))
}

/** "dimension: old -> new" lines describing how `to` differs from `from`. */
export function changesBetween(from: Stack, to: Stack): string[] {
  const changes: string[] = []
  for (const dim of ['orchestrator', 'runtime', 'os'] as const)
    if (from[dim] !== to[dim]) changes.push(`${dim}: ${from[dim]} -> ${to[dim]}`)
  const added = to.plugins.filter((p) => !from.plugins.includes(p))
  const removed = from.plugins.filter((p) => !to.plugins.includes(p))
  if (added.length > 0) changes.push(`plugins: + ${added.join(', ')}`)
  if (removed.length > 0) changes.push(`plugins: - ${removed.join(', ')}`)
  return changes
}
