import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attr, block, interpolation, quote, render } from '../../../../../shared/generate/nomad/hcl'
import { literal, one, parseHcl } from '../../../../support/nomad-hcl'

describe('HCL writer', () => {
  it('round-trips any string through a real HCL2 parser', async () => {
    expect(literal((await parseHcl(render([attr('value', '\uF900')]))).value)).toBe('\u8C48')
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          fc.constantFrom(
            '${x}',
            '%{ if a }',
            '$${x}',
            '%%{x}',
            '$$${x}',
            '\\${x}',
            '"}\njob "evil" {',
            '\u0000\u001f\u007f\u2028',
            'pwn\u0007\u001b[31m\u2029\u0085\u009b\ufeff\u202e\u061c\u200e\u2066pwn',
          ),
        ),
        async (text) => {
          const parsed = await parseHcl(render([attr('value', text)]))
          // HCL normalises string literals to Unicode NFC; nothing else may change.
          expect(literal(parsed.value)).toBe(text.normalize('NFC'))
        },
      ),
      { numRuns: 200 },
    )
  }, 60_000)

  it('keeps a block-breaking label inside its block', async () => {
    const label = '"} job "evil" { ${x}'
    const text = render([block('job', [label], [block('meta', [], [attr('title', label)])])])
    const parsed = await parseHcl(text)
    // Block labels are plain strings, never templates, so they come back verbatim.
    expect(Object.keys(parsed.job as object)).toEqual([label])
    expect(literal(one(one(parsed, 'job', label), 'meta').title)).toBe(label)
  })

  it('writes interpolations only for plain references', async () => {
    const parsed = await parseHcl(render([attr('attribute', interpolation('attr.kernel.name'))]))
    expect(parsed.attribute).toBe('${attr.kernel.name}')
    expect(() => interpolation('attr.kernel.name} evil {')).toThrow()
    expect(() => render([attr('bad name', 'x')])).toThrow(/identifier/)
  })

  it('quotes as HCL expects', () => {
    expect(quote('a"b\\c\n${d}%{e}')).toBe('"a\\"b\\\\c\\n$${d}%%{e}"')
    expect(quote('a\u001bb\u202ec\u0085d\u2028\u200f')).toBe(
      '"a\\u001bb\\u202ec\\u0085d\\u2028\\u200f"',
    )
  })
})
