// The allowed flows as a list (what the generators will allow), and the declarations that cannot
// become flows with the reason.
import { useMemo } from 'react'
import { resolveFlows } from '../../../shared/util/declared-flows'
import { useApp } from '../../app/app-store'

const SHOWN = 200

/** Every declared flow, resolved the way the generators resolve them. */
export function FlowList() {
  const design = useApp((s) => s.design)
  const graph = useMemo(() => resolveFlows(design), [design])
  const observes = (from: string, to: string) =>
    design.workloads.find((w) => w.name === from)?.observes.includes(to) ?? false
  return (
    <section className="card" aria-labelledby="flows-heading" data-testid="flow-list">
      <h2 id="flows-heading">
        Allowed flows <span className="count">{graph.flows.length}</span>
      </h2>
      {graph.flows.length === 0 ? (
        <p className="muted">
          No flows yet. Under default-deny nothing can talk: add “Talks to” on a workload.
        </p>
      ) : (
        <ul className="flows">
          {graph.flows.slice(0, SHOWN).map((f) => (
            <li key={`${f.from}>${f.to}`}>
              <span className="mono">{f.from}</span>
              <span className="flow-arrow" aria-hidden="true">
                {observes(f.from, f.to) ? '⇢' : '→'}
              </span>
              <span className="sr-only">
                {observes(f.from, f.to) ? ' observes ' : ' talks to '}
              </span>
              <span className="mono">{f.to}</span>
              <span className="muted"> on {f.ports.join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      {graph.flows.length > SHOWN ? (
        <p className="muted">…and {graph.flows.length - SHOWN} more.</p>
      ) : null}
      {graph.skipped.length > 0 ? (
        <>
          <h3 className="subheading">Not turned into flows</h3>
          <ul className="flows skipped">
            {graph.skipped.slice(0, SHOWN).map((s) => (
              <li key={s.path}>
                <code>{s.path}</code>: {s.detail}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
