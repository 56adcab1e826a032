import { describe, expect, it } from 'vitest'
import { catalog, getOrchestrator } from '../../../../shared/catalog/index'
import { assertSafePath, generateAll, TARGETS } from '../../../../shared/generate/index'
import { exampleFiles, loadExample } from '../../../support/designs'

describe('generateAll', () => {
  it.each(exampleFiles())(
    '%s: document, reports and the own family by default, sorted, safe paths',
    (file) => {
      const design = loadExample(file)
      const family = getOrchestrator(catalog, design.choices.orchestrator).family
      const artifacts = generateAll(design, catalog, { designFileName: file })
      const paths = artifacts.map((a) => a.path)
      expect(paths).toEqual([...paths].sort())
      expect(new Set(paths).size).toBe(paths.length)
      for (const p of ['design.md', 'design.html', 'report.json', 'findings.csv', 'report.sarif'])
        expect(paths).toContain(p)
      const manifests = paths.filter((p) => p.includes('/'))
      expect(manifests.length).toBeGreaterThan(0)
      for (const p of manifests) expect(p.startsWith(`${family}/`)).toBe(true)
      expect(artifacts.find((a) => a.path === 'report.sarif')?.content).toContain(
        `"uri": "${encodeURI(file)}"`,
      )
    },
  )

  it('generates only the requested targets', () => {
    const design = loadExample('payments-eks.stackwright.yaml')
    expect(generateAll(design, catalog, { targets: ['reports'] }).map((a) => a.path)).toEqual([
      'findings.csv',
      'report.json',
      'report.sarif',
    ])
    const docOnly = generateAll(design, catalog, { targets: ['doc'] }).map((a) => a.path)
    expect(docOnly).toEqual(['design.html', 'design.md'])
    const k8s = generateAll(design, catalog, { targets: ['kubernetes'] }).map((a) => a.path)
    expect(k8s.every((p) => p.startsWith('kubernetes/'))).toBe(true)
  })

  it('is byte-identical on a second run', () => {
    const design = loadExample('windows-swarm.stackwright.yaml')
    expect(generateAll(design, catalog)).toEqual(generateAll(design, catalog))
  })

  it('exports every target', () => {
    expect([...TARGETS]).toEqual(['doc', 'reports', 'kubernetes', 'ecs', 'swarm', 'nomad'])
  })
})

describe('generateAll per target', () => {
  // The app generates one target at a time (to keep the window responsive); the union must be the
  // same files, byte for byte, as one call for every target.
  it.each(exampleFiles())('adds up to the all-targets output for %s', (file) => {
    const design = loadExample(file)
    const all = generateAll(design, catalog)
    const family = getOrchestrator(catalog, design.choices.orchestrator).family
    const parts = (['doc', 'reports', family] as const).flatMap((target) =>
      generateAll(design, catalog, { targets: [target] }),
    )
    expect([...parts].sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual(all)
  })
})

describe('assertSafePath', () => {
  it.each(['/etc/passwd', '../x', 'a/../b', 'a\\b', 'a\u0000b', '', 'a//b', 'C:/x', './a', 'a/'])(
    'rejects %j',
    (path) => {
      expect(() => assertSafePath({ path, content: '' })).toThrow(/unsafe artifact path/)
    },
  )

  it.each(['design.md', 'kubernetes/workloads/web.yaml', 'a.b/c-d_e'])('accepts %j', (path) => {
    expect(() => assertSafePath({ path, content: '' })).not.toThrow()
  })
})
