// The architect's rationale for a dimension: it becomes the decision record in the document.
import type { DecisionDimension } from '../../shared/model/schema'
import { useApp } from '../app/app-store'
import { withDecision } from '../store/field-edits'
import { TextField } from './fields'

/** A rationale text box for one decision dimension. */
export function DecisionField({
  dimension,
  label,
}: {
  readonly dimension: DecisionDimension
  readonly label: string
}) {
  const value = useApp((s) => s.design.decisions[dimension] ?? '')
  const error = useApp((s) => s.issues[`decisions.${dimension}`])
  const edit = useApp((s) => s.edit)
  return (
    <section className="card form-card decision">
      <TextField
        label={label}
        value={value}
        error={error}
        multiline
        help="Goes into this dimension’s decision record in the design document."
        onChange={(text) =>
          edit((d) => withDecision(d, dimension, text), { coalesce: `decisions.${dimension}` })
        }
      />
    </section>
  )
}
