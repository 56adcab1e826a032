// The allowed flows as a list (what the generators will allow): between workloads, out to
// endpoints and in from the internet; and the declarations that cannot become flows, with the reason.
import { useMemo } from 'react'
import type { Design } from '../../../shared/model/schema'
import { resolveFlows } from '../../../shared/util/declared-flows'
import { useApp } from '../../app/app-store'
import { KIND_LABEL } from './endpoints-editor'

const SHOWN = 200

interface EdgeFlow {
  readonly from: string
  readonly to: string
  readonly ports: readonly number[]
  readonly note: string
}

/** Flows that cross the platform's edge: talksTo an endpoint, and internet ingress to public workloads. */
function edgeFlows(design: Design): EdgeFlow[] {
  const endpoints = new Map(design.endpoints.map((e) => [e.name, e]))
  const flows: EdgeFlow[] = []
  for (const w of design.workloads)
    for (const to of w.talksTo) {
      const e = endpoints.get(to)
      if (e)
        flows.push({ from: w.name, to, ports: e.ports, note: KIND_LABEL[e.kind].toLowerCase() })
    }
  for (const e of design.endpoints)
    if (e.kind === 'internet' && e.ingress !== 'none')
      for (const w of design.workloads)
        if (w.exposure === 'public' && w.ports.length > 0)
          flows.push({
            from: e.name,
            to: w.name,
            ports: w.ports,
            note: `through the ${e.ingress.replace('-', ' ')}`,
          })
  return flows
}

/** Every declared flow, resolved the way the generators resolve them. */
export function FlowList() {
  const design = useApp((s) => s.design)
  const resolved = useMemo(() => resolveFlows(design), [design])
  const edges = useMemo(() => edgeFlows(design), [design])
  // Flows to endpoints are not flows between workloads: listed below, not as skipped.
  const graph = useMemo(() => {
    const names = new Set(design.endpoints.map((e) => e.name))
    if (names.size === 0) return resolved
    const target = (path: string) => {
      const m = /^workloads\[(\d+)\]\.talksTo\[(\d+)\]$/.exec(path)
      return m ? design.workloads[Number(m[1])]?.talksTo[Number(m[2])] : undefined
    }
    return {
      ...resolved,
      skipped: resolved.skipped.filter((s) => !names.has(target(s.path) ?? '')),
    }
  }, [resolved, design])
  const observes = (from: string, to: string) =>
    design.workloads.find((w) => w.name === from)?.observes.includes(to) ?? false
  return (
    <section className="card" aria-labelledby="flows-heading" data-testid="flow-list">
      <h2 id="flows-heading">
        Allowed flows <span className="count">{graph.flows.length}</span>
      </h2>
      {graph.flows.length === 0 ? (
        <p className="muted">
          {edges.length === 0
            ? 'No flows yet. Under default-deny nothing can talk: add “Talks to” on a workload.'
            : 'No flows between workloads yet.'}
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
      {edges.length > 0 ? (
        <>
          <h3 className="subheading">Across the edge</h3>
          <ul className="flows" data-testid="edge-flows">
            {edges.slice(0, SHOWN).map((f) => (
              <li key={`${f.from}>${f.to}`}>
                <span className="mono">{f.from}</span>
                <span className="flow-arrow" aria-hidden="true">
                  →
                </span>
                <span className="sr-only"> to </span>
                <span className="mono">{f.to}</span>
                <span className="muted">
                  {' '}
                  on {f.ports.join(', ')} ({f.note})
                </span>
              </li>
            ))}
          </ul>
        </>
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
