// Review: the architecture, the risk register, what would raise the score, and the comparison.
import { useApp } from '../app/app-store'
import { ArchitectureDiagram } from '../components/diagram'
import { ViolationList } from '../panel/violation-list'
import { CompareTable } from './review/compare-table'
import { Recommendations } from './review/recommendations'
import { RiskRegister } from './review/risk-register'

/** The Review step. */
export function ReviewStep() {
  const violations = useApp((s) => s.evaluation.violations)
  const findings = useApp((s) => s.evaluation.findings)
  const treated = findings.filter((f) => f.treatment !== 'open').length
  return (
    <>
      {violations.length > 0 ? (
        <section className="card card-alert" aria-labelledby="review-violations">
          <h2 id="review-violations">Incompatibilities to resolve</h2>
          <ViolationList violations={violations} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="review-architecture">
        <h2 id="review-architecture">Architecture</h2>
        <ArchitectureDiagram label="Architecture diagram: nodes, runtime, namespaces, workloads and allowed flows" />
      </section>
      <div className="review-columns">
        <section className="card" aria-labelledby="review-raise">
          <h2 id="review-raise">What would raise my score</h2>
          <p className="muted small">
            The best complete stacks for your context and priorities, searched exactly.
          </p>
          <Recommendations />
        </section>
        <section className="card" aria-labelledby="review-compare">
          <h2 id="review-compare">Compare stacks</h2>
          <CompareTable />
        </section>
      </div>
      <section className="card" aria-labelledby="review-risks">
        <h2 id="review-risks">
          Risk register <span className="count">{findings.length}</span>
          {treated > 0 ? <span className="muted small"> · {treated} treated</span> : null}
        </h2>
        <RiskRegister />
      </section>
    </>
  )
}
