// Section 3: the architecture diagram, with what it shows and what it leaves out.
import { resolveFlows } from '../../util/declared-flows'
import { DETAIL_LIMIT } from '../mermaid/architecture'
import { stackCaption } from '../mermaid/groups'
import type { DocInput } from './input'
import type { Block, Section } from './model'

/** The architecture section: the Mermaid diagram (a fence in Markdown, inline SVG in HTML). */
export function architectureSection({ design, catalog, diagram }: DocInput): Section {
  const graph = resolveFlows(design)
  const summarised = graph.workloads.length > DETAIL_LIMIT
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: summarised
        ? `${graph.workloads.length} workloads are summarised per group (more than ${DETAIL_LIMIT}): each box is a namespace or team group on one node pool (${stackCaption(design, catalog)}), each group node counts its workloads, and each arrow aggregates the flows between two groups or to an endpoint; plugins run as platform services inside the cluster, and external endpoints stand outside it.`
        : `Node pools: ${stackCaption(design, catalog)}. Each box is a namespace or team group on one node pool, labelled with the pool's OS and the runtime its workloads really get (a sandbox where one applies; "ns x" is the namespace ${design.metadata.name}-x, or ${design.metadata.name} when shared); everything inside the boxes is the cluster, plugins run as platform services, and external endpoints stand outside. Solid arrows are declared talksTo flows with destination ports, dotted arrows are observes (monitoring) flows, and arrows to or from the Internet and the endpoints are the declared traffic in and out (internet ingress only through an internet endpoint that brings it in). A red outline marks a workload with an open high or medium finding or a violation.`,
    },
    { kind: 'diagram', mermaid: diagram },
    {
      kind: 'paragraph',
      text:
        design.isolation.network === 'default-deny'
          ? 'Network posture default-deny: the arrows are the only flows the generated policies allow (plus DNS).'
          : 'Network posture allow-all: every workload can reach every other one; the arrows only show the declared flows.',
    },
  ]
  if (graph.skipped.length > 0) {
    blocks.push(
      { kind: 'paragraph', text: 'Declared but not drawn (no flow can be generated for them):' },
      { kind: 'list', items: graph.skipped.map((s) => [{ code: s.path }, `: ${s.detail}`]) },
    )
  }
  return { id: 'architecture', title: 'Architecture', blocks }
}
