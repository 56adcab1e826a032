// The most severe open findings, for the side panel.
import type { Finding } from '../../shared/engine/types'
import { SEVERITY_LABELS } from '../lib/format'

const SHOWN = 4

/** The top open findings and a count of the rest. */
export function FindingsSummary({ findings }: { readonly findings: readonly Finding[] }) {
  const open = findings.filter((f) => f.treatment === 'open')
  const treated = findings.length - open.length
  if (findings.length === 0) return <p className="muted">No findings. Nothing to treat.</p>
  return (
    <>
      <ul className="finding-summary" data-testid="top-findings">
        {open.slice(0, SHOWN).map((f) => (
          <li key={f.id}>
            <span className={`severity severity-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
            <span className="finding-title">{f.title}</span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {open.length > SHOWN ? `${open.length - SHOWN} more open. ` : ''}
        {treated > 0 ? `${treated} treated. ` : ''}
        The risk register on Review lists all {findings.length}.
      </p>
    </>
  )
}
