// The left rail: every step, where you are, and which steps have problems. Free navigation.
import { useMemo } from 'react'
import { useApp } from '../app/app-store'
import { STEPS, stepOfPath } from '../store/steps'
import type { StepId } from '../store/steps'

/** The step list with a progress bar. */
export function StepRail() {
  const step = useApp((s) => s.step)
  const setStep = useApp((s) => s.setStep)
  const violations = useApp((s) => s.evaluation.violations)
  const issues = useApp((s) => s.issues)
  const flagged = useMemo(() => {
    const steps = new Set<StepId>()
    for (const v of violations)
      for (const p of v.paths) {
        const s = stepOfPath(p)
        if (s) steps.add(s)
      }
    for (const p of Object.keys(issues)) {
      const s = stepOfPath(p)
      if (s) steps.add(s)
    }
    return steps
  }, [violations, issues])
  const index = STEPS.findIndex((s) => s.id === step)

  return (
    <nav className="step-rail" aria-label="Design steps">
      <div className="progress">
        <span className="progress-label">
          Step {index + 1} of {STEPS.length}
        </span>
        <span className="progress-track" aria-hidden="true">
          <span
            className="progress-fill"
            style={{ width: `${((index + 1) / STEPS.length) * 100}%` }}
          />
        </span>
      </div>
      <ol className="steps">
        {STEPS.map((s, i) => {
          const current = s.id === step
          const problem = flagged.has(s.id)
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`step-button${current ? ' current' : ''}${i < index ? ' done' : ''}`}
                aria-current={current ? 'step' : undefined}
                onClick={() => setStep(s.id)}
                title={`${s.title}: ${s.hint}`}
                data-testid={`step-${s.id}`}
              >
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                  {problem ? (
                    <span className="step-flag" title="Needs attention">
                      !
                    </span>
                  ) : null}
                </span>
                <span className="step-text">
                  <span className="step-title">
                    {s.title}
                    {problem ? <span className="sr-only"> (needs attention)</span> : null}
                  </span>
                  <span className="step-hint">{s.hint}</span>
                </span>
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
