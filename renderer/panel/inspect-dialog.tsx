// What is behind a number: contributions per rule with points, reasons and resolved references.
import { CRITERIA } from '../../shared/engine/types'
import type { BalanceReason, Contribution, Evaluation } from '../../shared/engine/types'
import { useApp } from '../app/app-store'
import { blockersText, buildabilityOf } from '../lib/buildable'
import { Modal } from '../components/modal'
import { ReferenceList } from '../components/reference-list'
import { CRITERION_LABELS, signed } from '../lib/format'
import { assertNever } from '../../shared/util/assert-never'

function ContributionTable({ rows }: { readonly rows: readonly Contribution[] }) {
  if (rows.length === 0) return <p className="muted">No rule contributed to this criterion.</p>
  return (
    <table className="data-table contributions">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col" className="num">
            Points
          </th>
          <th scope="col">Reason</th>
          <th scope="col">References</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c, i) => (
          <tr key={`${c.rule}-${i}`}>
            <td>
              <code className="rule-id">{c.rule}</code>
            </td>
            <td className={`num delta-${c.points >= 0 ? 'up' : 'down'}`}>{signed(c.points)}</td>
            <td>{c.reason}</td>
            <td>
              <ReferenceList ids={c.references} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function BalanceTable({
  title,
  rows,
}: {
  readonly title: string
  readonly rows: readonly BalanceReason[]
}) {
  return (
    <section className="balance-side">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col">Reason</th>
              <th scope="col">References</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.rule}-${i}`}>
                <td>
                  <code className="rule-id">{r.rule}</code>
                </td>
                <td className="num">{r.weight}</td>
                <td>{r.reason}</td>
                <td>
                  <ReferenceList ids={r.references} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** What open findings take off the weighted mean (mitigated ones take nothing, transferred half). */
function FindingPenaltyTable({
  mean,
  rows,
}: {
  readonly mean: number
  readonly rows: Evaluation['scores']['findingPenalties']
}) {
  const total = rows.reduce((sum, r) => sum + r.points, 0)
  return (
    <section aria-label="Findings in the overall score" data-testid="finding-penalties">
      <p className="muted">
        Weighted mean of the criteria: {mean.toFixed(1)}. Findings:{' '}
        {signed(Math.round(total * 10) / 10)} (high −5, medium −2, low −0.5; mitigated 0,
        transferred half, accepted in full).
      </p>
      {rows.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Finding</th>
              <th scope="col">Severity</th>
              <th scope="col">Treatment</th>
              <th scope="col" className="num">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <code className="rule-id">{r.id}</code>
                </td>
                <td>{r.severity}</td>
                <td>{r.treatment}</td>
                <td className="num">{signed(r.points)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** The contributions dialog for whichever number was clicked. */
export function InspectDialog() {
  const inspect = useApp((s) => s.inspect)
  const evaluation = useApp((s) => s.evaluation)
  const issues = useApp((s) => s.issues)
  const unchosen = useApp((s) => s.unchosen)
  const setInspect = useApp((s) => s.setInspect)
  if (!inspect) return null
  const build = buildabilityOf(evaluation, issues, unchosen)
  const close = () => setInspect(null)
  const { criteria, weights, overall, criteriaMean, findingPenalties } = evaluation.scores

  switch (inspect.kind) {
    case 'criterion': {
      const c = criteria[inspect.criterion]
      const total = c.contributions.reduce((sum, x) => sum + x.points, 0)
      return (
        <Modal
          title={`${CRITERION_LABELS[inspect.criterion]}: ${c.score}/100`}
          onClose={close}
          wide
          testId="inspect-dialog"
        >
          <p className="muted">
            The sum of these contributions ({total}), shown on 0–100: unchanged between 20 and 80,
            bending towards 0 and 100 outside so no penalty disappears. Weight in the overall score:{' '}
            {weights[inspect.criterion]}.
          </p>
          <ContributionTable rows={c.contributions} />
        </Modal>
      )
    }
    case 'overall': {
      const totalWeight = CRITERIA.reduce((s, k) => s + weights[k], 0)
      return (
        <Modal
          title={
            build.missing.length > 0
              ? 'Overall score: none yet'
              : build.buildable
                ? `Overall score: ${overall}/100`
                : `Overall score: ${overall}/100, not buildable`
          }
          onClose={close}
          wide
          testId="inspect-dialog"
        >
          {build.buildable ? null : (
            <p className="option-warn" data-testid="inspect-not-buildable">
              Not buildable: {blockersText(build)}.{' '}
              {build.missing.length > 0
                ? 'The numbers below rate placeholders for the choices still open.'
                : 'The score is what the design would get once that is fixed; it is no reason to prefer it.'}
            </p>
          )}
          <p className="muted">
            The mean of the seven criteria weighted by the priorities on the Context step (security
            weighs isolation, least privilege and attack surface).
          </p>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col" className="num">
                  Weight
                </th>
                <th scope="col" className="num">
                  Share of overall
                </th>
              </tr>
            </thead>
            <tbody>
              {CRITERIA.map((k) => (
                <tr key={k}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setInspect({ kind: 'criterion', criterion: k })}
                    >
                      {CRITERION_LABELS[k]}
                    </button>
                  </th>
                  <td className="num">{criteria[k].score}</td>
                  <td className="num">{weights[k]}</td>
                  <td className="num">
                    {totalWeight === 0
                      ? '—'
                      : ((criteria[k].score * weights[k]) / totalWeight).toFixed(1)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <FindingPenaltyTable mean={criteriaMean} rows={findingPenalties} />
        </Modal>
      )
    }
    case 'balance': {
      const b = evaluation.isolationBalance
      return (
        <Modal title={`Isolation balance: ${b.value}`} onClose={close} wide testId="inspect-dialog">
          <p className="muted">
            Too much weight on the left means breaches spread; on the right, isolation breaks the
            application. The value is the “too much” weights minus the “too little” weights.
          </p>
          <BalanceTable title="Too little isolation" rows={b.tooLittle} />
          <BalanceTable title="Too much isolation" rows={b.tooMuch} />
        </Modal>
      )
    }
    default:
      return assertNever(inspect)
  }
}
