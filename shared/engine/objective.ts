// What recommend and the brute-force reference rank by: first the high findings a stack would add to
// the design's own (fewer is better: a pick that adds one ranks below every pick that adds none), then
// the overall with findings counted (arithmetic.ts).
import type { Catalog } from '../catalog/types'
import type { Design } from '../model/schema'
import type { EngineContext, WorkloadSummary } from './context'
import { buildContext } from './context'
import { findingsOf } from './evaluate'
import { overallWithFindings, totalPenalty } from './arithmetic'
import { weightedOverall } from './score'
import type { Criterion, Finding, Severity } from './types'
import { SEVERITIES } from './types'

export interface FindingChange {
  readonly id: string
  readonly severity: Severity
}

export interface Objective {
  readonly exact: number
  readonly addedHigh: number
  readonly findingsAdded: readonly FindingChange[]
  readonly findingsResolved: readonly FindingChange[]
}

/** The design's own findings, by id and severity, to compare candidates with. */
export type FindingBaseline = ReadonlyMap<string, Severity>

export function baselineOf(findings: readonly Finding[]): FindingBaseline {
  return new Map(findings.map((f) => [f.id, f.severity]))
}

/** The design's findings under `catalog`; none when the catalog lacks its orchestrator (reduced catalogs). */
export function designBaseline(
  design: Design,
  catalog: Catalog,
  summary: WorkloadSummary,
): FindingBaseline {
  if (!catalog.orchestrators.some((o) => o.id === design.choices.orchestrator)) return new Map()
  return baselineOf(findingsOf(buildContext(design, catalog, summary)))
}

/** The objective of a candidate whose context and raw criterion sums are given. */
/** An open high finding the design itself does not have as high. */
const addsHigh = (f: Finding, baseline: FindingBaseline) =>
  f.severity === 'high' && f.treatment === 'open' && baseline.get(f.id) !== 'high'

/** The overall and the added high findings of a candidate's findings: what ranking and bounds need. */
function reach(
  findings: readonly Finding[],
  raw: Readonly<Record<Criterion, number>>,
  weights: Readonly<Record<Criterion, number>>,
  baseline: FindingBaseline,
): { readonly exact: number; readonly addedHigh: number } {
  return {
    exact: overallWithFindings(weightedOverall(raw, weights), totalPenalty(findings)),
    addedHigh: findings.filter((f) => addsHigh(f, baseline)).length,
  }
}

export function objectiveOf(
  context: EngineContext,
  /** Raw criterion sums (the overall is computed from these, not from the mapped scores). */
  raw: Readonly<Record<Criterion, number>>,
  weights: Readonly<Record<Criterion, number>>,
  baseline: FindingBaseline,
  /** The findings of rules that do not read plugins, when already known for this base stack. */
  stackFindings?: readonly Finding[],
): Objective {
  const findings =
    stackFindings === undefined
      ? findingsOf(context)
      : [...stackFindings, ...findingsOf(context, true)]
  const ids = new Set(findings.map((f) => f.id))
  const rank = (s: Severity) => SEVERITIES.indexOf(s)
  const findingsAdded = findings
    .filter((f) => {
      const before = baseline.get(f.id)
      return before === undefined || rank(f.severity) < rank(before)
    })
    .map((f) => ({ id: f.id, severity: f.severity }))
  const findingsResolved = [...baseline]
    .filter(([id]) => !ids.has(id))
    .map(([id, severity]) => ({ id, severity }))
  return { ...reach(findings, raw, weights, baseline), findingsAdded, findingsResolved }
}

/** Only the overall and the added high findings (no lists): what a search bound needs. */
export function boundObjective(
  context: EngineContext,
  raw: Readonly<Record<Criterion, number>>,
  weights: Readonly<Record<Criterion, number>>,
  baseline: FindingBaseline,
  stackFindings: readonly Finding[],
): { readonly exact: number; readonly addedHigh: number } {
  return reach([...stackFindings, ...findingsOf(context, true)], raw, weights, baseline)
}
