import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkCharacters,
  checkStructure,
  utf8ByteLength,
} from '../../../../shared/model/text-checks'

describe('utf8ByteLength', () => {
  it('equals the length TextEncoder produces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('checkCharacters', () => {
  it('allows tabs and both line endings, refuses other C0 controls', () => {
    expect(checkCharacters('a:\tb\r\nc: d\n')).toBeUndefined()
    expect(checkCharacters('a: b\u001b[31m')).toMatchObject({ offset: 4 })
    expect(checkCharacters('a: \u0000')?.message).toMatch(/NUL bytes/)
  })
})

describe('checkStructure', () => {
  it('counts YAML indicators and line breaks, not plain text', () => {
    expect(checkStructure('x'.repeat(1_000_000))).toBeUndefined()
    expect(checkStructure('a-'.repeat(300_001))?.offset).toBe(600_001)
  })
})
