// Whether a design can be built as it stands, and what stops it: one answer for the panel, the
// Export step and every place that shows a score, so none of them reads an impossible design as good.
import type { Evaluation } from '../../shared/engine/types'
import type { StepId } from '../store/steps'
import type { DraftDimension } from '../store/types'
import type { FieldIssues } from '../store/validation'

/** A field problem, by design path. */
export interface FieldProblem {
  readonly path: string
  readonly message: string
}

/** What stands between the design and a build. */
export interface Buildability {
  readonly buildable: boolean
  /** Engine violations: choices that cannot work together. */
  readonly violations: number
  /** Field and reference problems (a name used twice, a flow to nothing). */
  readonly fieldProblems: readonly FieldProblem[]
  /** Choices not made yet (an empty design): nothing is scored or exported until they are. */
  readonly missing: readonly DraftDimension[]
}

/** What each open choice is called, and the step that makes it. */
export const DRAFT_LABELS: Readonly<
  Record<DraftDimension, { readonly label: string; readonly step: StepId }>
> = {
  cloud: { label: 'Cloud', step: 'context' },
  orchestrator: { label: 'Orchestrator', step: 'orchestrator' },
  runtime: { label: 'Container runtime', step: 'runtime' },
  os: { label: 'Host OS', step: 'os' },
  cni: { label: 'Network plugin (CNI)', step: 'plugins' },
}

/** The design's buildability from its evaluation and its field issues. */
export function buildabilityOf(
  evaluation: Evaluation,
  issues: FieldIssues,
  missing: readonly DraftDimension[] = [],
): Buildability {
  const fieldProblems = Object.entries(issues).map(([path, message]) => ({ path, message }))
  return {
    buildable: evaluation.valid && fieldProblems.length === 0 && missing.length === 0,
    violations: evaluation.violations.length,
    fieldProblems,
    missing,
  }
}

/** "5 choices to make, 2 incompatibilities and 1 field problem", for badges and export warnings. */
export function blockersText(b: Buildability): string {
  const parts: string[] = []
  const m = b.missing.length
  if (m > 0) parts.push(`${m} choice${m === 1 ? '' : 's'} to make`)
  if (b.violations > 0)
    parts.push(`${b.violations} incompatibilit${b.violations === 1 ? 'y' : 'ies'}`)
  const n = b.fieldProblems.length
  if (n > 0) parts.push(`${n} field problem${n === 1 ? '' : 's'}`)
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}
