// Criterion scores from the score rules, and the overall score weighted by the design's priorities.
import type { Design } from '../model/schema'
import type { EngineContext } from './context'
import { SCORE_RULES } from './rules/index'
import type { ScoreRule } from './rules/types'
import { hitsOf } from './rules/types'
import type { Contribution, Criterion, CriterionScore } from './types'
import { CRITERIA } from './types'
import { softScore } from './arithmetic'

/** Criterion weights from `context.priorities` (security weighs the three security criteria). */
export function weightsOf(priorities: Design['context']['priorities']): Record<Criterion, number> {
  const weights: Record<Criterion, number> = {
    isolation: priorities.security,
    'least-privilege': priorities.security,
    'attack-surface': priorities.security,
    operability: priorities.simplicity,
    visibility: priorities.visibility,
    portability: priorities.portability,
    cost: priorities.cost,
  }
  const total = CRITERIA.reduce((sum, c) => sum + weights[c], 0)
  if (total === 0) for (const c of CRITERIA) weights[c] = 1
  return weights
}

/** A raw criterion sum as the 0–100 score shown (see arithmetic.ts: no penalty is clamped away). */
const clampScore = (x: number) => Math.round(softScore(x))

/** Builds a record with one entry per criterion. */
export function byCriterion<T>(make: (criterion: Criterion) => T): Record<Criterion, T> {
  return {
    isolation: make('isolation'),
    'least-privilege': make('least-privilege'),
    'attack-surface': make('attack-surface'),
    operability: make('operability'),
    visibility: make('visibility'),
    portability: make('portability'),
    cost: make('cost'),
  }
}

/** Applies every score rule: criterion scores with their contributions. */
export function scoreCriteria(c: EngineContext): Record<Criterion, CriterionScore> {
  const contributions = byCriterion((): Contribution[] => [])
  for (const rule of SCORE_RULES) {
    for (const hit of hitsOf(rule.apply(c))) {
      contributions[rule.criterion].push({
        rule: rule.id,
        // `+ 0` turns -0 (e.g. -5 * 0) into 0 so JSON and equality agree.
        points: hit.points + 0,
        reason: hit.reason,
        references: rule.references,
      })
    }
  }
  return byCriterion((k) => ({
    score: clampScore(contributions[k].reduce((sum, x) => sum + x.points, 0)),
    contributions: contributions[k],
  }))
}

/** The weighted mean of criterion scores, unrounded (ranking uses it; display rounds it). */
export function weightedOverall(
  scores: Readonly<Record<Criterion, number>>,
  weights: Readonly<Record<Criterion, number>>,
): number {
  let sum = 0
  let total = 0
  for (const c of CRITERIA) {
    sum += weights[c] * scores[c]
    total += weights[c]
  }
  return sum / total
}

/** Raw (unclamped) sums of the given rules' points per criterion. */
export function sumRules(c: EngineContext, rules: readonly ScoreRule[]): Record<Criterion, number> {
  const sums = byCriterion(() => 0)
  for (const rule of rules) {
    for (const hit of hitsOf(rule.apply(c))) sums[rule.criterion] += hit.points
  }
  return sums
}

/** Criterion scores (mapped and rounded) from raw sums of the stack part and the plugin part. */
export function clampSums(
  stack: Readonly<Record<Criterion, number>>,
  plugins: Readonly<Record<Criterion, number>>,
): Record<Criterion, number> {
  return byCriterion((k) => clampScore(stack[k] + plugins[k]))
}

/** Rules that read only the stack and workloads, and rules that read the plugin set. */
export const STACK_RULES = SCORE_RULES.filter((r) => !r.readsPlugins)
export const PLUGIN_RULES = SCORE_RULES.filter((r) => r.readsPlugins)
export const EACH_PLUGIN_RULES = SCORE_RULES.filter((r) => r.readsPlugins === 'each-plugin')
export const CAPABILITY_RULES = SCORE_RULES.filter((r) => r.readsPlugins === 'capabilities')

/** Raw (unmapped) sums of every score rule per criterion: what the overall is computed from. */
export function rawSums(c: EngineContext): Record<Criterion, number> {
  const stack = sumRules(c, STACK_RULES)
  const plugins = sumRules(c, PLUGIN_RULES)
  return byCriterion((k) => stack[k] + plugins[k])
}

/** Only the numbers (no contribution objects kept). */
export function scoreNumbers(c: EngineContext): Record<Criterion, number> {
  return clampSums(sumRules(c, STACK_RULES), sumRules(c, PLUGIN_RULES))
}
