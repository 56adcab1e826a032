import { describe, expect, it } from 'vitest'
import { closestMatch, listForHint } from '../../../../shared/model/did-you-mean'

describe('closestMatch', () => {
  const fields = ['name', 'image', 'team', 'talksTo', 'observes', 'replicas']

  it('suggests near misses: swaps, case, a letter off', () => {
    expect(closestMatch('naem', fields)).toBe('name')
    expect(closestMatch('Image', fields)).toBe('image')
    expect(closestMatch('talks_to', fields)).toBe('talksTo')
    expect(closestMatch('replica', fields)).toBe('replicas')
  })

  it('stays quiet when nothing is close', () => {
    expect(closestMatch('colour', fields)).toBeUndefined()
    expect(closestMatch('x', fields)).toBeUndefined()
    expect(closestMatch('a'.repeat(10_000), fields)).toBeUndefined()
    expect(closestMatch('name', [])).toBeUndefined()
  })

  it('never suggests the word itself', () => {
    expect(closestMatch('name', ['name'])).toBeUndefined()
  })
})

describe('listForHint', () => {
  it('cuts long lists short and says how many are left', () => {
    expect(listForHint(['a', 'b', 'c'], 2)).toBe('a, b, ... (1 more)')
    expect(listForHint(['a', 'b'], 2)).toBe('a, b')
  })
})
