// Option cards split in two: what can be picked comes first; what the other choices rule out is
// folded into "Not possible here (N)", still there with its reason (never hidden), but never
// side by side with the real options where its numbers would read as the best ones.
import type { ReactNode } from 'react'

/** One card and whether the current design rules it out. */
export interface FoldedOption {
  readonly key: string
  readonly impossible: boolean
  readonly card: ReactNode
}

/** The possible cards in a grid, the impossible ones folded below them. */
export function FoldedOptions({
  options,
  label,
  radio,
  testId,
}: {
  readonly options: readonly FoldedOption[]
  readonly label?: string
  /** The cards are one radio group (pick one). */
  readonly radio?: boolean
  readonly testId: string
}) {
  const possible = options.filter((o) => !o.impossible)
  const impossible = options.filter((o) => o.impossible)
  return (
    <div
      className="option-fold"
      role={radio ? 'radiogroup' : undefined}
      aria-label={label}
      data-testid={testId}
    >
      <div className="option-grid">{possible.map((o) => o.card)}</div>
      {impossible.length > 0 ? (
        <details className="not-possible" data-testid={`${testId}-not-possible`}>
          <summary>
            Not possible here ({impossible.length})
            <span className="muted small"> ruled out by your other choices; each says why</span>
          </summary>
          <div className="option-grid">{impossible.map((o) => o.card)}</div>
        </details>
      ) : null}
    </div>
  )
}
