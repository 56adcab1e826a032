// The diagram's boxes: one subgraph per node pool and namespace or team, labelled with the pool's
// OS and runtime, plus one for the platform services (plugins) and nodes for external endpoints.
//
// One level of subgraphs, not cluster > pool > namespace nesting: beautiful-mermaid, which renders the
// same source to the static SVG of design.html, routes edges between nested subgraphs badly (arrows end
// in empty space; re-checked 2026-12 with beautiful-mermaid 1.1.3, also with `direction LR` inside the
// cluster box, which loses the Internet arrow), while a single level lays out cleanly in it, in Mermaid
// and on GitHub. The cluster
// boundary is the set of boxes; everything outside a box (Internet, external endpoints) is outside it.
import { getOs, getPlugin, getRuntime } from '../../catalog/index'
import type { Catalog } from '../../catalog/types'
import type { Design } from '../../model/schema'
import { INTERNET_ID } from './edges'
import { mermaidLabel } from './escape'
import { kernelPhrase } from './placement'
import type { Placement } from './placement'

/** One drawable item inside a subgraph: its boundaries and a full node statement. */
export interface GroupItem extends Placement {
  /** A complete node statement, e.g. `w0["web"]`. */
  readonly node: string
}

/** Subgraph lines (`s0`, `s1` ...) holding every item, in order of first appearance. */
export function subgraphLines(catalog: Catalog, items: readonly GroupItem[]): string[] {
  const boxes = new Map<string, { item: GroupItem; nodes: string[] }>()
  for (const item of items) {
    const key = `${item.pool}\u0000${item.runtime ?? ''}\u0000${item.group}`
    const box = boxes.get(key)
    if (box) box.nodes.push(item.node)
    else boxes.set(key, { item, nodes: [item.node] })
  }
  const lines: string[] = []
  let n = 0
  for (const { item, nodes } of boxes.values()) {
    lines.push(
      `  subgraph s${n++}["${mermaidLabel(`${item.group} · ${poolLabel(catalog, item)}`)}"]`,
    )
    for (const node of nodes) lines.push(`    ${node}`)
    lines.push('  end')
  }
  return lines
}

/** `pool workers: Bottlerocket, gVisor`: the pool, its OS and the runtime the box's workloads get. */
function poolLabel(catalog: Catalog, item: Placement): string {
  if (item.os === undefined || item.runtime === undefined) return 'no pool can run it'
  const os = getOs(catalog, item.os).name
  const runtime = getRuntime(catalog, item.runtime).name
  return `pool ${item.pool}: ${os}, ${item.sandboxed ? `sandbox ${runtime}` : runtime}`
}

/** The platform services box: every chosen plugin as a node (`p0` ...). */
export function pluginLines(design: Design, catalog: Catalog): string[] {
  if (design.choices.plugins.length === 0) return []
  return [
    '  subgraph platform["platform services"]',
    ...design.choices.plugins.map(
      (id, i) => `    p${i}[["${mermaidLabel(getPlugin(catalog, id).name)}"]]`,
    ),
    '  end',
  ]
}

/** True when the design's endpoint at `index` is the internet (drawn as the one Internet node). */
export function isInternet(design: Design, index: number): boolean {
  return design.endpoints[index]?.kind === 'internet'
}

/** The node an endpoint is drawn as: the Internet node, or `e<index>`. */
export function endpointNodeId(design: Design, index: number): string {
  return isInternet(design, index) ? INTERNET_ID : `e${index}`
}

/** One node per external endpoint (`e0` ...), outside every box; the Internet keeps its own node. */
export function endpointLines(design: Design): string[] {
  return design.endpoints.flatMap((e, i) =>
    e.kind === 'internet'
      ? []
      : [`  e${i}>"${mermaidLabel(`${e.name} (${endpointKind(e.kind)})`)}"]`],
  )
}

function endpointKind(kind: Design['endpoints'][number]['kind']): string {
  return kind === 'cloud-api'
    ? 'cloud API'
    : kind === 'orchestrator-api'
      ? 'orchestrator API'
      : 'external'
}

/** The pools in a sentence, for the text around the diagram. */
export function stackCaption(design: Design, catalog: Catalog): string {
  if (design.nodePools.length === 0) return 'no node pools yet'
  return design.nodePools
    .map((p) => {
      const runtime = getRuntime(catalog, p.runtime)
      const sandboxes = p.sandboxes.map((id) => getRuntime(catalog, id).name)
      return `pool ${p.name} (${p.role}: ${p.size} × ${getOs(catalog, p.os).name}, ${runtime.name}, ${kernelPhrase(runtime.kernel)}${sandboxes.length > 0 ? `; sandboxes ${sandboxes.join(', ')}` : ''})`
    })
    .join('; ')
}
