// Compare: the current stack and up to three others side by side — scores per criterion, findings
// gained and resolved, what changes — with one click to adopt.
import { useMemo } from 'react'
import { catalog } from '../../../shared/catalog/index'
import { CRITERIA } from '../../../shared/engine/types'
import { useApp } from '../../app/app-store'
import { catalogName } from '../../lib/catalog-names'
import { CRITERION_LABELS, changeLabel, deltaTone, signed, stackLabel } from '../../lib/format'
import { compareStacks } from '../../store/compare'

/** The comparison table; empty until a stack is ticked for comparison. */
export function CompareTable() {
  const design = useApp((s) => s.design)
  const evaluation = useApp((s) => s.evaluation)
  const compare = useApp((s) => s.compare)
  const adoptStack = useApp((s) => s.adoptStack)
  const toggleCompare = useApp((s) => s.toggleCompare)
  const columns = useMemo(
    () => compareStacks(design, evaluation, compare, catalog),
    [design, evaluation, compare],
  )
  if (columns.length < 2)
    return (
      <p className="muted">
        Tick “Compare” on up to three recommended stacks to see them beside yours.
      </p>
    )
  const base = columns[0]?.evaluation ?? evaluation
  const cell = (key: string, value: number, reference: number, current: boolean) => (
    <td className="num" key={key}>
      {value}
      {current ? null : (
        <span className={`delta-${deltaTone(value - reference)} small`}>
          {' '}
          {signed(value - reference)}
        </span>
      )}
    </td>
  )
  return (
    <div className="table-scroll">
      <table className="data-table compare" data-testid="compare-table">
        <caption className="sr-only">Stacks compared with the current one</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {columns.map((c, i) => (
              <th scope="col" key={c.key}>
                <span className="compare-title">{c.current ? 'Current' : `Alternative ${i}`}</span>
                <span className="compare-stack" data-stack={c.key}>
                  {stackLabel(c.stack, catalogName)}
                </span>
                <span className="compare-plugins muted small">
                  {c.stack.plugins.length > 0 ? c.stack.plugins.join(', ') : 'no plugins'}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="overall-row">
            <th scope="row">Overall</th>
            {columns.map((c) => (
              <td key={c.key} className="num strong">
                {c.evaluation.valid ? (
                  c.evaluation.scores.overall
                ) : (
                  // An impossible stack's number must not read as better than a working one.
                  <>
                    <s className="muted">{c.evaluation.scores.overall}</s>{' '}
                    <span className="badge badge-bad" data-testid="compare-not-buildable">
                      Not buildable
                    </span>
                  </>
                )}
                {c.current || !c.evaluation.valid ? null : (
                  <span
                    className={`delta-${deltaTone(c.evaluation.scores.overall - base.scores.overall)} small`}
                  >
                    {' '}
                    {signed(c.evaluation.scores.overall - base.scores.overall)}
                  </span>
                )}
              </td>
            ))}
          </tr>
          {CRITERIA.map((k) => (
            <tr key={k}>
              <th scope="row">{CRITERION_LABELS[k]}</th>
              {columns.map((c) =>
                cell(
                  c.key,
                  c.evaluation.scores.criteria[k].score,
                  base.scores.criteria[k].score,
                  c.current,
                ),
              )}
            </tr>
          ))}
          <tr>
            <th scope="row">What changes</th>
            {columns.map((c) => (
              <td key={c.key}>
                {c.current ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="changes">
                    {c.changes.map((x) => (
                      <li key={x}>{changeLabel(x)}</li>
                    ))}
                  </ul>
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Findings</th>
            {columns.map((c) => (
              <td key={c.key}>
                <span>{c.evaluation.findings.length} total</span>
                {c.resolvedFindings.length > 0 ? (
                  <ul className="findings-diff resolved">
                    {c.resolvedFindings.map((f) => (
                      <li key={f.id}>− {f.title}</li>
                    ))}
                  </ul>
                ) : null}
                {c.newFindings.length > 0 ? (
                  <ul className="findings-diff added">
                    {c.newFindings.map((f) => (
                      <li key={f.id}>+ {f.title}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">
              <span className="sr-only">Actions</span>
            </th>
            {columns.map((c, i) => (
              <td key={c.key}>
                {c.current ? null : (
                  <div className="compare-actions">
                    <button
                      type="button"
                      className="button primary"
                      onClick={() => adoptStack(c.stack)}
                      data-testid={`adopt-compared-${i}`}
                    >
                      Adopt<span className="sr-only"> alternative {i}</span>
                    </button>
                    <button
                      type="button"
                      className="button subtle"
                      onClick={() => toggleCompare(c.stack)}
                    >
                      Remove<span className="sr-only"> alternative {i} from the comparison</span>
                    </button>
                  </div>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  )
}
