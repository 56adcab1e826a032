// The diagram's boxes: one subgraph per namespace or team (split where a sandbox or Windows nodes
// set a workload apart), with short labels.
//
// One level of subgraphs, not OS > runtime > namespace nesting: beautiful-mermaid, which renders the
// same source to the static SVG of design.html, routes edges between nested subgraphs badly (arrows end
// in empty space), while a single level lays out cleanly in it, in Mermaid and on GitHub.
import { getOs, getRuntime } from '../../catalog/index'
import type { OsId, RuntimeId } from '../../catalog/ids'
import type { Catalog } from '../../catalog/types'
import type { Design } from '../../model/schema'
import { mermaidLabel } from './escape'
import { kernelPhrase } from './placement'

/** One drawable item inside a subgraph: its boundaries and a full node statement. */
export interface GroupItem {
  readonly os: OsId
  readonly runtime: RuntimeId
  readonly group: string
  /** A complete node statement, e.g. `w0["web"]`. */
  readonly node: string
}

/** Subgraph lines (`s0`, `s1` ...) holding every item, in order of first appearance. */
export function subgraphLines(
  design: Design,
  catalog: Catalog,
  items: readonly GroupItem[],
): string[] {
  const boxes = new Map<string, { item: GroupItem; nodes: string[] }>()
  for (const item of items) {
    const key = `${item.os}\u0000${item.runtime}\u0000${item.group}`
    const box = boxes.get(key)
    if (box) box.nodes.push(item.node)
    else boxes.set(key, { item, nodes: [item.node] })
  }
  const lines: string[] = []
  let n = 0
  for (const { item, nodes } of boxes.values()) {
    lines.push(
      `  subgraph s${n++}["${mermaidLabel(item.group + boundarySuffix(design, catalog, item))}"]`,
    )
    for (const node of nodes) lines.push(`    ${node}`)
    lines.push('  end')
  }
  return lines
}

/** ` (sandbox)` or ` (Windows)` when a box runs off the design's main runtime or OS. */
function boundarySuffix(design: Design, catalog: Catalog, item: GroupItem): string {
  if (item.runtime !== design.choices.runtime && getRuntime(catalog, item.runtime).sandbox)
    return ' (sandbox)'
  if (item.os !== design.choices.os && getOs(catalog, item.os).family === 'windows')
    return ' (Windows)'
  return ''
}

/** The runtime a workload node names when it is not the design's main one (a sandbox or Windows runtime). */
export function runtimeNote(design: Design, catalog: Catalog, runtime: RuntimeId): string {
  if (runtime === design.choices.runtime) return ''
  return getRuntime(catalog, runtime).name
}

/** The nodes' OS and the runtime most workloads share, for the text around the diagram. */
export function stackCaption(design: Design, catalog: Catalog): string {
  const os = getOs(catalog, design.choices.os)
  const runtime = getRuntime(catalog, design.choices.runtime)
  return `${os.name} worker nodes with the ${runtime.name} runtime (${kernelPhrase(runtime.kernel)})`
}
