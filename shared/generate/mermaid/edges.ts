// Edge text and styles shared by the detailed and the summarised architecture diagram.
import type { Evaluation } from '../../engine/types'
import type { DeclaredFlow } from '../../util/declared-flows'
import { mermaidLabel } from './escape'

/** At most this many ports are listed on one edge; the rest become `+N`. */
const MAX_PORTS = 4

/** `tcp/80,443 +2`: the destination ports of a flow, short enough for an edge label. */
export function portsText(ports: readonly number[]): string {
  if (ports.length === 0) return ''
  const shown = ports.slice(0, MAX_PORTS).join(',')
  const rest = ports.length - MAX_PORTS
  return `tcp/${shown}${rest > 0 ? ` +${rest}` : ''}`
}

/** True when a flow was declared by `talksTo` (a solid arrow); `observes`-only flows are dotted. */
export function isTalksTo(flow: DeclaredFlow): boolean {
  return flow.paths.some((p) => p.includes('.talksTo['))
}

/** A Mermaid edge statement between generated ids: solid (`-->`) or dotted (`-.->`), with a quoted label. */
export function edgeLine(from: string, to: string, solid: boolean, label: string): string {
  const arrow = solid ? '-->' : '-.->'
  return label === ''
    ? `  ${from} ${arrow} ${to}`
    : `  ${from} ${arrow}|"${mermaidLabel(label)}"| ${to}`
}

const WORKLOAD_PATH = /^workloads\[(\d+)\]/

/** Indexes of workloads named by an open high or medium finding, or by a violation. */
export function riskyWorkloads(evaluation: Evaluation): ReadonlySet<number> {
  const paths = [
    ...evaluation.violations.flatMap((v) => v.paths),
    ...evaluation.findings
      .filter((f) => f.severity !== 'low' && f.treatment === 'open')
      .flatMap((f) => f.paths),
  ]
  const indexes = new Set<number>()
  for (const path of paths) {
    const m = WORKLOAD_PATH.exec(path)
    if (m?.[1] !== undefined) indexes.add(Number(m[1]))
  }
  return indexes
}

/** The class definition used to outline risky workloads (same look in Mermaid and the static SVG). */
export const RISK_CLASS = 'risk'
export const RISK_CLASS_DEF = `  classDef ${RISK_CLASS} stroke:#b91c1c,stroke-width:2px`

/** Id of the single node that stands for traffic from outside the platform. */
export const INTERNET_ID = 'inet'
export const INTERNET_NODE = `  ${INTERNET_ID}(("Internet"))`
