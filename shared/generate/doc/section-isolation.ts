// Section 5: the isolation model: a privileges table per workload and the allowed flows between them.
import { getOrchestrator, getRuntime } from '../../catalog/index'
import type { Design, Workload } from '../../model/schema'
import { resolveFlows } from '../../util/declared-flows'
import type { DeclaredFlow } from '../../util/declared-flows'
import { isTalksTo, portsText } from '../mermaid/edges'
import { placementOf } from '../mermaid/placement'
import type { DocInput } from './input'
import type { Block, Section, Text } from './model'

/** Up to this many workloads the flows are a workload x workload matrix; beyond, a list. */
export const MATRIX_LIMIT = 20

/** The isolation model section. */
export function isolationSection(input: DocInput): Section {
  const { design, catalog } = input
  const kubernetes = getOrchestrator(catalog, design.choices.orchestrator).family === 'kubernetes'
  const graph = resolveFlows(design)
  const rows = graph.workloads.map(({ workload: w }): Text[] => {
    const p = placementOf(design, catalog, w)
    const linux = w.os === 'linux'
    return [
      [{ code: w.name }],
      p.group,
      linux ? 'non-root (uid 10001)' : 'ContainerUser (non-admin)',
      linux ? 'yes' : 'n/a (Windows)',
      w.needs.capabilities.length === 0
        ? 'all dropped'
        : `all dropped, adds ${w.needs.capabilities.join(', ')}`,
      w.needs.hostAccess ? `YES: ${w.needs.justification ?? 'no justification given'}` : 'no',
      w.needs.writablePaths.length === 0 ? 'none' : w.needs.writablePaths.join(', '),
      runtimeText(input, w),
      kubernetes ? (w.needs.apiAccess ? 'mounted (API access)' : 'not mounted') : 'n/a',
    ]
  })
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Least privilege per container: each workload gets its own security context (pod security ${design.isolation.podSecurity}, seccomp RuntimeDefault where the platform supports it, no privilege escalation). Writable paths become dedicated mounts so the root filesystem stays read-only.`,
    },
    {
      kind: 'table',
      header: [
        'Workload',
        'Namespace or group',
        'User',
        'Read-only root',
        'Capabilities',
        'Host access',
        'Writable paths',
        'Runtime',
        'API token',
      ],
      rows,
    },
    { kind: 'heading', text: 'Allowed network flows' },
    ...flowBlocks(
      design,
      graph.workloads.map((w) => w.workload),
      graph.flows,
    ),
  ]
  return { id: 'isolation-model', title: 'Isolation model', blocks }
}

function runtimeText({ design, catalog }: DocInput, w: Workload): string {
  const id = placementOf(design, catalog, w).runtime
  const r = getRuntime(catalog, id)
  return id === design.choices.runtime ? r.name : `${r.name} (sandbox)`
}

function flowText(flow: DeclaredFlow): string {
  return isTalksTo(flow) ? portsText(flow.ports) : `observes ${portsText(flow.ports)}`
}

function flowBlocks(
  design: Design,
  workloads: readonly Workload[],
  flows: readonly DeclaredFlow[],
): Block[] {
  const posture =
    design.isolation.network === 'default-deny'
      ? 'Default-deny: only these flows (and DNS) are allowed.'
      : 'Allow-all: these are the declared flows, but every other flow is allowed too.'
  const publicOnes = workloads.filter((w) => w.exposure === 'public')
  const ingress: Text =
    publicOnes.length === 0
      ? 'No workload is exposed to the Internet.'
      : `Public (from the Internet): ${publicOnes.map((w) => `${w.name} ${portsText(w.ports)}`).join(', ')}.`
  if (flows.length === 0)
    return [
      { kind: 'paragraph', text: `${posture} No flow between workloads is declared.` },
      { kind: 'paragraph', text: ingress },
    ]
  if (workloads.length > MATRIX_LIMIT) {
    return [
      {
        kind: 'paragraph',
        text: `${posture} ${flows.length} flows between ${workloads.length} workloads (listed, a matrix would not fit):`,
      },
      {
        kind: 'table',
        header: ['From', 'To', 'Allowed'],
        rows: flows.map((f) => [[{ code: f.from }], [{ code: f.to }], flowText(f)]),
      },
      { kind: 'paragraph', text: ingress },
    ]
  }
  const byPair = new Map(flows.map((f) => [`${f.from}\u0000${f.to}`, f]))
  return [
    { kind: 'paragraph', text: `${posture} Rows are sources, columns destinations.` },
    {
      kind: 'table',
      header: ['From \\ To', ...workloads.map((w) => w.name)],
      rows: workloads.map((from): Text[] => [
        [{ code: from.name }],
        ...workloads.map((to): Text => {
          if (from.name === to.name) return '-'
          const f = byPair.get(`${from.name}\u0000${to.name}`)
          return f === undefined ? '' : flowText(f)
        }),
      ]),
    },
    { kind: 'paragraph', text: ingress },
  ]
}
