// Hard incompatibilities with their rule ids and fixes.
import type { Violation } from '../../shared/engine/types'

/** A list of violations; `compact` hides the fix behind the message for the side panel. */
export function ViolationList({
  violations,
  compact,
}: {
  readonly violations: readonly Violation[]
  readonly compact?: boolean
}) {
  return (
    <ul className="violation-list" data-testid="violations">
      {violations.map((v, i) => (
        <li key={`${v.id}-${i}`} className="violation">
          <span className="rule-id">{v.id}</span>
          <span className="violation-message">{v.message}</span>
          {compact ? null : <span className="violation-fix">Fix: {v.fix}</span>}
        </li>
      ))}
    </ul>
  )
}
