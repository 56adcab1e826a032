import fc from 'fast-check'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { mdCell, mdInline, mdParagraph } from '../../../../../shared/generate/doc/markdown-escape'
import { RAW_CONTROL, shownAsciiControls as shown } from '../../../../support/injection-checks'

const HOSTILE = [
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![img](https://evil.example/x.png)',
  '| table | break |',
  '# heading',
  '- list item',
  '1. ordered',
  '> quote',
  '**bold** _em_ ~~strike~~ `code`',
  'https://evil.example and www.evil.example and a@b.example',
  '<img src=x onerror=alert(1)>',
  '$x^2$ math',
  '\\`escaped\\`',
]

/** Renders like GitHub (GFM with autolinks) and returns the HTML. */
const render = (markdown: string) => marked.parse(markdown, { gfm: true, async: false })

/** Text content of rendered HTML, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim()
}

describe('Markdown escaping', () => {
  it.each(HOSTILE)('paragraph %j renders as the same plain text, no markup', (text) => {
    const md = mdParagraph(text)
    expect(md).not.toContain('<')
    const html = render(md)
    expect(html).toMatch(/^<p>[^]*<\/p>\n$/)
    expect(html.slice(3, -5)).not.toMatch(/<(?!br>)/)
    expect(textOf(html)).toBe(text)
  })

  it.each(HOSTILE)('table cell %j stays one cell with the same text', (text) => {
    const html = render(`| a | b |\n| --- | --- |\n| ${mdCell(text)} | end |\n`)
    const cells = [...html.matchAll(/<td>([^]*?)<\/td>/g)].map((m) => m[1] ?? '')
    expect(cells).toHaveLength(2)
    expect(cells[0]).not.toContain('<')
    expect(textOf(cells[0] ?? '')).toBe(text)
  })

  it('list items cannot start a nested block', () => {
    for (const text of ['- x', '1. x', '# x', '> x', '+ x']) {
      const html = render(`- ${mdInline(text)}\n`)
      expect(html).toMatch(/^<ul>\n<li>[^<]*<\/li>\n<\/ul>\n$/)
      expect(textOf(html)).toBe(text)
    }
  })

  it.each([
    ['paragraph', mdParagraph],
    ['cell', mdCell],
    ['line start', mdInline],
  ])('%s: shows control and bidi characters as visible escapes, none raw', (_, escape) => {
    const text = 'a\u001b[31m\u0007b\u202ec\u2028d\u2029e\u0085f\u007f\u200e\u2066\u0000g'
    const md = escape(text)
    expect(md).not.toMatch(RAW_CONTROL)
    expect(textOf(render(md))).toBe(
      'a\\x1b[31m\\x07b\\u202ec\\u2028d\\u2029e\\x85f\\x7f\\u200e\\u2066\\x00g',
    )
  })

  it('keeps line breaks of a paragraph as hard breaks', () => {
    expect(render(mdParagraph('one\ntwo'))).toBe('<p>one<br>two</p>\n')
    expect(render(mdParagraph('one\r\ntwo'))).toBe('<p>one<br>two</p>\n')
    // A lone carriage return would overwrite the line in a terminal: it is shown, not a break.
    expect(render(mdParagraph('one\rtwo'))).toBe('<p>one\\x0dtwo</p>\n')
  })

  it('never lets arbitrary text produce an element, a link or lose characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (text) => {
        const oneLine = shown(text)
          .replace(/\s*[\r\n]+\s*/g, ' ')
          .trim()
        const html = render(`x ${mdCell(text)}`)
        expect(html).not.toMatch(/<(?!\/?p>)/)
        expect(textOf(html)).toBe(`x ${oneLine}`.trim())
      }),
      { numRuns: 300 },
    )
  })
})
