import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeUtf8, firstInvalidUtf8 } from '../../../../shared/model/utf8'

const strictlyDecodes = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Valid UTF-8 with a few random bytes spliced in: the interesting cases sit near the edges. */
const mostlyText = fc
  .tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.uint8Array({ maxLength: 3 }), fc.nat())
  .map(([text, junk, at]) => {
    const bytes = new TextEncoder().encode(text)
    const cut = at % (bytes.length + 1)
    return new Uint8Array([...bytes.subarray(0, cut), ...junk, ...bytes.subarray(cut)])
  })

describe('firstInvalidUtf8', () => {
  it('agrees with the strict TextDecoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), mostlyText), (bytes) => {
        expect(firstInvalidUtf8(bytes) === -1).toBe(strictlyDecodes(bytes))
      }),
      { numRuns: 2000 },
    )
  })

  it('points at the byte where the text stops being valid', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xff, 0x63]))).toBe(2)
    // An overlong encoding of "/" and a UTF-16 surrogate written as UTF-8 are both invalid.
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1)
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0)
    // A sequence cut off by the end of the file.
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1)
  })
})

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('kind: é')])
    expect(decodeUtf8(bytes)).toEqual({ ok: true, text: 'kind: é' })
  })

  it('locates invalid bytes by line and character column', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a: 1\nb: é'), 0xff])
    const result = decodeUtf8(bytes)
    expect(result.ok ? undefined : result.error).toMatchObject({ line: 2, column: 5 })
  })
})
