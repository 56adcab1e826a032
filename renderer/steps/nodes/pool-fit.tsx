// What a pool can run and why not: its usable and refused sandboxes (from the engine's posture),
// the engine's violations on the pool, and the workloads the placement puts on it.
import type { PoolView } from '../../../shared/engine/posture/index'
import type { Violation } from '../../../shared/engine/types'
import type { NodePool } from '../../../shared/model/schema'

/** A workload placed on a pool, with the sandbox it runs in (if any). */
export interface Landing {
  readonly index: number
  readonly name: string
  readonly sandbox: string | undefined
  /** Placed by hand (`pool:`) rather than derived from its OS and trust. */
  readonly pinned: boolean
}

const SHOWN = 40

/** The "can run" and "lands here" part of a pool card. */
export function PoolFit({
  index,
  pool,
  view,
  violations,
  landing,
}: {
  readonly index: number
  readonly pool: NodePool
  readonly view: PoolView | undefined
  readonly violations: readonly Violation[]
  readonly landing: readonly Landing[]
}) {
  const runsWorkloads = pool.role !== 'control-plane'
  return (
    <div className="pool-fit" data-testid={`pool-${index}-fit`}>
      <div className="pool-fit-col">
        <h3 className="subheading">Can run</h3>
        {view ? (
          <ul className="fit-list">
            <li>
              {view.os.family === 'windows' ? 'Windows' : 'Linux'} containers on {view.runtime.name}
              {runsWorkloads ? '' : ' (control plane only: no workloads)'}
            </li>
            <li data-testid={`pool-${index}-usable`}>
              Sandboxes:{' '}
              {view.sandboxes.length === 0 ? (
                <span className="muted">none</span>
              ) : (
                view.sandboxes.map((s) => s.name).join(', ')
              )}
            </li>
          </ul>
        ) : (
          <p className="muted small">…</p>
        )}
        {view && view.refusedSandboxes.length > 0 ? (
          <ul className="fit-problems" data-testid={`pool-${index}-refused`}>
            {view.refusedSandboxes.map((r) => (
              <li key={r.runtime.id}>
                <strong>{r.runtime.name} refused:</strong> {r.reason}{' '}
                <span className="option-fix">Fix: {r.fix}</span>{' '}
                <code className="rule-id">COMPAT-SANDBOX-UNSUPPORTED</code>
              </li>
            ))}
          </ul>
        ) : null}
        {violations.length > 0 ? (
          <ul className="fit-problems" data-testid={`pool-${index}-violations`}>
            {violations.map((v, i) => (
              <li key={`${v.id}-${i}`}>
                <strong>Not possible:</strong> {v.message}{' '}
                <span className="option-fix">Fix: {v.fix}</span>{' '}
                <code className="rule-id">{v.id}</code>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="pool-fit-col">
        <h3 className="subheading">
          Workloads here <span className="count">{landing.length}</span>
        </h3>
        {landing.length === 0 ? (
          <p className="muted small">
            {runsWorkloads ? 'None land on this pool.' : 'Control-plane pools run no workloads.'}
          </p>
        ) : (
          <ul
            className="chips"
            aria-label={`Workloads on pool ${pool.name}`}
            data-testid={`pool-${index}-workloads`}
          >
            {landing.slice(0, SHOWN).map((w) => (
              <li key={w.index} className="chip chip-static">
                {w.name}
                {w.sandbox ? <span className="chip-note"> · {w.sandbox}</span> : null}
                {w.pinned ? <span className="chip-note"> · pinned</span> : null}
              </li>
            ))}
          </ul>
        )}
        {landing.length > SHOWN ? (
          <p className="muted small">…and {landing.length - SHOWN} more.</p>
        ) : null}
      </div>
    </div>
  )
}
