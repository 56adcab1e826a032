// What each option card shows before it is picked: the score delta, what else changes, and why it
// may be impossible. Pure and memoised per design object, so re-renders cost a map lookup.
import type { Catalog, PluginCategory } from '../../shared/catalog/types'
import { changesBetween, evaluate } from '../../shared/engine/index'
import type { Criterion, Evaluation, Violation } from '../../shared/engine/types'
import { CRITERIA } from '../../shared/engine/types'
import type { Design } from '../../shared/model/schema'
import type { ChoiceDimension } from './stack-edits'
import { stackOf, withChoice, withoutPluginCategory, withPluginToggled } from './stack-edits'

export type { ChoiceDimension } from './stack-edits'

export interface CriterionDelta {
  readonly criterion: Criterion
  readonly delta: number
}

/** The consequence of picking one option, computed by evaluating the design with it swapped in. */
export interface OptionOutcome {
  readonly id: string
  readonly selected: boolean
  readonly design: Design
  readonly evaluation: Evaluation
  /** Overall score after minus before. */
  readonly delta: number
  /** Criteria that move, largest move first. */
  readonly criteria: readonly CriterionDelta[]
  /** Violations this option causes itself: an unchosen card is disabled and shows them. */
  readonly blocking: readonly Violation[]
  /** Other violations the pick would add, shown as warnings. */
  readonly introduced: readonly Violation[]
  /** Other choices the pick repairs, e.g. `runtime: kata -> docker`. */
  readonly adjustments: readonly string[]
}

const cache = new WeakMap<Design, Map<string, readonly OptionOutcome[]>>()

function memo(design: Design, key: string, make: () => readonly OptionOutcome[]) {
  let forDesign = cache.get(design)
  if (!forDesign) {
    forDesign = new Map()
    cache.set(design, forDesign)
  }
  let result = forDesign.get(key)
  if (!result) {
    result = make()
    forDesign.set(key, result)
  }
  return result
}

/** Per-criterion moves between two evaluations, largest first, zeros left out. */
export function criterionDeltas(before: Evaluation, after: Evaluation): CriterionDelta[] {
  return CRITERIA.map((criterion) => ({
    criterion,
    delta: after.scores.criteria[criterion].score - before.scores.criteria[criterion].score,
  }))
    .filter((d) => d.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
}

const violationKey = (v: Violation) => `${v.id}|${v.paths.join(',')}|${v.message}`

function outcome(
  id: string,
  selected: boolean,
  before: { design: Design; evaluation: Evaluation },
  design: Design,
  catalog: Catalog,
  blocks: (v: Violation, after: Design) => boolean,
  isOwnChange: (change: string) => boolean,
): OptionOutcome {
  const evaluation = design === before.design ? before.evaluation : evaluate(design, catalog)
  const existing = new Set(before.evaluation.violations.map(violationKey))
  const blocking = evaluation.violations.filter((v) => blocks(v, design))
  const introduced = evaluation.violations.filter(
    (v) => !existing.has(violationKey(v)) && !blocking.includes(v),
  )
  const adjustments = changesBetween(stackOf(before.design), stackOf(design)).filter(
    (c) => !isOwnChange(c),
  )
  const beforeSandbox = before.design.isolation.runtimeClassForUntrusted
  const afterSandbox = design.isolation.runtimeClassForUntrusted
  if (beforeSandbox !== afterSandbox)
    adjustments.push(`untrusted runtime: ${beforeSandbox ?? 'none'} -> ${afterSandbox ?? 'none'}`)
  return {
    id,
    selected,
    design,
    evaluation,
    delta: evaluation.scores.overall - before.evaluation.scores.overall,
    criteria: criterionDeltas(before.evaluation, evaluation),
    blocking,
    introduced,
    adjustments,
  }
}

/** One outcome per catalog option of an orchestrator, runtime or OS choice, in catalog order. */
export function optionOutcomes(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
  dimension: ChoiceDimension,
): readonly OptionOutcome[] {
  return memo(design, dimension, () => {
    const ids =
      dimension === 'orchestrator'
        ? catalog.orchestrators.map((o) => o.id)
        : dimension === 'runtime'
          ? catalog.runtimes.map((r) => r.id)
          : catalog.operatingSystems.map((o) => o.id)
    const path = `choices.${dimension}`
    return ids.map((id) =>
      outcome(
        id,
        design.choices[dimension] === id,
        { design, evaluation },
        withChoice(design, dimension, id, catalog),
        catalog,
        (v) => v.paths.includes(path),
        (c) => c.startsWith(`${dimension}:`),
      ),
    )
  })
}

/** One outcome per catalog plugin: what switching it on (or off, when chosen) would do. */
export function pluginOutcomes(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
): readonly OptionOutcome[] {
  return memo(design, 'plugins', () =>
    catalog.plugins.map((p) =>
      outcome(
        p.id,
        design.choices.plugins.includes(p.id),
        { design, evaluation },
        withPluginToggled(design, p.id, catalog),
        catalog,
        (v, after) => v.paths.includes(`choices.plugins[${after.choices.plugins.indexOf(p.id)}]`),
        (c) => c === `plugins: + ${p.id}` || c === `plugins: - ${p.id}`,
      ),
    ),
  )
}

/** The outcome of the "None" option of an exclusive plugin category. */
export function noPluginOutcome(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
  category: PluginCategory,
): OptionOutcome {
  const [result] = memo(design, `none:${category}`, () => [
    outcome(
      `none:${category}`,
      !design.choices.plugins.some(
        (id) => catalog.plugins.find((p) => p.id === id)?.category === category,
      ),
      { design, evaluation },
      withoutPluginCategory(design, category, catalog),
      catalog,
      () => false,
      (c) => c.startsWith('plugins: -') && !c.includes(','),
    ),
  ])
  if (!result) throw new Error('noPluginOutcome: empty memo entry')
  return result
}

/** One outcome per value of an isolation setting (pod security, namespaces, network). */
export function isolationOutcomes(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
  field: 'podSecurity' | 'namespaces' | 'network',
  values: readonly string[],
): readonly OptionOutcome[] {
  return memo(design, `isolation:${field}`, () =>
    values.map((value) =>
      outcome(
        value,
        design.isolation[field] === value,
        { design, evaluation },
        design.isolation[field] === value
          ? design
          : { ...design, isolation: { ...design.isolation, [field]: value } },
        catalog,
        (v) => v.paths.includes(`isolation.${field}`),
        () => false,
      ),
    ),
  )
}
