// How raw points become the 0–100 numbers shown, and how open findings lower the overall.
//
// Raw criterion sums (and the overall, from the weighted mean of the raw sums) are mapped with a curve that is the identity between 20 and 80 and bends
// smoothly towards 0 and 100 outside, so a penalty beyond either end still moves the number
// (a clamp would hide it). Open findings then lower the overall by severity; a treatment changes
// how much: mitigated (a compensating control, noted) removes the penalty, transferred halves it,
// accepted keeps it (the risk is still carried). README "How the score is computed" says the same.
import type { Finding, Severity } from './types'
import type { Treatment } from '../model/schema'

const LOW = 20
const HIGH = 80

/** Maps a raw sum to (0, 100): identity on [20, 80], exponential tails, strictly increasing. */
export function softScore(raw: number): number {
  if (raw > HIGH) return 100 - (100 - HIGH) * Math.exp(-(raw - HIGH) / (100 - HIGH))
  if (raw < LOW) return LOW * Math.exp((raw - LOW) / LOW)
  return raw
}

/** Points an open finding takes off the overall, by severity. */
export const FINDING_PENALTY: Readonly<Record<Severity, number>> = { high: 5, medium: 2, low: 0.5 }

/** Share of the penalty a treatment keeps. */
export const TREATMENT_SHARE: Readonly<Record<Treatment, number>> = {
  open: 1,
  accepted: 1,
  transferred: 0.5,
  mitigated: 0,
}

export interface FindingPenalty {
  readonly id: string
  readonly severity: Severity
  readonly treatment: Treatment
  readonly points: number
}

/** Each finding's penalty (negative points), in the findings' order. */
export function findingPenalties(findings: readonly Finding[]): FindingPenalty[] {
  return findings.map((f) => ({
    id: f.id,
    severity: f.severity,
    treatment: f.treatment,
    points: -FINDING_PENALTY[f.severity] * TREATMENT_SHARE[f.treatment] + 0,
  }))
}

/** What the findings take off the overall in total (a positive number). */
export function totalPenalty(findings: readonly Finding[]): number {
  return findings.reduce(
    (sum, f) => sum + FINDING_PENALTY[f.severity] * TREATMENT_SHARE[f.treatment],
    0,
  )
}

/**
 * The overall: the weighted mean of the raw criterion sums less the findings' penalties, mapped like
 * a criterion (so a penalty beyond either end still shows).
 */
export function overallWithFindings(rawMean: number, penalty: number): number {
  return softScore(rawMean - penalty)
}
