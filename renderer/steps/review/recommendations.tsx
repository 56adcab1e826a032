// "What would raise my score": the engine's exact top stacks, each with its changes, a compare
// toggle and one-click adoption (an undoable edit).
import type { RankedStack } from '../../../shared/engine/types'
import { useApp, useAppShallow } from '../../app/app-store'
import { catalogName } from '../../lib/catalog-names'
import { changeLabel, deltaTone, signed, stackLabel } from '../../lib/format'
import { stackKey } from '../../store/stack-edits'

/** The recommended stacks. */
export function Recommendations() {
  const recommendations = useApp((s) => s.recommendations)
  const design = useApp((s) => s.design)
  const overall = useApp((s) => s.evaluation.scores.overall)
  const compare = useApp((s) => s.compare)
  const { adoptStack, toggleCompare } = useAppShallow((s) => ({
    adoptStack: s.adoptStack,
    toggleCompare: s.toggleCompare,
  }))
  const stale = recommendations?.forDesign !== design
  if (!recommendations)
    return (
      <p className="muted" role="status">
        Searching every stack in the catalog…
      </p>
    )
  const compared = new Set(compare.map(stackKey))
  const label = (r: RankedStack) => stackLabel(r.stack, catalogName)
  return (
    <div aria-busy={stale} data-testid="recommendations">
      {stale ? (
        <p className="muted small" role="status">
          Updating for your latest change…
        </p>
      ) : null}
      <ol className="recommendations">
        {recommendations.stacks.map((r) => {
          const key = stackKey(r.stack)
          const delta = r.score - overall
          const same = r.changes.length === 0
          return (
            <li key={key} className="recommendation" data-testid={`recommendation-${r.rank}`}>
              <div className="recommendation-head">
                <span className="rank">#{r.rank}</span>
                <span className="recommendation-stack">{label(r)}</span>
                <span className="recommendation-score">
                  {r.score}
                  <span className={`delta-${deltaTone(delta)}`}> ({signed(delta)})</span>
                </span>
              </div>
              {same ? (
                <p className="muted">This is your current stack.</p>
              ) : (
                <ul className="changes">
                  {r.changes.map((c) => (
                    <li key={c}>{changeLabel(c)}</li>
                  ))}
                </ul>
              )}
              {same ? null : (
                <div className="recommendation-actions">
                  <label className="check-inline">
                    <input
                      type="checkbox"
                      checked={compared.has(key)}
                      onChange={() => toggleCompare(r.stack)}
                    />
                    Compare
                  </label>
                  <button type="button" className="button" onClick={() => adoptStack(r.stack)}>
                    Adopt this stack<span className="sr-only"> (rank {r.rank})</span>
                  </button>
                </div>
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
