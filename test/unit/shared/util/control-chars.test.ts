import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  escapeControlChars,
  escapeControlCharsInText,
  escapeJsonControls,
  unicodeEscapeControls,
  unsafeCharInFile,
} from '../../../../shared/util/control-chars'

/** Every Unicode Bidi_Control character: what can reorder how a terminal or editor shows text. */
const BIDI = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) =>
  /\p{Bidi_Control}/u.test(ch),
)
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Bidi_Control}]/u

describe('escapeControlChars', () => {
  it('shows a terminal title sequence and a right-to-left override as visible escapes', () => {
    expect(escapeControlChars('a\x1b]0;pwn\x07b\u202e.yaml')).toBe('a\\x1b]0;pwn\\x07b\\u202e.yaml')
  })

  it.each([
    ['\0', '\\x00'],
    ['\t', '\\x09'],
    ['\n', '\\x0a'],
    ['\r', '\\x0d'],
    ['\x7f', '\\x7f'],
    ['\x9b', '\\x9b'],
    ['\u2028', '\\u2028'],
    ['\u2029', '\\u2029'],
    ['\u061c', '\\u061c'],
    ['\u200e', '\\u200e'],
    ['\u200f', '\\u200f'],
    ['\u2066', '\\u2066'],
    ['\u2069', '\\u2069'],
  ])('escapes %j as %s', (ch, shown) => {
    expect(escapeControlChars(`<${ch}>`)).toBe(`<${shown}>`)
  })

  it('escapes every Bidi_Control character', () => {
    expect(BIDI).toHaveLength(12)
    for (const ch of BIDI) expect(escapeControlChars(ch)).toMatch(/^\\u[0-9a-f]{4}$/)
  })

  it('leaves backslashes, letters of any script and emoji alone', () => {
    const text = 'C:\\Users\\me\\design \u05e9\u05dc\u05d5\u05dd \u65e5\u672c caf\u00e9 \u{1f680}'
    expect(escapeControlChars(text)).toBe(text)
  })

  it('leaves nothing unsafe in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(UNSAFE.test(escapeControlChars(text))).toBe(false)
      }),
    )
  })
})

describe('escapeControlCharsInText', () => {
  it('keeps tab, line feed and carriage return and escapes the rest', () => {
    expect(escapeControlCharsInText('a\tb\r\nc\x1b[31md\u202e')).toBe('a\tb\r\nc\\x1b[31md\\u202e')
  })

  it('shows a lone carriage return, which would let the text after it overwrite a terminal line', () => {
    expect(escapeControlCharsInText('safe\rEVIL\r\n\r')).toBe('safe\\x0dEVIL\r\n\\x0d')
  })

  it('leaves nothing a generated file may not hold raw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(unsafeCharInFile(escapeControlCharsInText(text))).toBeUndefined()
      }),
    )
  })
})

describe('unicodeEscapeControls', () => {
  it('writes every control and bidi character, tab and line feed too, as \\uXXXX', () => {
    expect(unicodeEscapeControls('a\tb\n\x1b\x85\u2028\u202e\u061cc')).toBe(
      'a\\u0009b\\u000a\\u001b\\u0085\\u2028\\u202e\\u061cc',
    )
  })

  it('leaves nothing unsafe in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(UNSAFE.test(unicodeEscapeControls(text))).toBe(false)
      }),
    )
  })
})

describe('unsafeCharInFile', () => {
  it.each(['\0', '\x1b', '\x7f', '\x85', '\x9f', '\r', '\u2028', '\u2029', ...BIDI])(
    'finds %j',
    (ch) => {
      expect(unsafeCharInFile(`ok\r\n${ch}ok`)).toBe(ch)
    },
  )

  it('accepts tab, line feed, CRLF and any letter, mark or emoji', () => {
    expect(unsafeCharInFile('a\tb\nc\r\n\u05e9\u0301\ufeff\u00a0\u{1f680}')).toBeUndefined()
  })
})

describe('escapeJsonControls', () => {
  it('writes DEL, C1, line separators and bidi controls as \\u escapes, parsing to the same value', () => {
    const value = { name: 'a\x7fb\x85c\u2028d\u200fe\u202ef', tab: '\t' }
    const json = escapeJsonControls(JSON.stringify(value))
    expect(json).not.toMatch(UNSAFE)
    expect(json).toContain('\\u202e')
    expect(JSON.parse(json)).toEqual(value)
  })

  it('keeps any JSON document parsing to what it parsed to before', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const plain = JSON.stringify(value)
        const json = escapeJsonControls(plain)
        expect(UNSAFE.test(json)).toBe(false)
        expect(JSON.parse(json)).toEqual(JSON.parse(plain))
      }),
      { numRuns: 500 },
    )
  })
})
