// The CI gate behind `evaluate --fail-on`: which open findings reach the threshold.
import type { Evaluation, Finding, Severity } from '../../shared/engine/types'
import { SEVERITIES } from '../../shared/engine/types'

/** Severity rank: 0 is the most severe. */
const rank = (s: Severity) => SEVERITIES.indexOf(s)

/** Open findings (treatment `open`) at `threshold` or more severe; treated findings never fail a gate. */
export function findingsAtOrAbove(evaluation: Evaluation, threshold: Severity): Finding[] {
  return evaluation.findings.filter(
    (f) => f.treatment === 'open' && rank(f.severity) <= rank(threshold),
  )
}
