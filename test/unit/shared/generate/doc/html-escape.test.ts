import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../../../../shared/generate/doc/html-escape'

describe('escapeHtml', () => {
  it('writes markup characters as entities', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('shows control and bidi characters as visible escapes, keeping tab, line feed and CRLF', () => {
    expect(escapeHtml('pwn\u0007\u001b[31m\u2028\u2029\u0085\u202epwn\u0000')).toBe(
      'pwn\\x07\\x1b[31m\\u2028\\u2029\\x85\\u202epwn\\x00',
    )
    expect(escapeHtml('a\tb\nc\r\nd\re\u2066f\u2069\u200e\u061c')).toBe(
      'a\tb\nc\r\nd\\x0de\\u2066f\\u2069\\u200e\\u061c',
    )
  })

  it('leaves other text alone', () => {
    const text = 'C:\\Users\\me \u05e9\u05dc\u05d5\u05dd caf\u00e9 \u{1f680}'
    expect(escapeHtml(text)).toBe(text)
  })
})
