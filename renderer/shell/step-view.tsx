// The main column: the current step under its heading, with Back and Next. Focus moves to the
// heading on every step change so keyboard and screen-reader users land at the top.
import { useEffect, useRef } from 'react'
import { assertNever } from '../../shared/util/assert-never'
import { useApp } from '../app/app-store'
import { STEPS, neighbourStep } from '../store/steps'
import type { StepId } from '../store/steps'
import { ContextStep } from '../steps/context-step'
import { ExportStep } from '../steps/export-step'
import { IsolationStep } from '../steps/isolation-step'
import { NodesStep } from '../steps/nodes-step'
import { OrchestratorStep, OsStep, RuntimeStep } from '../steps/choice-steps'
import { PluginsStep } from '../steps/plugins-step'
import { ReviewStep } from '../steps/review-step'
import { WorkloadsStep } from '../steps/workloads-step'

const LEADS: Readonly<Record<StepId, string>> = {
  context:
    'Describe where the platform runs, who operates it and what matters most. Priorities weight the overall score.',
  workloads:
    'List what runs and who talks to whom. Least privilege is defined per workload, and flows become the only allowed traffic.',
  orchestrator:
    'The orchestrator is not a security tool, but it sets your defaults and decides which runtimes, OSes and plugins you can use.',
  nodes:
    'Node pools are where containers really run: each has its OS, engine and the sandboxes it offers. Windows workloads need a Windows pool; untrusted ones a pool with a sandbox.',
  runtime:
    'All mainstream runtimes have had serious CVEs; only designs that stop sharing the host kernel change the picture.',
  os: 'The Linux distribution matters little for behaviour; immutability, a minimal footprint and access paths matter more.',
  plugins:
    'Good plugins add visibility and enforcement; every plugin also adds privileges and exposures to track.',
  isolation:
    'Too little isolation lets a breach spread; too much breaks the application. Aim for least privilege per container.',
  review:
    'Check the architecture, treat the risks, and compare your stack with the best alternatives.',
  export: 'Pick what to generate, preview every file, then export it or print the design document.',
}

function StepBody({ step }: { readonly step: StepId }) {
  switch (step) {
    case 'context':
      return <ContextStep />
    case 'workloads':
      return <WorkloadsStep />
    case 'orchestrator':
      return <OrchestratorStep />
    case 'nodes':
      return <NodesStep />
    case 'runtime':
      return <RuntimeStep />
    case 'os':
      return <OsStep />
    case 'plugins':
      return <PluginsStep />
    case 'isolation':
      return <IsolationStep />
    case 'review':
      return <ReviewStep />
    case 'export':
      return <ExportStep />
    default:
      return assertNever(step)
  }
}

/** The current step. */
export function StepView() {
  const step = useApp((s) => s.step)
  const setStep = useApp((s) => s.setStep)
  const heading = useRef<HTMLHeadingElement>(null)
  const first = useRef(true)
  useEffect(() => {
    // Not on first load: the page should open with focus at the top of the document.
    if (first.current) {
      first.current = false
      return
    }
    heading.current?.focus()
  }, [step])
  const meta = STEPS.find((s) => s.id === step) ?? STEPS[0]
  const previous = neighbourStep(step, -1)
  const next = neighbourStep(step, 1)
  const title = (id: StepId | undefined) => STEPS.find((s) => s.id === id)?.title ?? ''

  return (
    <main className="step-view" id="main" data-testid={`step-view-${step}`}>
      <div className="step-content">
        <header className="step-header">
          <p className="step-kicker">
            Step {STEPS.indexOf(meta) + 1} · {meta.hint}
          </p>
          <h1 ref={heading} tabIndex={-1}>
            {meta.title}
          </h1>
          <p className="step-lead">{LEADS[step]}</p>
        </header>
        <StepBody step={step} />
        <nav className="step-nav" aria-label="Step navigation">
          {previous ? (
            <button type="button" className="button" onClick={() => setStep(previous)}>
              ← Back: {title(previous)}
            </button>
          ) : (
            <span />
          )}
          {next ? (
            <button type="button" className="button primary" onClick={() => setStep(next)}>
              Next: {title(next)} →
            </button>
          ) : null}
        </nav>
      </div>
    </main>
  )
}
