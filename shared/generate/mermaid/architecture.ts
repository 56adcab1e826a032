// The architecture diagram as Mermaid flowchart source: the single source for the document and the app.
//
// One box per namespace or team group on one node pool, labelled with the pool's OS and the runtime
// (or sandbox) its workloads really get, plus a platform-services box for the plugins: together the
// boxes are the cluster (see groups.ts for why they are not nested in a cluster box). The Internet and
// external endpoints stand outside. Workloads are nodes; every allowed flow is an edge (talksTo solid
// with ports, observes dotted, traffic in and out through endpoints) and nothing else is drawn. Past DETAIL_LIMIT workloads the diagram is summarised per group (see summary.ts), so
// a thousand workloads stay readable. Ids are generated; all text goes through `mermaidLabel`.
import type { Catalog } from '../../catalog/types'
import type { Evaluation } from '../../engine/types'
import type { Design, Workload } from '../../model/schema'
import { hostNeedsOf } from '../../engine/posture/index'
import { resolveEndpointFlows, resolveFlows } from '../../util/declared-flows'
import type { IndexedWorkload } from '../../util/declared-flows'
import {
  edgeLine,
  INTERNET_ID,
  INTERNET_NODE,
  isTalksTo,
  portsText,
  RISK_CLASS,
  RISK_CLASS_DEF,
  riskyWorkloads,
} from './edges'
import { mermaidLabel } from './escape'
import { placementsOf } from './placement'
import { summaryDiagram } from './summary'
import { endpointLines, endpointNodeId, isInternet, pluginLines, subgraphLines } from './groups'

/** Above this many workloads the diagram shows groups with counts instead of single workloads. */
export const DETAIL_LIMIT = 60

/** Mermaid flowchart source of the design's architecture (deterministic, safe for any user text). */
export function architectureDiagram(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
): string {
  const graph = resolveFlows(design)
  if (graph.workloads.length > DETAIL_LIMIT)
    return summaryDiagram(design, evaluation, catalog, graph)
  return detailedDiagram(design, evaluation, catalog, graph.workloads, graph.flows)
}

function detailedDiagram(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
  workloads: readonly IndexedWorkload[],
  flows: ReturnType<typeof resolveFlows>['flows'],
): string {
  const idOf = new Map(workloads.map((w, i) => [w.workload.name, `w${i}`]))
  const placements = placementsOf(design, catalog)
  const items = workloads.flatMap((w, i) => {
    const placement = placements[w.index]
    return placement ? [{ ...placement, node: workloadNode(`w${i}`, w.workload) }] : []
  })
  const lines = ['flowchart LR']
  const crossing = resolveEndpointFlows(design)
  if (crossing.some((f) => isInternet(design, f.endpointIndex))) lines.push(INTERNET_NODE)
  lines.push(...endpointLines(design))
  lines.push(...subgraphLines(catalog, items))
  lines.push(...pluginLines(design, catalog))
  // Internet traffic reaches a public workload only through an internet endpoint with ingress, as
  // the manifests allow it; a public workload without one gets no arrow (the engine flags it).
  for (const f of crossing) {
    if (f.direction !== 'in') continue
    lines.push(edgeLine(INTERNET_ID, idOf.get(f.workload) ?? '', true, portsText(f.ports)))
  }
  for (const flow of flows) {
    const solid = isTalksTo(flow)
    const ports = portsText(flow.ports)
    lines.push(
      edgeLine(
        idOf.get(flow.from) ?? '',
        idOf.get(flow.to) ?? '',
        solid,
        solid ? ports : `observes ${ports}`,
      ),
    )
  }
  for (const f of crossing) {
    if (f.direction !== 'out') continue
    const target = endpointNodeId(design, f.endpointIndex)
    lines.push(edgeLine(idOf.get(f.workload) ?? '', target, true, portsText(f.ports)))
  }
  const risky = riskyWorkloads(evaluation)
  const marked = workloads.flatMap((w, i) => (risky.has(w.index) ? [`w${i}`] : []))
  if (marked.length > 0) lines.push(RISK_CLASS_DEF, `  class ${marked.join(',')} ${RISK_CLASS}`)
  return lines.join('\n') + '\n'
}

/** A workload node: shape by role (cylinder for stateful, hexagon for monitoring) and a short label. */
function workloadNode(id: string, w: Workload): string {
  const details = [
    w.replicas > 1 ? `${w.replicas} replicas` : '',
    w.trust === 'untrusted' ? 'untrusted' : '',
    hostNeedsOf(w).length > 0 ? 'host access' : '',
  ].filter((d) => d !== '')
  const label = `"${mermaidLabel([w.name, ...details].join(' · '))}"`
  if (w.stateful) return `${id}[(${label})]`
  if (w.role === 'monitoring') return `${id}{{${label}}}`
  if (w.role === 'sidecar') return `${id}([${label}])`
  return `${id}[${label}]`
}
