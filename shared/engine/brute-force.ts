// The reference ranking `recommend` is proved against: every plugin subset of every base stack, scored.
import type { Catalog } from '../catalog/types'
import { EXCLUSIVE_CATEGORIES } from '../catalog/types'
import { getOrchestrator, getPlugin } from '../catalog/index'
import type { Design } from '../model/schema'
import { buildContext, summarizeWorkloads } from './context'
import { detectViolations } from './evaluate'
import { designBaseline, objectiveOf } from './objective'
import type { Candidate } from './recommend'
import type { RecommendOptions } from './recommend'
import { baseKeyOf, baseStacks, compareCandidates, keyOf, sortPlugins } from './recommend'
import { rawSums, scoreNumbers, weightsOf } from './score'

/**
 * Scores every valid stack. Plugin subsets with two members of one exclusive category are skipped before
 * scoring (they are always violations), so the space equals the one `recommend` searches.
 */
export function bruteForceRanking(
  design: Design,
  catalog: Catalog,
  options: RecommendOptions = {},
): Candidate[] {
  const summary = summarizeWorkloads(design)
  const weights = weightsOf(design.context.priorities)
  const baseline = designBaseline(design, catalog, summary)
  const keepPlugins = options.keep?.includes('plugins') === true
  const best = new Map<string, Candidate>()
  for (const base of baseStacks(catalog, design, options)) {
    const applicable = keepPlugins
      ? sortPlugins(design.choices.plugins)
      : sortPlugins(getOrchestrator(catalog, base.orchestrator).plugins)
    if (
      keepPlugins &&
      !design.choices.plugins.every((id) =>
        getOrchestrator(catalog, base.orchestrator).plugins.includes(id),
      )
    )
      continue
    const categories = applicable.map((id) => getPlugin(catalog, id).category)
    const first = keepPlugins ? (1 << applicable.length) - 1 : 0
    for (let mask = first; mask < 1 << applicable.length; mask++) {
      const seen = new Set<string>()
      let clash = false
      for (let i = 0; i < applicable.length && !clash && !keepPlugins; i++) {
        if (!(mask & (1 << i))) continue
        const category = categories[i] ?? ''
        if (EXCLUSIVE_CATEGORIES.some((c) => c === category)) {
          clash = seen.has(category)
          seen.add(category)
        }
      }
      if (clash) continue
      const stack = { ...base, plugins: applicable.filter((_, i) => mask & (1 << i)) }
      const context = buildContext(design, catalog, summary, stack)
      if (detectViolations(context).length > 0) continue
      const criteria = scoreNumbers(context)
      const objective = objectiveOf(context, rawSums(context), weights, baseline)
      const candidate = { stack, criteria, key: keyOf(stack), ...objective }
      // Grouped like recommend: the best plugin set per base stack.
      const key = baseKeyOf(stack)
      const held = best.get(key)
      if (held === undefined || compareCandidates(candidate, held) < 0) best.set(key, candidate)
    }
  }
  return [...best.values()].sort(compareCandidates)
}
