// The risk register: every finding with severity, why, what to do, and the architect's treatment,
// saved into the design's `risks:` (undoable like any edit).
import { catalog, getReference } from '../../../shared/catalog/index'
import type { Treatment } from '../../../shared/model/schema'
import { TREATMENTS } from '../../../shared/model/schema'
import { useApp } from '../../app/app-store'
import { SEVERITY_LABELS } from '../../lib/format'

const TREATMENT_LABELS: Record<Treatment, string> = {
  open: 'Open',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  transferred: 'Transferred',
}

/** The findings as a register with treatment controls. */
export function RiskRegister() {
  const findings = useApp((s) => s.evaluation.findings)
  const setRisk = useApp((s) => s.setRisk)
  if (findings.length === 0)
    return <p className="muted">No findings: the engine sees no open risk in this design.</p>
  return (
    <ol className="risk-register" data-testid="risk-register">
      {findings.map((f) => (
        <li key={f.id} className={`risk risk-${f.treatment}`} data-testid={`risk-${f.id}`}>
          <div className="risk-head">
            <span className={`severity severity-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
            <h3 className="risk-title">{f.title}</h3>
            <code className="rule-id">{f.id}</code>
          </div>
          <p className="risk-why">{f.why}</p>
          <p className="risk-fix">
            <strong>What to do:</strong> {f.fix}
          </p>
          {f.references.length > 0 ? (
            <p className="risk-refs muted small">
              Sources: {f.references.map((r) => getReference(catalog, r)?.title ?? r).join('; ')}
            </p>
          ) : null}
          <div className="risk-treatment">
            <label>
              <span>Treatment</span>
              <select
                className="input"
                value={f.treatment}
                onChange={(e) => setRisk(f.id, e.target.value as Treatment, f.note)}
                data-testid={`treatment-${f.id}`}
              >
                {TREATMENTS.map((t) => (
                  <option key={t} value={t}>
                    {TREATMENT_LABELS[t]}
                  </option>
                ))}
              </select>
            </label>
            <label className="risk-note">
              <span>Note</span>
              <input
                className="input"
                type="text"
                value={f.note}
                placeholder="Who decided, and why"
                onChange={(e) => setRisk(f.id, f.treatment, e.target.value, `risks.${f.id}.note`)}
                data-testid={`note-${f.id}`}
              />
            </label>
          </div>
        </li>
      ))}
    </ol>
  )
}
