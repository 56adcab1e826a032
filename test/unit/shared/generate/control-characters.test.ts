// Control and bidi characters in free text (issue 14): the hostile design of every family carries
// `PAYLOADS.controls` (BEL, an ESC colour sequence, U+2028/9, NEL, a BOM and U+202E) in every
// free-text field and the title. No generated file may hold one raw, and none may lose the text:
// documents show it as `\x1b` / `\u202e` exactly where a placeholder would stand, and machine formats
// escape it so that parsing gives back the exact text.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { assertNoRawControls, generateAll } from '../../../../shared/generate/index'
import type { Artifact } from '../../../../shared/generate/types'
import type { Design } from '../../../../shared/model/schema'
import {
  FAMILY_EXAMPLES,
  HOSTILE_FILE_NAME,
  PAYLOADS,
  hostileDesign,
} from '../../../support/hostile-designs'
import {
  RAW_CONTROL as RAW,
  occurrences,
  parseCsv,
  renderMarkdown,
  stringsOf,
  yamlValues,
} from '../../../support/injection-checks'
import { literal, parseHcl } from '../../../support/nomad-hcl'

/** The controls payload as documents show it (U+FEFF is no control and stays). */
const SHOWN = 'pwn\\x07\\x1b[31m\\u2028\\u2029\\x85\ufeff\\u202epwn'

/** Stands where the payload was in the twin design: letters only, so no format escapes it. */
const PLACEHOLDER = 'pwnCTRLpwn'

/** `value` with every string's controls payload replaced by the placeholder. */
function withPlaceholder<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll(PAYLOADS.controls, PLACEHOLDER) as T
  if (Array.isArray(value)) return value.map(withPlaceholder) as T
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlaceholder(v)])) as T
  return value
}

const byPath = (artifacts: readonly Artifact[]) =>
  new Map(artifacts.map((a) => [a.path, a.content]))
const count = (texts: readonly string[], needle: string) =>
  texts.reduce((n, t) => n + occurrences(t, needle).length, 0)

describe.each(FAMILY_EXAMPLES)(
  '%s: control characters in every free-text field',
  (family, file) => {
    const design: Design = hostileDesign(file)
    const files = byPath(generateAll(design, catalog, { designFileName: HOSTILE_FILE_NAME }))
    const twin = byPath(generateAll(withPlaceholder(design), catalog, { designFileName: 'x.yaml' }))
    const get = (map: Map<string, string>, path: string) => {
      const text = map.get(path)
      if (text === undefined) throw new Error(`no artifact ${path}`)
      return text
    }
    const withText = (predicate: (path: string) => boolean) =>
      [...files.keys()].filter((p) => predicate(p) && count([get(twin, p)], PLACEHOLDER) > 0)

    it('reach the document, the reports and the manifests', () => {
      expect(design.metadata.title).toContain(PAYLOADS.controls)
      for (const path of [
        'design.html',
        'design.md',
        'findings.csv',
        'report.json',
        'report.sarif',
      ])
        expect(
          withText((p) => p === path),
          path,
        ).toEqual([path])
      expect(withText((p) => p.startsWith(`${family}/`)).length).toBeGreaterThan(0)
    })

    it('no generated file holds a raw control, DEL, C1, line separator or bidi character', () => {
      for (const [path, text] of files) {
        expect(RAW.exec(text)?.[0], path).toBeUndefined()
        if (path.endsWith('.md') || path.endsWith('.html'))
          expect(text.replace(/\r\n/g, ''), path).not.toContain('\r')
      }
    })

    it('design.html shows them as visible escapes wherever the text stands', () => {
      const html = get(files, 'design.html')
      expect(count([html], SHOWN)).toBe(count([get(twin, 'design.html')], PLACEHOLDER))
      expect(html).toMatch(new RegExp(`<title>[^<]*${SHOWN.replace(/[\\[]/g, '\\$&')}</title>`))
    })

    it('Markdown files render them as visible escapes wherever the text stands', () => {
      for (const path of withText((p) => p.endsWith('.md'))) {
        const shown = count([renderMarkdown(get(files, path))], SHOWN)
        expect(shown, path).toBe(count([renderMarkdown(get(twin, path))], PLACEHOLDER))
      }
    })

    it('findings.csv shows them as visible escapes in the cells', () => {
      const cells = parseCsv(get(files, 'findings.csv')).flat()
      expect(count(cells, SHOWN)).toBe(
        count(parseCsv(get(twin, 'findings.csv')).flat(), PLACEHOLDER),
      )
      expect(count(cells, SHOWN)).toBeGreaterThan(0)
    })

    it('JSON, YAML and HCL files escape them so that parsing gives back the exact text', async () => {
      const checked = withText((p) => /\.(json|sarif|ya?ml|hcl)$/.test(p))
      // The reports, and each family's manifests but Kubernetes' (whose only user text is in its README).
      expect(checked.length).toBe(family === 'kubernetes' ? 2 : 3)
      const strings = async (path: string, text: string): Promise<string[]> => {
        if (path.endsWith('.hcl')) return stringsOf(await parseHcl(text, path)).map(literal)
        if (/\.ya?ml$/.test(path)) return stringsOf(yamlValues(text))
        return stringsOf(JSON.parse(text) as unknown)
      }
      for (const path of checked) {
        const text = get(files, path)
        const exact = count(await strings(path, text), PAYLOADS.controls)
        expect(exact, path).toBe(count(await strings(path, get(twin, path)), PLACEHOLDER))
        expect(text, path).toContain('\\u202e')
      }
    })

    it('a Swarm stack reads back the same for YAML 1.1 (docker stack deploy) as for YAML 1.2', () => {
      for (const path of withText((p) => p.startsWith('swarm/') && p.endsWith('.yaml'))) {
        const text = get(files, path)
        expect(stringsOf(yamlValues(text))).toContain(design.metadata.title)
        expect(stringsOf(yamlValues(text, '1.1'))).toContain(design.metadata.title)
      }
    })
  },
)

describe('a design file name with controls', () => {
  it('reaches report.sarif percent-encoded, decoding to the same name', () => {
    const name = 'a\u001b]0;pwn\u0007\u202e\u2028lmth.stackwright.yaml'
    const [family] = FAMILY_EXAMPLES[0] ?? []
    expect(family).toBe('kubernetes')
    const design = hostileDesign(FAMILY_EXAMPLES[0]?.[1] ?? '')
    const sarif = generateAll(design, catalog, { designFileName: name }).find(
      (a) => a.path === 'report.sarif',
    )
    expect(sarif?.content).not.toMatch(RAW)
    const uris = stringsOf(JSON.parse(sarif?.content ?? '{}') as unknown).filter((s) =>
      s.endsWith('.stackwright.yaml'),
    )
    expect(uris.length).toBeGreaterThan(0)
    for (const uri of uris) expect(decodeURIComponent(uri)).toBe(name)
  })
})

describe('assertNoRawControls: the last guard before writing', () => {
  it.each(['a\u202eb', 'a\u001bb', 'a\u0085b', 'a\u2028b', 'a\u007fb', 'a\rb', 'a\u200fb'])(
    'refuses %j',
    (content) => {
      expect(() => assertNoRawControls({ path: 'design.md', content })).toThrow(
        /Generator bug: raw control character \\(x|u)[0-9a-f]+ in "design.md"/,
      )
    },
  )

  it('accepts tab, line feed and CRLF', () => {
    expect(() => assertNoRawControls({ path: 'f.csv', content: 'a\tb\nc\r\nd' })).not.toThrow()
  })
})
