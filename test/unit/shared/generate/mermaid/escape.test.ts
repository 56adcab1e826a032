import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mermaidCodesToXml, mermaidLabel } from '../../../../../shared/generate/mermaid/escape'
import { shownAsciiControls as shown } from '../../../../support/injection-checks'

const HOSTILE = [
  '%%{init: {"securityLevel":"loose"}}%%',
  'x"]\nclick web call alert()',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  'a; click a href "javascript:alert(1)"',
  '`**md**` | edge | #quot; %% comment',
  'line1\r\nline2\u2028line3',
  'back\\slash & {braces}',
]

// Only entity codes may carry the special characters; anything else would be Mermaid syntax or HTML.
const SAFE_LABEL =
  /^(?:[^"<>&`%;{}|\\#\r\n\u2028\u2029]|#(?:quot|lt|gt|amp|35|37|59|96|123|124|125|92);)*$/

function decodeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

describe('mermaidLabel', () => {
  it.each(HOSTILE)('neutralises %j', (text) => {
    const label = mermaidLabel(text)
    expect(label).toMatch(SAFE_LABEL)
    expect(label).not.toContain('%%')
    expect(label).not.toMatch(/[\r\n]/)
  })

  it('shows control and bidi characters as visible escapes, each a #92; code and letters', () => {
    expect(mermaidLabel('a\u001b[31m\u0007b\u202ec\u2028d\u0085e\u200f')).toBe(
      'a#92;x1b[31m#92;x07b#92;u202ec#92;u2028d#92;x85e#92;u200f',
    )
    expect(mermaidLabel(' one\r\ntwo\tthree\n')).toBe('one two three')
    expect(mermaidLabel('lone\rcarriage return')).toBe('lone#92;x0dcarriage return')
  })

  it('keeps ordinary text readable', () => {
    expect(mermaidLabel('web · 3 replicas (api)')).toBe('web · 3 replicas (api)')
  })

  it('round-trips through the SVG decoding to the same text on one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (text) => {
        const label = mermaidLabel(text)
        expect(label).toMatch(SAFE_LABEL)
        const expected = shown(text)
          .replace(/[\t\r\n]+/g, ' ')
          .trim()
        expect(decodeXml(mermaidCodesToXml(label))).toBe(expected)
      }),
    )
  })

  it('decodes only the codes it writes, so SVG colours and marker references survive', () => {
    expect(mermaidCodesToXml('fill:#FFFFFF; url(#arrowhead) #lt;b#gt;')).toBe(
      'fill:#FFFFFF; url(#arrowhead) &lt;b&gt;',
    )
  })
})
