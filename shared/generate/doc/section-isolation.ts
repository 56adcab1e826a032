// Section 5: the isolation model: a privileges table per workload and the allowed flows between them.
import { getOrchestrator, getOs, getRuntime } from '../../catalog/index'
import { postureOf } from '../../engine/posture/index'
import type { Posture } from '../../engine/posture/index'
import type { Design, Workload } from '../../model/schema'
import { resolveEndpointFlows, resolveFlows } from '../../util/declared-flows'
import type { DeclaredFlow } from '../../util/declared-flows'
import { isTalksTo, portsText } from '../mermaid/edges'
import { placementsOf } from '../mermaid/placement'
import type { DocInput } from './input'
import type { Block, Section, Text } from './model'

/** Up to this many workloads the flows are a workload x workload matrix; beyond, a list. */
export const MATRIX_LIMIT = 20

/** The isolation model section. */
export function isolationSection(input: DocInput): Section {
  const { design, catalog } = input
  const kubernetes = getOrchestrator(catalog, design.choices.orchestrator).family === 'kubernetes'
  const graph = resolveFlows(design)
  const posture = postureOf(design, catalog)
  const placements = placementsOf(design, catalog)
  const rows = graph.workloads.map(({ workload: w, index }): Text[] => {
    const p = placements[index]
    const security = posture.podSecurity[index]
    const linux = w.os === 'linux'
    const host = security?.hostNeeds.filter((n) => !n.what.startsWith('capability')) ?? []
    return [
      [{ code: w.name }],
      `${p?.group ?? ''} (${security?.exception ? `exception namespace, ${security.level}` : (security?.level ?? '')})`,
      p?.pool ?? 'unplaced',
      linux ? 'non-root (uid 10001)' : 'ContainerUser (non-admin)',
      linux ? 'yes' : 'n/a (Windows)',
      w.needs.capabilities.length === 0
        ? 'all dropped'
        : `all dropped, adds ${w.needs.capabilities.join(', ')}`,
      host.length > 0
        ? `YES (${host.map((n) => n.what).join(', ')}): ${w.needs.justification ?? 'no justification given'}`
        : 'no',
      w.needs.writablePaths.length === 0 ? 'none' : w.needs.writablePaths.join(', '),
      runtimeText(input, posture, index),
      identityText(w, kubernetes),
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
        'Namespace or group (pod security)',
        'Node pool',
        'User',
        'Read-only root',
        'Capabilities',
        'Host access',
        'Writable paths',
        'Runtime',
        'Identity',
      ],
      rows,
    },
    { kind: 'heading', text: 'Node pools' },
    poolTable(input, posture),
    { kind: 'heading', text: 'Allowed network flows' },
    ...flowBlocks(
      design,
      graph.workloads.map((w) => w.workload),
      graph.flows,
    ),
    { kind: 'heading', text: 'Traffic in and out' },
    ...endpointBlocks(design),
  ]
  return { id: 'isolation-model', title: 'Isolation model', blocks }
}

function runtimeText({ catalog }: DocInput, posture: Posture, index: number): string {
  const placed = posture.placements[index]
  if (placed?.sandbox) return `${placed.sandbox.name} (sandbox)`
  if (placed?.pool) return getRuntime(catalog, placed.pool.runtime.id).name
  return 'none: no pool can run it'
}

function identityText(w: Workload, kubernetes: boolean): string {
  const api = w.identity.orchestratorApi
  const parts = [
    w.identity.cloudRole === undefined ? '' : `cloud role ${w.identity.cloudRole}`,
    api.length === 0
      ? kubernetes
        ? 'no API token'
        : ''
      : `API ${api.map((r) => `${r.verbs.join('/')} ${r.resources.join(',')}${r.scope === 'cluster' ? ' (cluster)' : ''}`).join('; ')}`,
  ].filter((p) => p !== '')
  return parts.length === 0 ? 'none' : parts.join('; ')
}

function poolTable({ catalog }: DocInput, posture: Posture): Block {
  return {
    kind: 'table',
    header: ['Pool', 'Role', 'Nodes', 'OS', 'Runtime', 'Sandboxes', 'Workloads'],
    rows: posture.pools.map((p): Text[] => {
      const count = posture.placements.filter((x) => x.pool?.index === p.index).length
      const sandboxes = [
        ...p.sandboxes.map((s) => s.name),
        ...p.refusedSandboxes.map((r) => `${r.runtime.name} (cannot run: ${r.reason})`),
      ]
      return [
        [{ code: p.pool.name }],
        p.pool.role,
        String(p.pool.size),
        getOs(catalog, p.os.id).name,
        p.runtime.name,
        sandboxes.length === 0 ? 'none' : sandboxes.join(', '),
        String(count),
      ]
    }),
  }
}

function endpointBlocks(design: Design): Block[] {
  const crossing = resolveEndpointFlows(design)
  if (crossing.length === 0)
    return [
      {
        kind: 'paragraph',
        text: 'No traffic crosses the platform boundary: nothing is opened to or from outside.',
      },
    ]
  return [
    {
      kind: 'paragraph',
      text: 'Only these flows cross the platform boundary; the generated files open exactly these.',
    },
    {
      kind: 'table',
      header: ['Workload', 'Direction', 'Endpoint', 'Ports'],
      rows: crossing.map((f): Text[] => {
        const e = design.endpoints[f.endpointIndex]
        const where = e === undefined ? '' : [...e.hosts, ...e.cidrs].join(', ')
        return [
          [{ code: f.workload }],
          f.direction === 'in' ? `in (through ${e?.ingress ?? 'ingress'})` : 'out',
          `${f.endpoint} (${e?.kind ?? ''}${where ? `: ${where}` : ''})`,
          portsText(f.ports),
        ]
      }),
    },
  ]
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
  // As the diagram and the manifests: internet traffic reaches a public workload only through an
  // internet endpoint that brings it in.
  const reached = resolveEndpointFlows(design).filter((f) => f.direction === 'in')
  const reachedNames = new Set(reached.map((f) => f.workload))
  const unreached = workloads.filter((w) => w.exposure === 'public' && !reachedNames.has(w.name))
  const ingress: Text = [
    reached.length === 0
      ? 'No workload is reachable from the Internet.'
      : `Public (from the Internet): ${reached.map((f) => `${f.workload} ${portsText(f.ports)}`).join(', ')}.`,
    unreached.length === 0
      ? ''
      : ` Marked public but not reachable (no internet endpoint with ingress${unreached.some((w) => w.ports.length === 0) ? ', or no ports' : ''}): ${unreached.map((w) => w.name).join(', ')}.`,
  ].join('')
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
