// recommend(design, catalog, k): the exact top-k valid stacks, by branch and bound over plugin sets.
//
// Exactness: for a partial plugin choice, the bound counts the costs of the plugins chosen so far only
// and the capabilities of everything the undecided plugins could add. Score rules gain points only from
// capabilities and lose points only from plugins present (rules/types.ts), and clamping and the weighted
// mean are monotone, so the bound is at least the score of every completion. A branch is pruned
// only when its bound is below the k-th best score found, so no stack that belongs in the top k is lost.
import type { PluginId } from '../catalog/ids'
import { PLUGIN_IDS } from '../catalog/ids'
import type { Capability, Catalog, Plugin } from '../catalog/types'
import { EXCLUSIVE_CATEGORIES } from '../catalog/types'
import { getPlugin } from '../catalog/index'
import type { Design } from '../model/schema'
import type { EngineContext } from './context'
import { buildContext, stackOf, summarizeWorkloads } from './context'
import { primaryPoolIndex } from './stack'
import { detectViolations, findingsOf } from './evaluate'
import type { FindingBaseline, FindingChange } from './objective'
import { boundObjective, designBaseline, objectiveOf } from './objective'
import {
  CAPABILITY_RULES,
  EACH_PLUGIN_RULES,
  STACK_RULES,
  byCriterion,
  clampSums,
  sumRules,
  weightsOf,
} from './score'
import type { Criterion, Finding, KeepDimension, RankedStack, Stack, StackIsolation } from './types'

export interface Candidate {
  readonly stack: Stack
  readonly exact: number
  /** High findings the stack adds to the design's own (ranked first: fewer is better). */
  readonly addedHigh: number
  readonly criteria: Record<Criterion, number>
  readonly key: string
  readonly findingsAdded: readonly FindingChange[]
  readonly findingsResolved: readonly FindingChange[]
}

/** One decision in the search: pick one option (exclusive category) or include/exclude one plugin. */
type Group = readonly (readonly Plugin[])[]

const pluginOrder = new Map<PluginId, number>(PLUGIN_IDS.map((id, i) => [id, i]))
/** Plugins in catalog order, so equal sets print the same. */
export const sortPlugins = (ids: readonly PluginId[]) =>
  [...ids].sort((a, b) => (pluginOrder.get(a) ?? 0) - (pluginOrder.get(b) ?? 0))

/**
 * The stack without its plugins and isolation settings, as a key: recommendations are grouped by it
 * (the best plugin set and isolation for each), so the top k differ in substance.
 */
export const baseKeyOf = (s: Omit<Stack, 'plugins'>) =>
  `${s.orchestrator}|${s.runtime}|${s.os}|${s.sandbox ?? ''}`

const isolationKey = (s: Stack) =>
  s.isolation ? `${s.isolation.podSecurity},${s.isolation.namespaces},${s.isolation.network}` : ''

/** A total, deterministic key for a stack. */
export const keyOf = (s: Stack) => `${baseKeyOf(s)}|${isolationKey(s)}|${s.plugins.join(',')}`

export interface RecommendOptions {
  /** Dimensions held at the design's current choice (`cloud` is never changed anyway). */
  readonly keep?: readonly KeepDimension[]
}

const PS_ORDER = ['restricted', 'baseline', 'privileged'] as const
const NET_ORDER = ['default-deny', 'allow-all'] as const

/** The value and every stricter one, strictest first: a recommendation never loosens isolation. */
function asStrictOrStricter<T extends string>(order: readonly T[], current: T): T[] {
  return order.slice(0, order.indexOf(current) + 1)
}

/** The design's isolation settings and every combination that tightens some of them. */
function isolationVariants(design: Design): StackIsolation[] {
  const { podSecurity, namespaces, network } = design.isolation
  return asStrictOrStricter(PS_ORDER, podSecurity).flatMap((ps) =>
    // Shared namespaces tighten to per-team; per-team to per-workload is a trade-off of its own
    // (more objects to run), not a recommendation.
    (namespaces === 'shared' ? (['per-team', 'shared'] as const) : [namespaces]).flatMap((ns) =>
      asStrictOrStricter(NET_ORDER, network).map((net) => ({
        podSecurity: ps,
        namespaces: ns,
        network: net,
      })),
    ),
  )
}

/**
 * Best first: fewer added high findings, then the higher overall; equal ones ordered by stack key so
 * the order is total and deterministic.
 */
export function compareCandidates(
  a: { addedHigh: number; exact: number; key: string },
  b: { addedHigh: number; exact: number; key: string },
): number {
  return (
    a.addedHigh - b.addedHigh || b.exact - a.exact || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  )
}

/**
 * Every base stack (orchestrator x engine x OS, and a sandbox pool for untrusted code where the design
 * has any) the catalog allows, before plugins.
 */
export function baseStacks(
  catalog: Catalog,
  design?: Design,
  options: RecommendOptions = {},
): Stack[] {
  const all = allBaseStacks(catalog, design)
  if (design === undefined) return all
  const keep = new Set(options.keep ?? [])
  const own = stackOf(design, catalog)
  const variants = keep.has('isolation')
    ? [own.isolation]
    : isolationVariants(design).map((i) => i as StackIsolation | undefined)
  return all
    .filter(
      (s) =>
        (!keep.has('orchestrator') || s.orchestrator === own.orchestrator) &&
        (!keep.has('runtime') || s.runtime === own.runtime) &&
        (!keep.has('os') || s.os === own.os) &&
        (!keep.has('sandbox') || s.sandbox === own.sandbox),
    )
    .flatMap((s) => variants.map((isolation) => ({ ...s, isolation })))
}

function allBaseStacks(catalog: Catalog, design?: Design): Stack[] {
  const runtime = (id: Stack['runtime']) => catalog.runtimes.find((r) => r.id === id)
  const wantsSandbox =
    design !== undefined &&
    (design.context.requirements.untrustedWorkloads ||
      design.workloads.some((w) => w.trust === 'untrusted'))
  // The stack's OS is the primary pool's: it stays in that pool's family (Linux whenever the design
  // has a Linux pool), so a recommendation never moves Linux workloads' nodes to Windows or back.
  const primary = design?.nodePools[primaryPoolIndex(design, catalog)]
  const family =
    primary === undefined
      ? undefined
      : (catalog.operatingSystems.find((os) => os.id === primary.os)?.family ?? 'linux')
  const inFamily = (os: string) =>
    family === undefined ||
    (catalog.operatingSystems.find((x) => x.id === os)?.family ?? 'linux') === family
  return catalog.orchestrators.flatMap((o) => {
    const sandboxes: Stack['sandbox'][] = [
      'none',
      ...(wantsSandbox && family !== 'windows'
        ? o.runtimes.filter((id) => {
            const r = runtime(id)
            return r?.kind === 'sandbox' && r.hostOs.includes('linux')
          })
        : []),
    ]
    return o.runtimes
      .filter((id) => runtime(id)?.kind === 'engine')
      .flatMap((engine) =>
        [...new Set([...o.os.worker, ...o.os.controlPlane])].filter(inFamily).flatMap((os) =>
          sandboxes.map((sandbox) => ({
            orchestrator: o.id,
            runtime: engine,
            os,
            plugins: [],
            sandbox,
          })),
        ),
      )
  })
}

/** Whether the orchestrator of `c` offers every plugin the design has (for `--keep plugins`). */
export function keptPluginsFit(design: Design, c: EngineContext): boolean {
  return design.choices.plugins.every((id) => c.orchestrator.plugins.includes(id))
}

/** Search groups that include exactly these plugins (for `--keep plugins`). */
export function forcedGroups(catalog: Catalog, pluginIds: readonly PluginId[]): Group[] {
  return sortPlugins(pluginIds).map((id) => [[getPlugin(catalog, id)]])
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

type Reach = { readonly addedHigh: number; readonly exact: number }

/** Whether something reaching `bound` could rank above `x` (ties within EPSILON count as could). */
const couldBeat = (bound: Reach, x: Candidate) =>
  bound.addedHigh < x.addedHigh ||
  (bound.addedHigh === x.addedHigh && bound.exact > x.exact - EPSILON)

class TopK {
  readonly items: Candidate[] = []
  /** The entry each base stack holds in `items`. */
  private readonly byBase = new Map<string, Candidate>()
  constructor(private readonly k: number) {}

  private last(): Candidate | undefined {
    return this.items.length < this.k ? undefined : this.items[this.items.length - 1]
  }

  /** Whether the list is full and its k-th best beats `bound` (then nothing worse matters). */
  outOfReach(bound: Reach): boolean {
    const last = this.last()
    return last !== undefined && !couldBeat(bound, last)
  }

  /**
   * Whether nothing reaching `bound` can change the list: it cannot beat the entry its base stack
   * already holds, or the list is full and its k-th best is better.
   */
  rules(bound: Reach, base: string): boolean {
    const own = this.byBase.get(base)
    return own !== undefined ? !couldBeat(bound, own) : this.outOfReach(bound)
  }

  offer(c: Candidate): void {
    // One candidate per base stack: the best plugin set for each, so the top k differ in substance.
    const base = baseKeyOf(c.stack)
    const existing = this.byBase.get(base)
    if (existing !== undefined) {
      if (compareCandidates(c, existing) >= 0) return
      this.remove(existing)
    }
    if (this.items.length >= this.k) {
      const last = this.items[this.items.length - 1]
      if (last && compareCandidates(c, last) >= 0) return
      if (last) this.remove(last)
    }
    const at = this.items.findIndex((x) => compareCandidates(c, x) < 0)
    this.items.splice(at < 0 ? this.items.length : at, 0, c)
    this.byBase.set(base, c)
  }

  private remove(c: Candidate): void {
    this.items.splice(this.items.indexOf(c), 1)
    this.byBase.delete(baseKeyOf(c.stack))
  }
}

interface SearchState {
  readonly weights: Record<Criterion, number>
  readonly top: TopK
  readonly baseline: FindingBaseline
}

/**
 * A base stack prepared for the search: its plugin-independent points computed once, each plugin's own
 * cost computed once, and capability points memoised per capability set (a bitmask), so a search node
 * costs a few additions instead of re-applying the rules.
 */
class Root {
  /** The base stack's key (recommendations hold one pick per base stack). */
  readonly base: string
  readonly stackSums: Record<Criterion, number>
  /** Findings of the rules that do not read plugins: the same for every plugin set of this stack. */
  readonly stackFindings: readonly Finding[]
  /** remaining[d]: the capabilities groups d.. could still add, as a bitmask. */
  readonly remaining: number[]
  private readonly bits = new Map<Capability, number>()
  private readonly capabilityPoints = new Map<number, Record<Criterion, number>>()
  private readonly capabilitySets = new Map<number, ReadonlySet<Capability>>()
  private readonly costs = new Map<PluginId, Record<Criterion, number>>()
  readonly orchestratorMask: number

  constructor(
    readonly context: EngineContext,
    readonly groups: readonly Group[],
  ) {
    this.base = baseKeyOf(pick(context))
    this.stackSums = sumRules(context, STACK_RULES)
    this.stackFindings = findingsOf(context, false)
    this.orchestratorMask = this.maskOf(context.orchestrator.provides)
    this.remaining = new Array<number>(groups.length + 1).fill(0)
    for (let d = groups.length - 1; d >= 0; d--) {
      let mask = this.remaining[d + 1] ?? 0
      for (const option of groups[d] ?? []) for (const p of option) mask |= this.maskOf(p.provides)
      this.remaining[d] = mask
    }
    for (const group of groups)
      for (const option of group)
        for (const p of option)
          this.costs.set(p.id, sumRules({ ...context, plugins: [p] }, EACH_PLUGIN_RULES))
  }

  maskOf(capabilities: readonly Capability[]): number {
    let mask = 0
    for (const cap of capabilities) {
      let bit = this.bits.get(cap)
      if (bit === undefined) {
        bit = 1 << this.bits.size
        this.bits.set(cap, bit)
      }
      mask |= bit
    }
    return mask
  }

  capabilitiesOf(mask: number): ReadonlySet<Capability> {
    let set = this.capabilitySets.get(mask)
    if (!set) {
      set = new Set([...this.bits].filter(([, bit]) => mask & bit).map(([cap]) => cap))
      this.capabilitySets.set(mask, set)
    }
    return set
  }

  pointsFor(mask: number): Record<Criterion, number> {
    let points = this.capabilityPoints.get(mask)
    if (!points) {
      const context = { ...this.context, plugins: [], capabilities: this.capabilitiesOf(mask) }
      points = sumRules(context, CAPABILITY_RULES)
      this.capabilityPoints.set(mask, points)
    }
    return points
  }

  costOf(p: Plugin): Record<Criterion, number> {
    return this.costs.get(p.id) ?? sumRules({ ...this.context, plugins: [p] }, EACH_PLUGIN_RULES)
  }
}

interface Node {
  readonly chosen: readonly Plugin[]
  readonly cost: Record<Criterion, number>
  readonly mask: number
}

function scoreOf(root: Root, node: Node, mask: number) {
  const plugins = root.pointsFor(mask)
  const pluginPart = byCriterion((k) => node.cost[k] + plugins[k])
  return {
    criteria: clampSums(root.stackSums, pluginPart),
    raw: byCriterion((k) => root.stackSums[k] + pluginPart[k]),
  }
}

/** Counts search nodes, for the benchmark's report of how much the bound prunes. */
export const searchStats = { nodes: 0, leaves: 0 }

function search(state: SearchState, root: Root, depth: number, node: Node): void {
  searchStats.nodes += 1
  if (depth === root.groups.length) {
    searchStats.leaves += 1
    const stack = { ...pick(root.context), plugins: sortPlugins(node.chosen.map((p) => p.id)) }
    const { criteria, raw } = scoreOf(root, node, node.mask)
    const context = {
      ...root.context,
      plugins: node.chosen,
      capabilities: root.capabilitiesOf(node.mask),
    }
    const objective = objectiveOf(context, raw, state.weights, state.baseline, root.stackFindings)
    state.top.offer({ stack, criteria, key: keyOf(stack), ...objective })
    return
  }
  const remaining = root.remaining[depth + 1] ?? 0
  const children: { node: Node; bound: Bound }[] = []
  for (const option of root.groups[depth] ?? []) {
    let { cost, mask } = node
    for (const p of option) {
      const own = root.costOf(p)
      cost = byCriterion((k) => cost[k] + own[k])
      mask |= root.maskOf(p.provides)
    }
    const chosen = option.length > 0 ? [...node.chosen, ...option] : node.chosen
    const optimistic = {
      ...root.context,
      plugins: chosen,
      capabilities: root.capabilitiesOf(mask | remaining),
    }
    // Plugin violations never go away by adding plugins beyond the capabilities counted here.
    if (detectViolations(optimistic, true).length > 0) continue
    const child = { chosen, cost, mask }
    children.push({ node: child, bound: boundOf(state, root, child, optimistic, mask | remaining) })
  }
  children.sort((a, b) => compareBounds(a.bound, b.bound))
  for (const child of children) {
    if (state.top.rules(child.bound, root.base)) return
    search(state, root, depth + 1, child.node)
  }
}

/**
 * The best any completion of a node can reach: no fewer added high findings and no higher overall
 * than those of its optimistic context (chosen plugins only, every capability still possible).
 * Exact because finding rules, like score rules, never fire more when a capability is added and
 * never fire less when a plugin is added (rules/types.ts; tested in rule-scopes.test.ts).
 */
interface Bound {
  readonly addedHigh: number
  readonly exact: number
}

function boundOf(
  state: SearchState,
  root: Root,
  node: Node,
  optimistic: EngineContext,
  mask: number,
): Bound {
  const { raw } = scoreOf(root, node, mask)
  return boundObjective(optimistic, raw, state.weights, state.baseline, root.stackFindings)
}

const compareBounds = (a: Bound, b: Bound) => a.addedHigh - b.addedHigh || b.exact - a.exact

const EPSILON = 1e-9

const pick = (c: EngineContext): Omit<Stack, 'plugins'> => ({
  orchestrator: c.orchestrator.id,
  runtime: c.runtime.id,
  os: c.os.id,
  sandbox: c.stack.sandbox,
  ...(c.stack.isolation ? { isolation: c.stack.isolation } : {}),
})

/** The exact best `k` valid stacks for the design's context and priorities, best first. */
export function recommend(
  design: Design,
  catalog: Catalog,
  k = 5,
  options: RecommendOptions = {},
): RankedStack[] {
  const summary = summarizeWorkloads(design)
  const baseline = designBaseline(design, catalog, summary)
  const state: SearchState = {
    weights: weightsOf(design.context.priorities),
    top: new TopK(k),
    baseline,
  }
  const keepPlugins = options.keep?.includes('plugins') === true
  const roots = baseStacks(catalog, design, options)
    .map((stack) => buildContext(design, catalog, summary, stack))
    .filter((c) => detectViolations(c, false).length === 0)
    .filter((c) => !keepPlugins || keptPluginsFit(design, c))
    .map((context) => {
      const groups = keepPlugins
        ? forcedGroups(catalog, design.choices.plugins)
        : pluginGroups(catalog, context.orchestrator.plugins)
      const root = new Root(context, groups)
      const start: Node = { chosen: [], cost: byCriterion(() => 0), mask: root.orchestratorMask }
      const all = start.mask | (root.remaining[0] ?? 0)
      const optimistic = { ...context, plugins: [], capabilities: root.capabilitiesOf(all) }
      // Plugin violations that no plugin can clear (e.g. default-deny with no CNI to add) rule the
      // root out; deeper nodes are checked as they are made.
      if (detectViolations(optimistic, true).length > 0) return undefined
      return { root, start, bound: boundOf(state, root, start, optimistic, all) }
    })
    .filter((r) => r !== undefined)
    .sort((a, b) => compareBounds(a.bound, b.bound))
  for (const { root, start, bound } of roots) {
    if (state.top.outOfReach(bound)) break
    if (state.top.rules(bound, root.base)) continue
    search(state, root, 0, start)
  }
  return state.top.items.map((c, i) => ({
    rank: i + 1,
    score: Math.round(c.exact),
    stack: c.stack,
    changes: changesBetween(stackOf(design, catalog), c.stack),
    criteria: c.criteria,
    findingsAdded: c.findingsAdded,
    findingsResolved: c.findingsResolved,
  }))
}

/** "dimension: old -> new" lines describing how `to` differs from `from`. */
export function changesBetween(from: Stack, to: Stack): string[] {
  const changes: string[] = []
  for (const dim of ['orchestrator', 'runtime', 'os'] as const)
    if (from[dim] !== to[dim]) changes.push(`${dim}: ${from[dim]} -> ${to[dim]}`)
  if (to.sandbox !== undefined && (from.sandbox ?? 'none') !== to.sandbox)
    changes.push(`sandbox: ${from.sandbox ?? 'none'} -> ${to.sandbox}`)
  if (from.isolation && to.isolation)
    for (const dim of ['podSecurity', 'namespaces', 'network'] as const)
      if (from.isolation[dim] !== to.isolation[dim])
        changes.push(`isolation.${dim}: ${from.isolation[dim]} -> ${to.isolation[dim]}`)
  const added = to.plugins.filter((p) => !from.plugins.includes(p))
  const removed = from.plugins.filter((p) => !to.plugins.includes(p))
  if (added.length > 0) changes.push(`plugins: + ${added.join(', ')}`)
  if (removed.length > 0) changes.push(`plugins: - ${removed.join(', ')}`)
  return changes
}
