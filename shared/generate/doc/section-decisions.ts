// Section 4: one decision record per dimension (orchestrator, runtime, OS, plugins, isolation).
import { CRITERIA } from '../../engine/types'
import type { Contribution, Criterion } from '../../engine/types'
import type { DecisionDimension } from '../../model/schema'
import { DECISION_DIMENSIONS } from '../../model/schema'
import type { DocInput } from './input'
import { plural, signed } from './input'
import { decisionContext, decisionText, DIMENSION_TITLES, touchesDimension } from './decision-text'
import type { Block, Inline, Section, Text } from './model'
import { refs } from './model'

/** The decision records section. */
export function decisionsSection(input: DocInput): Section {
  return {
    id: 'decisions',
    title: 'Decision records',
    blocks: DECISION_DIMENSIONS.flatMap((dim, i) => record(input, dim, i + 1)),
  }
}

const SHORT: Readonly<Record<Criterion, string>> = {
  isolation: 'iso',
  'least-privilege': 'lp',
  'attack-surface': 'as',
  operability: 'op',
  visibility: 'vis',
  portability: 'port',
  cost: 'cost',
}

function record(input: DocInput, dim: DecisionDimension, n: number): Block[] {
  const { evaluation, design } = input
  const alternatives = input.alternatives[dim]
  const current = Object.fromEntries(
    CRITERIA.map((k) => [k, evaluation.scores.criteria[k].score]),
  ) as Record<Criterion, number>
  const profile = (c: Readonly<Record<Criterion, number>>) => CRITERIA.map((k) => c[k]).join(' / ')
  const overall = evaluation.scores.overall
  const rationale = design.decisions[dim]
  return [
    { kind: 'heading', text: `${n}. ${DIMENSION_TITLES[dim]}` },
    { kind: 'paragraph', text: [{ strong: 'Context.' }, ' ', ...decisionContext(input, dim)] },
    { kind: 'paragraph', text: [{ strong: 'Decision.' }, ' ', ...decisionText(input, dim)] },
    {
      kind: 'paragraph',
      text: [
        { strong: 'Alternatives considered' },
        ` (each scored by the engine with only this dimension changed; criteria ${CRITERIA.map((k) => SHORT[k]).join(' / ')}):`,
      ],
    },
    {
      kind: 'table',
      header: ['Option', 'Changes', 'Overall', 'vs chosen', 'Criteria'],
      rows: [
        ['Chosen', '-', String(overall), '-', profile(current)],
        ...alternatives.options.map((o) => [
          o.label,
          o.changes.join('; '),
          String(o.overall),
          signed(o.overall - overall),
          profile(o.criteria),
        ]),
      ],
    },
    {
      kind: 'paragraph',
      text:
        alternatives.excluded === 0
          ? 'No candidate was left out.'
          : `${plural(alternatives.excluded, 'other candidate')} left out: the engine reports a hard incompatibility for ${alternatives.excluded === 1 ? 'it' : 'them'}.`,
    },
    { kind: 'paragraph', text: [{ strong: 'Consequences.' }] },
    consequences(input, dim),
    {
      kind: 'paragraph',
      text: [
        { strong: 'Rationale.' },
        ' ',
        rationale === undefined || rationale.trim() === ''
          ? `No rationale recorded (decisions.${dim}).`
          : rationale,
      ],
    },
  ]
}

function consequences(input: DocInput, dim: DecisionDimension): Block {
  const { evaluation } = input
  const sensitive = new Set(input.alternatives[dim].sensitiveRules)
  const items: Text[] = []
  for (const k of CRITERIA) {
    for (const c of evaluation.scores.criteria[k].contributions) {
      if (sensitive.has(c.rule)) items.push(contributionText(k, c))
    }
  }
  for (const v of evaluation.violations) {
    if (v.paths.some((p) => touchesDimension(p, dim)))
      items.push([
        { strong: 'Violation ' },
        { code: v.id },
        `: ${v.message} `,
        ...refs(v.references),
      ])
  }
  for (const f of evaluation.findings) {
    if (f.paths.some((p) => touchesDimension(p, dim)))
      items.push([
        { strong: `Finding (${f.severity}) ` },
        { code: f.id },
        `: ${f.title}. `,
        ...refs(f.references),
      ])
  }
  return items.length === 0
    ? {
        kind: 'paragraph',
        text: 'No score contribution, violation or finding depends on this dimension alone.',
      }
    : { kind: 'list', items }
}

function contributionText(k: Criterion, c: Contribution): Inline[] {
  return [{ code: c.rule }, ` ${k} ${signed(c.points)}: ${c.reason} `, ...refs(c.references)]
}
