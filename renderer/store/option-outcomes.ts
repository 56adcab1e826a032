// What each option card shows before it is picked: the score delta, what else changes, and why it
// may be impossible. Pure and memoised per design object, so re-renders cost a map lookup.
import type { Catalog, PluginCategory } from '../../shared/catalog/types'
import { changesBetween, evaluate } from '../../shared/engine/index'
import type { Criterion, Evaluation, Violation } from '../../shared/engine/types'
import { CRITERIA } from '../../shared/engine/types'
import { postureFor } from '../lib/posture'
import { primaryPoolIndex } from '../../shared/engine/stack'
import type { RuntimeId } from '../../shared/catalog/ids'
import type { Design } from '../../shared/model/schema'
import { offersSandbox, poolChanges, withSandboxToggled } from './pool-edits'
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
  const adjustments = [
    ...changesBetween(stackOf(before.design, catalog), stackOf(design, catalog)),
    ...poolChanges(before.design, design, catalog),
  ].filter((c) => !isOwnChange(c))
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

/** The options of a choice: every orchestrator, every runtime that is not a sandbox, every OS. */
export function choiceIds(catalog: Catalog, dimension: ChoiceDimension): readonly string[] {
  switch (dimension) {
    case 'orchestrator':
      return catalog.orchestrators.map((o) => o.id)
    case 'runtime':
      return catalog.runtimes.filter((r) => r.kind !== 'sandbox').map((r) => r.id)
    case 'os':
      return catalog.operatingSystems.map((o) => o.id)
  }
}

/** Where the pool that was primary before an edit sits after it (pools may be added or removed). */
function primaryAfter(before: Design, after: Design, catalog: Catalog): number {
  const name = before.nodePools[primaryPoolIndex(before, catalog)]?.name
  const index = after.nodePools.findIndex((p) => p.name === name)
  return index >= 0 ? index : primaryPoolIndex(after, catalog)
}

/**
 * One outcome per catalog option of an orchestrator, engine or OS choice, in catalog order. The
 * engine and OS are the primary pool's; an option is blocked by the violations it causes there.
 */
export function optionOutcomes(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
  dimension: ChoiceDimension,
): readonly OptionOutcome[] {
  return memo(design, dimension, () => {
    const current = stackOf(design, catalog)[dimension]
    const blocks = (v: Violation, after: Design) => {
      if (dimension === 'orchestrator') return v.paths.includes('choices.orchestrator')
      return v.paths.includes(`nodePools[${primaryAfter(design, after, catalog)}].${dimension}`)
    }
    return choiceIds(catalog, dimension).map((id) =>
      outcome(
        id,
        current === id,
        { design, evaluation },
        withChoice(design, dimension, id, catalog),
        catalog,
        blocks,
        (c) => c.startsWith(`${dimension}:`),
      ),
    )
  })
}

/**
 * One outcome per sandbox (Kata, gVisor, Firecracker, Hyper-V isolation): what offering it on the
 * pool it fits would do, or withdrawing it from every pool when it is offered. A sandbox the pool
 * cannot run is blocked with the reason; one already offered but refused shows why it conflicts.
 */
export function sandboxOutcomes(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
): readonly OptionOutcome[] {
  return memo(design, 'sandboxes', () => {
    const reasons = (d: Design, id: RuntimeId) =>
      new Set(
        postureFor(d, catalog).pools.flatMap((p) =>
          p.refusedSandboxes.filter((x) => x.runtime.id === id).map((x) => x.reason),
        ),
      )
    const refusing = (v: Violation, refused: ReadonlySet<string>) =>
      v.id === 'COMPAT-SANDBOX-UNSUPPORTED' && refused.has(v.message)
    return catalog.runtimes
      .filter((r) => r.kind === 'sandbox')
      .map((r) => {
        const offered = offersSandbox(design, r.id)
        const made = outcome(
          r.id,
          offered,
          { design, evaluation },
          withSandboxToggled(design, r.id, catalog),
          catalog,
          (v, after) => !offered && refusing(v, reasons(after, r.id)),
          (c) => new RegExp(`: sandboxes [+-] ${r.id}$`).test(c),
        )
        if (!offered) return made
        // Offered and refused: the card that switches it off says why it conflicts.
        const refused = reasons(design, r.id)
        return { ...made, blocking: evaluation.violations.filter((v) => refusing(v, refused)) }
      })
  })
}

/** The sandbox ids a design offers on some pool, for the checkbox state. */
export function offeredSandboxIds(design: Design, catalog: Catalog): RuntimeId[] {
  return catalog.runtimes
    .filter((r) => r.kind === 'sandbox' && offersSandbox(design, r.id))
    .map((r) => r.id)
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

/** The isolation settings chosen one value at a time. */
export type IsolationField = 'podSecurity' | 'namespaces' | 'network' | 'sandboxWorkloads'

/** One outcome per value of an isolation setting (pod security, namespaces, network, sandboxing). */
export function isolationOutcomes(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
  field: IsolationField,
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
