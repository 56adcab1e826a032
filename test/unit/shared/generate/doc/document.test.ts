import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import {
  catalog,
  getOs,
  getPlugin,
  getReference,
  getRuntime,
} from '../../../../../shared/catalog/index'
import { resolveEndpointFlows } from '../../../../../shared/util/declared-flows'
import { evaluate } from '../../../../../shared/engine/index'
import { DOCUMENT_CSP } from '../../../../../shared/generate/doc/render-html'
import { familyControls, generateDocument } from '../../../../../shared/generate/doc/index'
import { designSchema } from '../../../../../shared/model/schema'
import { exampleFiles, loadExample, makeDesign } from '../../../../support/designs'
import {
  CLICK,
  DIRECTIVE,
  documentOf,
  FORMULA,
  hostileDesign,
  IMG,
  LINK,
  PIPES,
  SCRIPT,
} from './support'

const SECTIONS = [
  'Summary',
  'Context and requirements',
  'Architecture',
  'Decision records',
  'Isolation model',
  'Risk register',
  'Plugin inventory',
  'Compliance notes',
  'Traceability',
  'References',
]
// v2 records: node pools and traffic in and out are dimensions of their own.
const DIMENSIONS = [
  'Orchestrator',
  'Node pools',
  'Container runtime',
  'Host operating system',
  'Plugins',
  'Isolation',
  'Traffic in and out',
]

describe.each(exampleFiles())('design document for %s', (file) => {
  const design = loadExample(file)
  const evaluation = evaluate(design, catalog)
  const { md, html } = documentOf(design)

  it('has every section, decision record and the diagram in both formats', () => {
    SECTIONS.forEach((title, i) => {
      expect(md).toContain(`\n## ${i + 1}. ${title}\n`)
      expect(html).toContain(`<h2>${i + 1}. ${title}</h2>`)
    })
    DIMENSIONS.forEach((title, i) => {
      expect(md).toContain(`\n### ${i + 1}. ${title}\n`)
      expect(html).toContain(`<h3>${i + 1}. ${title}</h3>`)
    })
    expect(md).toMatch(/\n```mermaid\nflowchart LR\n[^]*?\n```\n/)
    expect(html).toContain('<svg')
  })

  it('states the overall score, every criterion and every finding with its treatment', () => {
    expect(md).toContain(`**${evaluation.scores.overall} / 100**`)
    for (const f of evaluation.findings) {
      expect(md).toContain(`| \`${f.id}\` | ${f.severity} |`)
      expect(html).toContain(`<code>${f.id}</code>`)
    }
  })

  it('lists every cited reference with its URL', () => {
    const cited = new Set([...md.matchAll(/\\\[([^\]\\]+)\\\]/g)].map((m) => m[1] ?? ''))
    const refsSection = md.slice(md.indexOf('## 10. References'))
    for (const id of cited) {
      const url = getReference(catalog, id)?.url
      expect(refsSection).toContain(`- \\[${id}\\]`)
      if (url !== undefined) expect(refsSection).toContain(`](${url})`)
    }
  })

  it('traces every control of the manifest generator', () => {
    const controls = familyControls(design, catalog)
    const section = md.slice(md.indexOf('## 9. Traceability'), md.indexOf('## 10. References'))
    const rows = section.split('\n').filter((l) => l.startsWith('| `'))
    expect(rows).toHaveLength(controls.length)
  })

  it('is self-contained HTML that fetches and runs nothing', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">`)
    expect(html).not.toMatch(
      /<script|<iframe|<object|<embed|<link|<img|@import|url\(\s*['"]?(https?:|\/\/)/i,
    )
    expect(html).not.toMatch(/\s(src|href|xlink:href|action|formaction|srcset)\s*=\s*(?!["']?#)/i)
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)
    expect(html).toContain('@media print')
  })

  it('renders Markdown without any raw HTML', () => {
    expect(md).not.toContain('<')
    const rendered = marked.parse(md, { gfm: true, async: false })
    expect(rendered).not.toMatch(/<(script|img|iframe|style|svg)/i)
  })

  it('describes what the diagram shows: pools with OS and runtime, plugins, endpoints and every flow across the boundary', () => {
    const section = (title: string, next: string) => md.slice(md.indexOf(title), md.indexOf(next))
    const pools = section('### Node pools', '### Allowed network flows')
    for (const p of design.nodePools) {
      const row = pools.split('\n').find((l) => l.startsWith(`| \`${p.name}\` |`))
      expect(row, p.name).toBeDefined()
      expect(row).toContain(
        `| ${getOs(catalog, p.os).name} | ${getRuntime(catalog, p.runtime).name} |`,
      )
    }
    const plugins = section('## 7. Plugin inventory', '## 8. Compliance notes')
    for (const id of design.choices.plugins) expect(plugins).toContain(getPlugin(catalog, id).name)
    const traffic = section('### Traffic in and out', '## 6. Risk register')
    const crossing = resolveEndpointFlows(design)
    const rows = traffic.split('\n').filter((l) => l.startsWith('| `'))
    expect(rows).toHaveLength(crossing.length)
    crossing.forEach((f, i) => {
      expect(rows[i]).toContain(`| \`${f.workload}\` | ${f.direction === 'in' ? 'in' : 'out'}`)
      expect(rows[i]).toContain(`| ${f.endpoint} (`)
    })
    const inbound = crossing.filter((f) => f.direction === 'in').map((f) => f.workload)
    const flows = section('### Allowed network flows', '### Traffic in and out')
    if (inbound.length === 0) expect(flows).toContain('No workload is reachable from the Internet.')
    else
      for (const w of inbound)
        expect(flows).toMatch(new RegExp(`Public \\(from the Internet\\):[^\\n]*\\b${w} `))
  })

  it('is deterministic', () => {
    const again = generateDocument(design, evaluation, catalog)
    expect(again.map((a) => a.content)).toEqual([md, html])
  })
})

describe('design document with hostile text in title, owner, decisions, risk notes and justifications', () => {
  const design = hostileDesign()
  const { md, html } = documentOf(design)

  it('escapes everything in the HTML: no script, handler, directive or live link', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)
    expect(html).not.toContain('href="javascript')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('escapes everything in the Markdown: no raw tag, no link, tables intact', () => {
    expect(md).not.toContain('<')
    const rendered = marked.parse(md, { gfm: true, async: false })
    expect(rendered).not.toMatch(/<script|<img|javascript:alert\(1\)"/i)
    expect(rendered).not.toMatch(/<a [^>]*href="(?!https:\/\/)/)
    const riskTable = rendered.slice(
      rendered.indexOf('Risk register'),
      rendered.indexOf('Plugin inventory'),
    )
    for (const row of riskTable.match(/<tr>[^]*?<\/tr>/g) ?? [])
      expect(row.match(/<t[dh]>/g)).toHaveLength(8)
    for (const text of [FORMULA, PIPES, CLICK])
      expect(rendered).toContain(text.replace(/'/g, '&#39;').replace(/"/g, '&quot;'))
  })

  it('keeps the Mermaid source free of directives, interactions and HTML', () => {
    const source = /```mermaid\n([^]*?)```/.exec(md)?.[1] ?? ''
    expect(source).not.toContain('%%')
    expect(source).not.toMatch(/^\s*click\b/m)
    expect(source).not.toContain('<')
    // The title only appears as escaped text outside the fence, where Mermaid never reads it.
    expect(md.indexOf(DIRECTIVE)).toBeLessThan(md.indexOf('```mermaid'))
  })

  it('prints the architect’s text (escaped) where it belongs', () => {
    expect(html).toContain(`&lt;script&gt;alert(1)&lt;/script&gt;`)
    expect(md).toContain('\\[x\\](javascript:alert(1))')
    expect(html).toContain(LINK)
    expect(html).toContain(
      `<p><strong>Rationale.</strong> ${SCRIPT.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`,
    )
    expect(html).toContain(IMG.replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    expect(html).toContain('<td>accepted</td>')
  })
})

describe('design document: a public workload without an internet ingress endpoint', () => {
  it('says it is not reachable, as the diagram draws no Internet arrow and the manifests open nothing', () => {
    const base = makeDesign()
    const design = designSchema.parse({ ...base, endpoints: [] })
    const { md } = documentOf(design)
    const flows = md.slice(
      md.indexOf('### Allowed network flows'),
      md.indexOf('### Traffic in and out'),
    )
    expect(flows).toContain('No workload is reachable from the Internet.')
    expect(flows).toContain(
      'Marked public but not reachable (no internet endpoint with ingress): web.',
    )
    expect(md).toContain('No traffic crosses the platform boundary')
  })
})
