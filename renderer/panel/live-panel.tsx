// The live panel beside every step: overall score, criteria, isolation balance, violations and top
// findings. Every number opens the contributions behind it.
import { useLayoutEffect, useMemo } from 'react'
import { CRITERIA } from '../../shared/engine/types'
import { useApp } from '../app/app-store'
import { DRAFT_LABELS, blockersText, buildabilityOf } from '../lib/buildable'
import { CRITERION_LABELS, scoreTone } from '../lib/format'
import { BalanceGauge } from './balance-gauge'
import { FindingsSummary } from './findings-summary'
import { ViolationList } from './violation-list'

/** Marks when the panel shows a new evaluation, for the update-latency benchmark. */
export const SCORE_UPDATED_MARK = 'score-updated'

const MAX_FIELD_PROBLEMS = 5

/** The live score panel. */
export function LivePanel() {
  const evaluation = useApp((s) => s.evaluation)
  const issues = useApp((s) => s.issues)
  const unchosen = useApp((s) => s.unchosen)
  const setInspect = useApp((s) => s.setInspect)
  const setStep = useApp((s) => s.setStep)
  const { overall, criteria, weights } = evaluation.scores
  const build = useMemo(
    () => buildabilityOf(evaluation, issues, unchosen),
    [evaluation, issues, unchosen],
  )
  // A draft (choices still open) has no score yet: its number would rate placeholders.
  const draft = build.missing.length > 0
  // An unbuildable design's number is what it would score once fixed: shown muted and struck
  // through, never in a tone, so it never reads as better than a design that works.
  const tone = build.buildable ? scoreTone(overall) : draft ? 'none' : 'void'

  useLayoutEffect(() => {
    performance.mark(SCORE_UPDATED_MARK)
  }, [evaluation])

  return (
    <aside
      className={`live-panel${build.buildable ? '' : ' not-buildable'}`}
      aria-label="Live score"
      data-testid="live-panel"
    >
      <section className="panel-section overall">
        <button
          type="button"
          className={`overall-score tone-${tone}`}
          onClick={() => setInspect({ kind: 'overall' })}
          aria-label={
            draft
              ? `No score yet: ${blockersText(build)}. Show how it would be weighted.`
              : build.buildable
                ? `Overall score ${overall} of 100. Show how it is weighted.`
                : `Not buildable: ${blockersText(build)}. The score of ${overall} applies only once fixed. Show how it is weighted.`
          }
          data-testid="overall-score"
          data-buildable={build.buildable}
        >
          <span className="overall-number">{draft ? '–' : overall}</span>
          <span className="overall-of">/100</span>
        </button>
        <div className="overall-caption">
          <span className="overall-title">Overall score</span>
          {build.buildable ? (
            <>
              <span className="muted">weighted by your priorities</span>
              <span className="badge badge-good" data-testid="build-state">
                Buildable
              </span>
            </>
          ) : (
            <>
              <span className="badge badge-bad" data-testid="build-state">
                Not buildable
              </span>
              <span className="muted small">
                {draft
                  ? `${blockersText(build)}; no score until then`
                  : `${blockersText(build)}; the score applies once fixed`}
              </span>
            </>
          )}
        </div>
      </section>

      <section className="panel-section" aria-labelledby="criteria-heading">
        <h2 id="criteria-heading" className="panel-heading">
          Criteria
        </h2>
        <ul className="criteria">
          {CRITERIA.map((c) => {
            const score = criteria[c].score
            return (
              <li key={c}>
                <button
                  type="button"
                  className="criterion"
                  onClick={() => setInspect({ kind: 'criterion', criterion: c })}
                  aria-label={
                    draft
                      ? `${CRITERION_LABELS[c]}: no score yet, weight ${weights[c]}. Show contributions.`
                      : `${CRITERION_LABELS[c]} ${score} of 100, weight ${weights[c]}. Show contributions.`
                  }
                  data-testid={`criterion-${c}`}
                >
                  <span className="criterion-name">{CRITERION_LABELS[c]}</span>
                  <span className="criterion-bar" aria-hidden="true">
                    <span
                      className={`criterion-fill tone-${scoreTone(score)}`}
                      style={{ width: `${draft ? 0 : score}%` }}
                    />
                  </span>
                  <span className="criterion-value">{draft ? '–' : score}</span>
                </button>
              </li>
            )
          })}
        </ul>
      </section>

      <section className="panel-section" aria-labelledby="balance-heading">
        <h2 id="balance-heading" className="panel-heading">
          Isolation balance
        </h2>
        <BalanceGauge
          balance={evaluation.isolationBalance}
          onInspect={() => setInspect({ kind: 'balance' })}
        />
      </section>

      {draft ? (
        <section className="panel-section" aria-labelledby="missing-heading">
          <h2 id="missing-heading" className="panel-heading">
            Still to choose
          </h2>
          <ul className="missing-list" data-testid="missing-choices">
            {build.missing.map((m) => (
              <li key={m}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setStep(DRAFT_LABELS[m].step)}
                >
                  {DRAFT_LABELS[m].label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {build.fieldProblems.length > 0 ? (
        <section className="panel-section" aria-labelledby="field-problems-heading">
          <h2 id="field-problems-heading" className="panel-heading">
            Fields to fix
          </h2>
          <ul className="violation-list" data-testid="field-problems">
            {build.fieldProblems.slice(0, MAX_FIELD_PROBLEMS).map((p) => (
              <li key={p.path} className="violation">
                <code className="rule-id">{p.path}</code>
                <span className="violation-message">{p.message}</span>
              </li>
            ))}
            {build.fieldProblems.length > MAX_FIELD_PROBLEMS ? (
              <li className="muted small">
                and {build.fieldProblems.length - MAX_FIELD_PROBLEMS} more
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}

      {evaluation.violations.length > 0 ? (
        <section className="panel-section" aria-labelledby="violations-heading">
          <h2 id="violations-heading" className="panel-heading">
            Incompatibilities
          </h2>
          <ViolationList violations={evaluation.violations} compact />
        </section>
      ) : null}

      <section className="panel-section" aria-labelledby="findings-heading">
        <h2 id="findings-heading" className="panel-heading">
          Top findings
        </h2>
        <FindingsSummary findings={evaluation.findings} />
      </section>
    </aside>
  )
}
