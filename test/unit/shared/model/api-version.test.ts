import { describe, expect, it } from 'vitest'
import { isNewerApiVersion, parseApiVersion } from '../../../../shared/model/api-version'

describe('apiVersion ordering', () => {
  const ordered = [
    'stackwright.dev/v1alpha1',
    'stackwright.dev/v1alpha2',
    'stackwright.dev/v1beta1',
    'stackwright.dev/v1',
    'stackwright.dev/v2alpha1',
    'stackwright.dev/v2',
    'stackwright.dev/v10',
  ]

  it('orders alpha < beta < stable within a major, and majors numerically', () => {
    ordered.forEach((later, i) => {
      ordered.slice(0, i).forEach((earlier) => {
        expect(isNewerApiVersion(later, earlier)).toBe(true)
        expect(isNewerApiVersion(earlier, later)).toBe(false)
      })
      expect(isNewerApiVersion(later, later)).toBe(false)
    })
  })

  it('knows only its own group', () => {
    expect(parseApiVersion('apps/v1')).toBeUndefined()
    expect(parseApiVersion('stackwright.dev/V2')).toBeUndefined()
    expect(isNewerApiVersion('example.com/v9', 'stackwright.dev/v1')).toBe(false)
    expect(parseApiVersion('stackwright.dev/v2beta3')).toEqual([2, 1, 3])
  })
})
