import { parseMermaid, renderMermaidSVG } from 'beautiful-mermaid'
import { describe, expect, it } from 'vitest'
import { catalog, getPlugin } from '../../../../../shared/catalog/index'
import { evaluate } from '../../../../../shared/engine/index'
import { postureOf } from '../../../../../shared/engine/posture/index'
import {
  architectureDiagram,
  DETAIL_LIMIT,
} from '../../../../../shared/generate/mermaid/architecture'
import { MAX_GROUPS } from '../../../../../shared/generate/mermaid/summary'
import { type Design, designSchema } from '../../../../../shared/model/schema'
import { resolveEndpointFlows, resolveFlows } from '../../../../../shared/util/declared-flows'
import { exampleFiles, loadExample, makeDesign } from '../../../../support/designs'

const diagramOf = (design: Design) =>
  architectureDiagram(design, evaluate(design, catalog), catalog)

/**
 * Every statement the generator may write: header, the Internet and endpoint nodes (outside every box),
 * pool/namespace boxes and the platform services box, workload or group nodes and plugin nodes inside
 * them, edges, the risk class.
 */
const STATEMENT = new RegExp(
  '^(' +
    [
      'flowchart LR',
      ' {2}inet\\(\\("Internet"\\)\\)',
      ' {2}e\\d+>"[^"]*"\\]',
      ' {2}subgraph (s\\d+|platform)\\["[^"]*"\\]',
      ' {2}end',
      ' {4}[wg]\\d+(\\["[^"]*"\\]|\\[\\("[^"]*"\\)\\]|\\{\\{"[^"]*"\\}\\}|\\(\\["[^"]*"\\]\\))',
      ' {4}p\\d+\\[\\["[^"]*"\\]\\]',
      ' {2}(inet|[wg]\\d+) (-->|-\\.->)(\\|"[^"]*"\\|)? ([wg]\\d+|inet|e\\d+)',
      ' {2}classDef risk stroke:#b91c1c,stroke-width:2px',
      ' {2}class [wg]\\d+(,[wg]\\d+)* risk',
    ].join('|') +
    ')$',
)

/** Every edge as `from->to:style`, nodes by name: workloads, `Internet`, `endpoint <name>`. */
function edgesByName(design: Design, source: string): string[] {
  const graph = parseMermaid(source)
  const nameOf = (id: string) => {
    if (id === 'inet') return 'Internet'
    const endpoint = /^e(\d+)$/.exec(id)?.[1]
    if (endpoint !== undefined) return `endpoint ${design.endpoints[Number(endpoint)]?.name ?? id}`
    return graph.nodes.get(id)?.label.split(' · ')[0] ?? id
  }
  return graph.edges.map((e) => `${nameOf(e.source)}->${nameOf(e.target)}:${e.style}`).sort()
}

/** The box (subgraph label) each node sits in; nodes outside every box are absent. */
function boxOf(source: string): Map<string, string> {
  const boxes = new Map<string, string>()
  for (const s of parseMermaid(source).subgraphs) for (const id of s.nodeIds) boxes.set(id, s.label)
  return boxes
}

/** A v2 design: the base design as migrated, with endpoints and more set directly in v2 terms. */
function v2(patch: Record<string, unknown>, base: Design = makeDesign()): Design {
  return designSchema.parse({ ...base, ...patch })
}

describe('architectureDiagram', () => {
  it.each(exampleFiles())(
    '%s: only known statements, one node per workload, every allowed flow and nothing else',
    (file) => {
      const design = loadExample(file)
      const source = diagramOf(design)
      for (const line of source.trimEnd().split('\n')) expect(line).toMatch(STATEMENT)
      const graph = parseMermaid(source)
      const flows = resolveFlows(design)
      const workloadNodes = [...graph.nodes.keys()].filter((id) => id.startsWith('w'))
      expect(workloadNodes).toHaveLength(flows.workloads.length)
      const expected = [
        ...flows.flows.map(
          (f) =>
            `${f.from}->${f.to}:${f.paths.some((p) => p.includes('.talksTo[')) ? 'solid' : 'dotted'}`,
        ),
        ...resolveEndpointFlows(design).map((f) => {
          const endpoint = design.endpoints[f.endpointIndex]
          const outside = endpoint?.kind === 'internet' ? 'Internet' : `endpoint ${f.endpoint}`
          return f.direction === 'in'
            ? `${outside}->${f.workload}:solid`
            : `${f.workload}->${outside}:solid`
        }),
      ].sort()
      expect(edgesByName(design, source)).toEqual(expected)
    },
  )

  it.each(exampleFiles())(
    '%s: the cluster boundary holds every workload and plugin, each box names the pool, OS and runtime its workloads really get',
    (file) => {
      const design = loadExample(file)
      const source = diagramOf(design)
      const graph = parseMermaid(source)
      const boxes = boxOf(source)
      const posture = postureOf(design, catalog)
      const { workloads } = resolveFlows(design)
      workloads.forEach((w, i) => {
        const placed = posture.placements[w.index]
        const pool = placed?.pool
        const box = boxes.get(`w${i}`)
        expect(box, w.workload.name).toBeDefined()
        if (pool === undefined) {
          expect(box).toContain('no pool can run it')
          return
        }
        const runtime = placed?.sandbox ? `sandbox ${placed.sandbox.name}` : pool.runtime.name
        expect(box).toContain(`pool ${pool.pool.name}: ${pool.os.name}, ${runtime}`)
      })
      // Plugins are platform services inside the cluster; the Internet and endpoints stand outside.
      const plugins = [...graph.nodes.keys()].filter((id) => id.startsWith('p'))
      expect(plugins.map((id) => graph.nodes.get(id)?.label)).toEqual(
        design.choices.plugins.map((id) => getPlugin(catalog, id).name),
      )
      for (const id of plugins) expect(boxes.get(id)).toBe('platform services')
      for (const id of graph.nodes.keys())
        if (id === 'inet' || id.startsWith('e')) expect(boxes.has(id), id).toBe(false)
    },
  )

  it('groups workloads per team namespace and pool, naming the OS and the runtime (sandbox) each box really gets', () => {
    const design = makeDesign({
      choices: {
        orchestrator: 'kubernetes',
        runtime: 'containerd',
        os: 'ubuntu',
        plugins: ['cilium'],
      },
      isolation: { namespaces: 'per-team', runtimeClassForUntrusted: 'gvisor' },
      workloads: [
        { name: 'web', image: 'a/web:1', team: 'shop', ports: [80] },
        { name: 'api', image: 'a/api:1', team: 'shop', ports: [90] },
        { name: 'runner', image: 'a/run:1', team: 'shop', trust: 'untrusted', ports: [70] },
        { name: 'legacy', image: 'a/leg:1', team: 'shop', os: 'windows', ports: [60] },
      ],
    })
    const graph = parseMermaid(diagramOf(design))
    const boxes = graph.subgraphs.map((s) => `${s.label}=${s.nodeIds.join(',')}`)
    expect(boxes).toEqual([
      'ns shop · pool workers: Ubuntu Server, containerd (runc)=w0,w1',
      'ns shop · pool sandboxed: Ubuntu Server, sandbox gVisor (runsc)=w2',
      'ns shop · pool windows: Windows Server, containerd (runc)=w3',
      'platform services=p0',
    ])
    expect(graph.nodes.get('p0')?.label).toBe('Cilium')
  })

  it('draws each endpoint outside the boxes with exactly the declared flows to it, and internet ingress only through an ingress endpoint', () => {
    const base = makeDesign()
    const endpoints = [
      { name: 'stripe', kind: 'external', hosts: ['api.stripe.com'] },
      { name: 'partner', kind: 'external', cidrs: ['198.51.100.0/24'], ports: [22] },
      { name: 'aws', kind: 'cloud-api' },
      { name: 'kube', kind: 'orchestrator-api' },
    ]
    const talking = (extra: string[]) =>
      base.workloads.map((w) =>
        w.name === 'api' ? { ...w, talksTo: [...w.talksTo, ...extra] } : w,
      )
    // No internet endpoint: the public web workload is not reachable, so no Internet arrow.
    const closed = v2({ endpoints, workloads: talking(['stripe', 'partner']) })
    const closedSource = diagramOf(closed)
    expect(edgesByName(closed, closedSource)).toEqual([
      'api->endpoint partner:solid',
      'api->endpoint stripe:solid',
      'web->api:solid',
    ])
    expect(closedSource).not.toContain('inet')
    expect(closedSource).toContain('e0>"stripe (external)"]')
    expect(closedSource).toContain('e2>"aws (cloud API)"]')
    expect(closedSource).toContain('e3>"kube (orchestrator API)"]')
    expect(closedSource).toMatch(/ {2}w1 -->\|"tcp\/22"\| e1\n/)
    for (const id of ['e0', 'e1', 'e2', 'e3']) expect(boxOf(closedSource).has(id)).toBe(false)
    // An internet endpoint with ingress brings traffic to the public workload on its ports.
    const open = v2({
      endpoints: [{ name: 'internet', kind: 'internet', ingress: 'load-balancer' }, ...endpoints],
      workloads: talking(['kube']),
    })
    expect(edgesByName(open, diagramOf(open))).toEqual([
      'Internet->web:solid',
      'api->endpoint kube:solid',
      'web->api:solid',
    ])
  })

  it('keeps hostile names as label text: no directive, interaction, HTML or extra statement', () => {
    const base = makeDesign()
    const hostile = [
      '%%{init: {"securityLevel":"loose"}}%%',
      'x"]\nclick w0 call alert()\nw9["y',
      '<img src=x onerror=alert(1)>',
      'a; click a href "javascript:alert(1)"',
    ]
    const design: Design = {
      ...base,
      metadata: { ...base.metadata, name: hostile[0] ?? '' },
      workloads: hostile.map((name, i) => ({
        ...base.workloads[0]!,
        name,
        team: hostile[(i + 1) % hostile.length]!,
        talksTo: [],
        exposure: 'internal',
      })),
    }
    const source = diagramOf(design)
    expect(source).not.toContain('%%')
    expect(source).not.toContain('<')
    expect(source).not.toMatch(/^\s*click\b/m)
    for (const line of source.trimEnd().split('\n')) expect(line).toMatch(STATEMENT)
    const graph = parseMermaid(source)
    expect([...graph.nodes.keys()].sort()).toEqual(['p0', 'w0', 'w1', 'w2', 'w3'])
  })

  it(`summarises more than ${DETAIL_LIMIT} workloads into at most about ${MAX_GROUPS} group nodes, keeping every cross-group flow`, () => {
    const teams = 8
    const workloads = Array.from({ length: 1000 }, (_, i) => ({
      name: `svc-${i}`,
      image: 'ghcr.io/acme/svc:1.0.0',
      team: `team-${i % teams}`,
      ports: [8000 + (i % 5)],
      talksTo: [`svc-${(i + 1) % 1000}`, `svc-${(i + 7) % 1000}`],
      exposure: i % 100 === 0 ? 'public' : 'internal',
    }))
    const design = makeDesign({ workloads })
    const source = diagramOf(design)
    const graph = parseMermaid(source)
    const groups = [...graph.nodes.keys()].filter((id) => id.startsWith('g'))
    expect(groups).toHaveLength(teams)
    // The groups, the Internet (the public workloads' ingress) and the one plugin (Cilium).
    expect(graph.nodes.size).toBe(teams + 1 + design.choices.plugins.length)
    const flows = resolveFlows(design).flows
    const crossTeam = new Set(
      flows
        .map((f) => `team-${Number(f.from.slice(4)) % teams}>team-${Number(f.to.slice(4)) % teams}`)
        .filter((k) => k.split('>')[0] !== k.split('>')[1]),
    )
    expect(graph.edges.filter((e) => e.source !== 'inet')).toHaveLength(crossTeam.size)
    const counted = graph.edges
      .filter((e) => e.source !== 'inet')
      .reduce((n, e) => n + Number(/^(\d+) flow/.exec(e.label ?? '')?.[1]), 0)
    const inside = [...graph.nodes.values()].reduce(
      (n, node) => n + Number(/(\d+) flows inside/.exec(node.label)?.[1] ?? 0),
      0,
    )
    expect(counted + inside).toBe(flows.length)
    expect(source.length).toBeLessThan(10_000)
    expect(renderMermaidSVG(source)).toContain('<svg')
  })

  it('summarised, still draws each endpoint outside the boxes with one aggregated arrow per group and endpoint', () => {
    const workloads = Array.from({ length: 100 }, (_, i) => ({
      name: `svc-${i}`,
      image: 'ghcr.io/acme/svc:1.0.0',
      team: `team-${i % 4}`,
      ports: [8000],
    }))
    const base = makeDesign({ workloads })
    const design = v2(
      {
        endpoints: [{ name: 'stripe', kind: 'external', hosts: ['api.stripe.com'] }],
        // Teams 0 and 1 call the endpoint (every other workload of theirs); teams 2 and 3 do not.
        workloads: base.workloads.map((w, i) =>
          i % 4 < 2 && i % 8 < 4 ? { ...w, talksTo: ['stripe'] } : w,
        ),
      },
      base,
    )
    const source = diagramOf(design)
    for (const line of source.trimEnd().split('\n')) expect(line).toMatch(STATEMENT)
    const graph = parseMermaid(source)
    expect(boxOf(source).has('e0')).toBe(false)
    const toEndpoint = graph.edges.filter((e) => e.target === 'e0')
    expect(toEndpoint.map((e) => graph.nodes.get(e.source)?.label.split(' · ')[0])).toEqual([
      'ns team-0',
      'ns team-1',
    ])
    const total = resolveEndpointFlows(design).filter((f) => f.direction === 'out').length
    const counted = toEndpoint.reduce(
      (n, e) => n + Number(/^(\d+) flows?/.exec(e.label ?? '')?.[1]),
      0,
    )
    expect(counted).toBe(total)
    expect(source).not.toContain('inet')
  })

  it('folds the smallest groups when there are more than MAX_GROUPS', () => {
    const workloads = Array.from({ length: 200 }, (_, i) => ({
      name: `w-${i}`,
      image: 'a/b:1',
      team: `t-${i}`,
    }))
    const graph = parseMermaid(
      diagramOf(makeDesign({ isolation: { namespaces: 'per-workload' }, workloads })),
    )
    const groups = [...graph.nodes.keys()].filter((id) => id.startsWith('g'))
    expect(groups.length).toBeLessThanOrEqual(MAX_GROUPS)
    const total = [...graph.nodes.values()].reduce(
      (n, node) => n + Number(/(\d+) workloads?/.exec(node.label)?.[1] ?? 0),
      0,
    )
    expect(total).toBe(200)
  })

  it('is deterministic', () => {
    const design = loadExample('payments-eks.stackwright.yaml')
    expect(diagramOf(design)).toBe(diagramOf(design))
  })
})
