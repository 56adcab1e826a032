// The reference ranking `recommend` is proved against: every plugin subset of every base stack, scored.
import type { Catalog } from '../catalog/types'
import { EXCLUSIVE_CATEGORIES } from '../catalog/types'
import { getOrchestrator, getPlugin } from '../catalog/index'
import type { Design } from '../model/schema'
import { buildContext, summarizeWorkloads } from './context'
import { detectViolations } from './evaluate'
import { designBaseline, objectiveOf } from './objective'
import type { Candidate } from './recommend'
import { baseStacks, compareCandidates, keyOf, sortPlugins } from './recommend'
import { scoreNumbers, weightsOf } from './score'

/**
 * Scores every valid stack. Plugin subsets with two members of one exclusive category are skipped before
 * scoring (they are always violations), so the space equals the one `recommend` searches.
 */
export function bruteForceRanking(design: Design, catalog: Catalog): Candidate[] {
  const summary = summarizeWorkloads(design)
  const weights = weightsOf(design.context.priorities)
  const baseline = designBaseline(design, catalog, summary)
  const out: Candidate[] = []
  for (const base of baseStacks(catalog, design)) {
    const applicable = sortPlugins(getOrchestrator(catalog, base.orchestrator).plugins)
    const categories = applicable.map((id) => getPlugin(catalog, id).category)
    for (let mask = 0; mask < 1 << applicable.length; mask++) {
      const seen = new Set<string>()
      let clash = false
      for (let i = 0; i < applicable.length && !clash; i++) {
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
      const objective = objectiveOf(context, criteria, weights, baseline)
      out.push({ stack, criteria, key: keyOf(stack), ...objective })
    }
  }
  return out.sort(compareCandidates)
}
