// One option of a choice: what it is, the score it would give, what it adds and costs (with
// sources), and — when impossible with the current choices — why, and how to fix it.
import { useId } from 'react'
import type { Fact } from '../../shared/catalog/types'
import type { OptionOutcome } from '../store/option-outcomes'
import { CRITERION_LABELS, changeLabel, deltaTone, signed } from '../lib/format'
import type { Traits } from '../lib/option-traits'
import { SourceBadges } from './reference-list'

interface OptionCardProps {
  readonly name: string
  readonly summary: string
  readonly meta?: string
  readonly traits: Traits
  readonly facts: readonly Fact[]
  readonly outcome: OptionOutcome
  /** From the current design: `outcome` may be one render behind (it is computed deferred). */
  readonly selected: boolean
  readonly type: 'radio' | 'checkbox'
  readonly group: string
  readonly onPick: () => void
  readonly testId: string
}

const MAX_CRITERIA = 3
const MAX_TRAITS = 2

/** An option card; disabled (never hidden) when picking it would break the design. */
export function OptionCard({
  name,
  summary,
  meta,
  traits,
  facts,
  outcome,
  selected,
  type,
  group,
  onPick,
  testId,
}: OptionCardProps) {
  const id = useId()
  // The chosen option stays enabled even when it conflicts, so it can be changed or removed.
  // While the outcomes catch up with a new pick, show no numbers rather than stale ones.
  const stale = outcome.selected !== selected
  const blocked = !stale && outcome.blocking.length > 0 && !selected
  const conflicts = !stale && selected ? outcome.blocking : []
  const classes = ['option-card']
  if (selected) classes.push('selected')
  if (blocked) classes.push('blocked')
  const hiddenTraits = [
    ...traits.adds.slice(MAX_TRAITS).map((t) => `Adds: ${t}`),
    ...traits.costs.slice(MAX_TRAITS).map((t) => `Costs: ${t}`),
  ]
  const showDeltas = !selected && !stale && outcome.criteria.length > 0
  const describedBy = [
    `${id}-summary`,
    blocked ? `${id}-blocked` : '',
    showDeltas && !blocked ? `${id}-delta` : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div className={classes.join(' ')} data-testid={testId} data-blocked={blocked || undefined}>
      <label className="option-main">
        <span className="option-head">
          <input
            type={type}
            name={group}
            checked={selected}
            disabled={blocked}
            onChange={onPick}
            aria-describedby={describedBy}
          />
          <span className="option-name">{name}</span>
          {selected ? (
            <span className="option-delta current">{type === 'radio' ? 'Chosen' : 'On'}</span>
          ) : stale ? (
            <span className="option-delta delta-flat">…</span>
          ) : blocked ? (
            <span className="option-delta delta-void">
              {signed(outcome.delta)}
              <span className="sr-only"> overall if it were possible</span>
            </span>
          ) : (
            <span className={`option-delta delta-${deltaTone(outcome.delta)}`}>
              {signed(outcome.delta)}
              <span className="sr-only"> overall</span>
            </span>
          )}
        </span>
        {meta ? <span className="option-meta">{meta}</span> : null}
        <span className="option-summary" id={`${id}-summary`}>
          {summary}
        </span>
      </label>

      {showDeltas ? (
        <ul
          className="delta-chips"
          id={`${id}-delta`}
          aria-label={blocked ? 'Score changes if it were possible' : 'Score changes if picked'}
        >
          {outcome.criteria.slice(0, MAX_CRITERIA).map((c) => (
            <li
              key={c.criterion}
              className={`delta-chip delta-${blocked ? 'void' : deltaTone(c.delta)}`}
            >
              {CRITERION_LABELS[c.criterion]} {signed(c.delta)}
            </li>
          ))}
        </ul>
      ) : null}

      {blocked ? (
        <div className="option-blocked" id={`${id}-blocked`} role="note">
          {outcome.blocking.map((v, i) => (
            <p key={i}>
              <strong>Not possible here:</strong> {v.message}{' '}
              <span className="option-fix">Fix: {v.fix}</span>{' '}
              <code className="rule-id">{v.id}</code>
            </p>
          ))}
        </div>
      ) : null}

      {conflicts.length > 0 ? (
        <div className="option-blocked" role="note">
          {conflicts.map((v, i) => (
            <p key={i}>
              <strong>Conflicts with your design:</strong> {v.message}{' '}
              <span className="option-fix">Fix: {v.fix}</span>
            </p>
          ))}
        </div>
      ) : null}

      {!stale && !blocked && outcome.adjustments.length > 0 ? (
        <p className="option-adjust">
          Also changes: {outcome.adjustments.map(changeLabel).join('; ')}
        </p>
      ) : null}
      {!stale && !blocked && outcome.introduced.length > 0 ? (
        <p className="option-warn">
          {selected ? 'Removing it would add' : 'Would add'}:{' '}
          {outcome.introduced.map((v) => v.message).join(' ')}
        </p>
      ) : null}
      {!stale && selected && type === 'checkbox' && outcome.delta !== 0 ? (
        <p className="option-adjust">Removing it: {signed(outcome.delta)} overall</p>
      ) : null}

      {traits.adds.length + traits.costs.length > 0 ? (
        <div className="option-traits">
          {traits.adds.length > 0 ? (
            <div>
              <h3 className="trait-heading adds">Adds</h3>
              <ul>
                {traits.adds.slice(0, MAX_TRAITS).map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {traits.costs.length > 0 ? (
            <div>
              <h3 className="trait-heading costs">Costs</h3>
              <ul>
                {traits.costs.slice(0, MAX_TRAITS).map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      {facts.length > 0 || hiddenTraits.length > 0 ? (
        <details className="option-facts">
          <summary>{hiddenTraits.length > 0 ? 'More details, facts' : 'Facts'} and sources</summary>
          <ul>
            {hiddenTraits.map((t) => (
              <li key={t}>{t}</li>
            ))}
            {facts.map((f, i) => (
              <li key={i}>
                {f.text} <SourceBadges ids={f.sources} />
                {f.confirmed ? null : <span className="unconfirmed"> (unconfirmed)</span>}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
