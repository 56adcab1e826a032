// Injection: one design per orchestrator family with markup, script, Mermaid directives, Markdown, CSV
// formulas, template interpolation and path segments in every free-text field. Every artifact must
// keep that text inert, and each machine-readable file must have exactly the shape the same design
// with plain text gives (so no payload became a key, a list item, a document or a statement).
import { parseHcl } from '../../../support/nomad-hcl'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/index'
import { isWindowsDeviceName } from '../../../../shared/generate/file-names'
import { assertSafePath, generateAll } from '../../../../shared/generate/index'
import type { Artifact } from '../../../../shared/generate/types'
import { parseDesign } from '../../../../shared/model/index'
import { escapeControlCharsInText } from '../../../../shared/util/control-chars'
// BASE_DESIGN is written in v1 terms: the refusals must hold for v1 files, which still load.
import type { DesignInputV1 as DesignInput } from '../../../../shared/model/schema-v1'
import { BASE_DESIGN, loadExample } from '../../../support/designs'
import {
  FAMILY_EXAMPLES,
  FORMULAS,
  HOSTILE_FILE_NAME,
  MARKER,
  benignTwin,
  hostileDesign,
} from '../../../support/hostile-designs'
import {
  attributes,
  foreignMermaidLines,
  keysOf,
  liveTemplates,
  mermaidBlocks,
  parseCsv,
  renderMarkdown,
  shapeOf,
  tagNames,
  yamlMarkerProblems,
  yamlValues,
} from '../../../support/injection-checks'

/** Relative, '/'-separated, segments of letters, digits, '.', '_' and '-' that are not '.' or '..'. */
const SAFE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/
const FORMULA_START = /^[=+\-@\t\r]/

const isYaml = (p: string) => /\.ya?ml$/.test(p)
const isJson = (p: string) => /\.(json|sarif)$/.test(p)
const isHcl = (p: string) => p.endsWith('.hcl')
const isMarkdown = (p: string) => p.endsWith('.md')

function content(artifacts: readonly Artifact[], path: string): string {
  const found = artifacts.find((a) => a.path === path)
  if (found === undefined) throw new Error(`no artifact ${path}`)
  return found.content
}

describe.each(FAMILY_EXAMPLES)('%s: hostile text in every free-text field', (family, file) => {
  const design = hostileDesign(file)
  const artifacts = generateAll(design, catalog, { designFileName: HOSTILE_FILE_NAME })
  const twin = generateAll(benignTwin(file), catalog, { designFileName: 'plain.stackwright.yaml' })
  const twinContent = (path: string) => content(twin, path)

  it('is a buildable design whose payloads reach the document, reports and manifests', () => {
    expect(evaluate(design, catalog).violations).toEqual([])
    for (const path of ['design.md', 'design.html', 'findings.csv', 'report.json', 'report.sarif'])
      expect(content(artifacts, path), path).toContain(MARKER)
    const manifests = artifacts.filter((a) => a.path.startsWith(`${family}/`))
    expect(manifests.some((a) => a.content.includes(MARKER))).toBe(true)
  })

  it('writes the same files as with plain text, each at a safe relative path', () => {
    expect(artifacts.map((a) => a.path)).toEqual(twin.map((a) => a.path))
    for (const { path } of artifacts) {
      expect(path).toMatch(SAFE_PATH)
      expect(
        path.split('/').some((s) => s === '..' || isWindowsDeviceName(s)),
        path,
      ).toBe(false)
      expect(path).not.toContain(MARKER)
    }
  })

  it('YAML and JSON files parse, with user text only in string values, shaped as with plain text', () => {
    const checked = artifacts.filter((a) => isYaml(a.path) || isJson(a.path))
    expect(checked.length).toBeGreaterThanOrEqual(2)
    for (const { path, content: text } of checked) {
      const values = isJson(path) ? [JSON.parse(text) as unknown] : yamlValues(text)
      const plain = isJson(path)
        ? [JSON.parse(twinContent(path)) as unknown]
        : yamlValues(twinContent(path))
      expect(shapeOf(values), path).toEqual(shapeOf(plain))
      expect(
        keysOf(values).filter((k) => k.includes(MARKER)),
        path,
      ).toEqual([])
      if (isYaml(path)) expect(yamlMarkerProblems(text), path).toEqual([])
    }
  })

  it('HCL files parse, with user text only in string literals and templates escaped', async () => {
    const checked = artifacts.filter((a) => isHcl(a.path))
    expect(checked.length > 0).toBe(family === 'nomad')
    for (const { path, content: text } of checked) {
      const hcl = await parseHcl(text, path)
      expect(shapeOf(hcl), path).toEqual(shapeOf(await parseHcl(twinContent(path), path)))
      expect(
        keysOf(hcl).filter((k) => k.includes(MARKER)),
        path,
      ).toEqual([])
      expect(liveTemplates(hcl), path).toEqual([])
    }
  })

  it('findings.csv starts no cell with a formula, and keeps each note as text', () => {
    const rows = parseCsv(content(artifacts, 'findings.csv'))
    const header = rows[0] ?? []
    const note = header.indexOf('note')
    const notes = new Map(Object.entries(design.risks).map(([id, r]) => [id, r.note]))
    expect(rows.length).toBe(notes.size + 1)
    for (const row of rows) {
      expect(row).toHaveLength(header.length)
      for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA_START)
    }
    for (const row of rows.slice(1)) {
      // Control characters are shown as `\x1b` (control-characters.test.ts), then formulas neutralised.
      const shown = escapeControlCharsInText(notes.get(row[0] ?? '') ?? '')
      expect(row[note]).toBe(FORMULA_START.test(shown) ? `'${shown}` : shown)
    }
    // Every kind of formula start was tried.
    const starts = [...notes.values()].map((n) => n.slice(0, 1))
    for (const formula of FORMULAS.slice(0, Math.min(FORMULAS.length, notes.size)))
      expect(starts).toContain(formula.slice(0, 1))
  })

  it('report.sarif carries plain text only, user text only in notes, an encoded file name', () => {
    const log = JSON.parse(content(artifacts, 'report.sarif')) as unknown
    const messages: unknown[] = []
    const withMarker: [key: string, value: string][] = []
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk)
      if (node === null || typeof node !== 'object') return
      for (const [key, value] of Object.entries(node)) {
        expect(key).not.toBe('markdown')
        if (key === 'message' || key === 'shortDescription' || key === 'fullDescription')
          messages.push(value)
        if (typeof value === 'string' && value.includes(MARKER)) withMarker.push([key, value])
        walk(value)
      }
    }
    walk(log)
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) expect(Object.keys(m as object)).toEqual(['text'])
    // Notes travel as a suppression's justification and in the result's property bag, both plain text.
    expect(new Set(withMarker.map(([key]) => key))).toEqual(
      new Set(['justification', 'note', 'uri']),
    )
    for (const [key, value] of withMarker) {
      if (key !== 'uri') continue
      // No raw character that would end the path or start a fragment or query.
      expect(value).not.toMatch(/[<>"\s\\#?%](?![0-9A-F]{2})/)
      expect(decodeURIComponent(value)).toBe(HOSTILE_FILE_NAME)
    }
  })

  it('the Mermaid source holds only generated statements: no directive, click, HTML or user text', () => {
    const blocks = mermaidBlocks(content(artifacts, 'design.md'))
    expect(blocks.length).toBeGreaterThan(0)
    for (const source of blocks) {
      expect(source).not.toContain('%%')
      expect(source).not.toMatch(/^\s*click\b/m)
      expect(source).not.toContain('<')
      expect(source).not.toContain(MARKER)
      expect(foreignMermaidLines(source)).toEqual([])
    }
  })

  it('Markdown renders with no HTML, image or link that the same design with plain text lacks', () => {
    const files = artifacts.filter((a) => isMarkdown(a.path))
    expect(files.length).toBeGreaterThanOrEqual(2)
    for (const { path, content: md } of files) {
      const html = renderMarkdown(md)
      const plain = renderMarkdown(twinContent(path))
      expect(
        [...tagNames(html)].filter((t) => !tagNames(plain).has(t)),
        path,
      ).toEqual([])
      const links = (h: string) =>
        new Set(
          attributes(h)
            .filter((a) => a.name === 'href' || a.name === 'src')
            .map((a) => a.value),
        )
      expect(
        [...links(html)].filter((l) => !links(plain).has(l)),
        path,
      ).toEqual([])
      expect(html, path).not.toMatch(/<(script|img|iframe|svg|style|base|meta|object)\b/i)
      if (md.includes('window.__pwned')) expect(html, path).toContain('&lt;script&gt;')
    }
  })

  it('design.html has no script, handler, foreign element or link, and shows the payloads as text', () => {
    const html = content(artifacts, 'design.html')
    const plain = twinContent('design.html')
    expect([...tagNames(html)].filter((t) => !tagNames(plain).has(t))).toEqual([])
    expect(tagNames(html).has('script')).toBe(false)
    const attrs = attributes(html)
    expect(attrs.filter((a) => a.name.startsWith('on'))).toEqual([])
    // The CSP meta tag's content and the SVG namespace are the only URL-like attribute values.
    const urlLike = attrs.filter((a) => /javascript:|https?:|\/\//i.test(a.value))
    expect(urlLike.filter((a) => a.name !== 'content' && !a.name.startsWith('xmlns'))).toEqual([])
    const plainHrefs = new Set(
      attributes(plain)
        .filter((a) => a.name === 'href')
        .map((a) => a.value),
    )
    for (const a of attrs.filter((x) => x.name === 'href' || x.name === 'src'))
      expect(plainHrefs.has(a.value), a.value).toBe(true)
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;')
    expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1)
  })
})

describe('names and paths that could become files or markup are refused by the schema', () => {
  const BAD_LABELS = ['../x', '..', '.', '/etc', 'a/b', 'a\\b', 'a\u0000b', 'CON', 'Web', 'a b']
  const BAD_LABELS_MORE = ['', '-x', 'x-', 'a.b', 'é', 'x'.repeat(64), '<script>', '%%{init}%%']
  const fields: [string, (bad: string) => DesignInput][] = [
    ['metadata.name', (bad) => ({ ...BASE_DESIGN, metadata: { name: bad } })],
    ['workloads[1].name', (bad) => withWorkload({ name: bad })],
    ['workloads[1].team', (bad) => withWorkload({ team: bad })],
    ['workloads[1].talksTo[0]', (bad) => withWorkload({ talksTo: [bad] })],
    ['workloads[1].observes[0]', (bad) => withWorkload({ observes: [bad] })],
  ]

  function withWorkload(patch: Record<string, unknown>): DesignInput {
    const [web, api] = BASE_DESIGN.workloads ?? []
    return { ...BASE_DESIGN, workloads: [web!, { ...api!, ...patch }] }
  }

  function refusedAt(input: DesignInput, path: string): void {
    const result = parseDesign(YAML.stringify(input))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const error = result.errors.find((e) => e.path === path)
    expect(error, JSON.stringify(result.errors)).toBeDefined()
    expect(error?.line).toBeGreaterThan(0)
  }

  describe.each(fields)('%s', (path, make) => {
    it.each([...BAD_LABELS, ...BAD_LABELS_MORE])('refuses %j', (bad) => {
      refusedAt(make(bad), path)
    })
  })

  it.each(['../x', 'tmp', '/a/../b', '/..', '/a\u0000b', '/a b', 'C:\\x', '/$(rm)', '/a;b'])(
    'refuses the writable path %j',
    (bad) => {
      refusedAt(
        withWorkload({ needs: { writablePaths: [bad] } }),
        'workloads[1].needs.writablePaths[0]',
      )
    },
  )

  it.each(['../x', '/etc/passwd', 'a\u0000b', 'UPPER/x:1', 'x:1; rm -rf /', 'a b', '<img>'])(
    'refuses the image %j',
    (bad) => {
      refusedAt(withWorkload({ image: bad }), 'workloads[1].image')
    },
  )

  it.each(['../X', 'risk-lower', 'A', 'A\u0000B', '/ETC', 'A B', 'X'.repeat(81)])(
    'refuses the risk id %j',
    (bad) => {
      const result = parseDesign(
        YAML.stringify({ ...BASE_DESIGN, risks: { [bad]: { treatment: 'accepted' } } }),
      )
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.errors[0]?.message).toMatch(/invalid key/)
    },
  )
})

describe('names that Windows reserves for devices', () => {
  // con, nul, aux, com1 and lpt9 are valid DNS labels, but `nul.yaml` on Windows is the null device.
  const DEVICES = ['con', 'nul', 'aux', 'prn', 'com1', 'lpt9']

  it.each(FAMILY_EXAMPLES)('%s: never become a file name', (family, file) => {
    const base = loadExample(file)
    const renamed = new Map(base.workloads.map((w, i) => [w.name, DEVICES[i % DEVICES.length]!]))
    const rename = (n: string) => renamed.get(n) ?? n
    const design = {
      ...base,
      metadata: { ...base.metadata, name: 'nul' },
      workloads: base.workloads.map((w) => ({
        ...w,
        name: rename(w.name),
        team: 'aux',
        talksTo: w.talksTo.map(rename),
        observes: w.observes.map(rename),
      })),
    }
    const paths = generateAll(design, catalog).map((a) => a.path)
    expect(paths.some((p) => p.startsWith(`${family}/`))).toBe(true)
    for (const p of paths) expect(p.split('/').some(isWindowsDeviceName), p).toBe(false)
  })

  it.each([
    'kubernetes/workloads/nul.yaml',
    'ecs/task-definitions/CON.json',
    'nomad/aux.nomad.hcl',
    'lpt1',
  ])('the last guard before writing refuses %j', (path) => {
    expect(() => assertSafePath({ path, content: '' })).toThrow(/unsafe artifact path/)
  })

  it('Kubernetes files of a workload named con are con_.yaml', () => {
    const base = loadExample('payments-eks.stackwright.yaml')
    const first = base.workloads[0]!
    const design = {
      ...base,
      workloads: [{ ...first, name: 'con', talksTo: [], observes: [] }],
    }
    expect(generateAll(design, catalog).map((a) => a.path)).toContain(
      'kubernetes/workloads/con_.yaml',
    )
  })
})
