import { parseMermaid, renderMermaidSVG } from 'beautiful-mermaid'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { evaluate } from '../../../../../shared/engine/index'
import {
  architectureDiagram,
  DETAIL_LIMIT,
} from '../../../../../shared/generate/mermaid/architecture'
import { MAX_GROUPS } from '../../../../../shared/generate/mermaid/summary'
import type { Design } from '../../../../../shared/model/schema'
import { resolveFlows } from '../../../../../shared/util/declared-flows'
import { exampleFiles, loadExample, makeDesign } from '../../../../support/designs'

const diagramOf = (design: Design) =>
  architectureDiagram(design, evaluate(design, catalog), catalog)

/** Every statement the generator may write: header, nodes, subgraphs, edges, the risk class. */
const STATEMENT = new RegExp(
  '^(' +
    [
      'flowchart LR',
      ' {2}inet\\(\\("Internet"\\)\\)',
      ' {2}subgraph s\\d+\\["[^"]*"\\]',
      ' {2}end',
      ' {4}[wg]\\d+(\\["[^"]*"\\]|\\[\\("[^"]*"\\)\\]|\\{\\{"[^"]*"\\}\\}|\\(\\["[^"]*"\\]\\))',
      ' {2}(inet|[wg]\\d+) (-->|-\\.->)(\\|"[^"]*"\\|)? [wg]\\d+',
      ' {2}classDef risk stroke:#b91c1c,stroke-width:2px',
      ' {2}class [wg]\\d+(,[wg]\\d+)* risk',
    ].join('|') +
    ')$',
)

function edgesByName(source: string): string[] {
  const graph = parseMermaid(source)
  const nameOf = (id: string) =>
    id === 'inet' ? 'Internet' : (graph.nodes.get(id)?.label.split(' · ')[0] ?? id)
  return graph.edges.map((e) => `${nameOf(e.source)}->${nameOf(e.target)}:${e.style}`).sort()
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
        ...flows.workloads
          .filter((w) => w.workload.exposure === 'public')
          .map((w) => `Internet->${w.workload.name}:solid`),
      ].sort()
      expect(edgesByName(source)).toEqual(expected)
    },
  )

  it('groups workloads per team namespace, and splits sandboxed and Windows workloads into their own box', () => {
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
    expect(boxes).toEqual(['ns shop=w0,w1', 'ns shop (sandbox)=w2', 'ns shop (Windows)=w3'])
    expect(graph.nodes.get('w2')?.label).toContain('gVisor')
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
    expect([...graph.nodes.keys()].sort()).toEqual(['w0', 'w1', 'w2', 'w3'])
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
    expect(graph.nodes.size).toBe(teams + 1)
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

  it('folds the smallest groups when there are more than MAX_GROUPS', () => {
    const workloads = Array.from({ length: 200 }, (_, i) => ({
      name: `w-${i}`,
      image: 'a/b:1',
      team: `t-${i}`,
    }))
    const graph = parseMermaid(
      diagramOf(makeDesign({ isolation: { namespaces: 'per-workload' }, workloads })),
    )
    expect(graph.nodes.size).toBeLessThanOrEqual(MAX_GROUPS)
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
