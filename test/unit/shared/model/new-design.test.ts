import { describe, expect, it } from 'vitest'
import { newDesign } from '../../../../shared/model/new-design'
import { parseDesign } from '../../../../shared/model/parse'
import { serializeDesign } from '../../../../shared/model/serialize'
import { validDesign } from './fixtures'

describe('newDesign', () => {
  it('is the same design as a minimal file with that name and title', () => {
    const design = newDesign('minimal')
    expect(design).toEqual(validDesign('valid-minimal.yaml'))
    expect(newDesign('shop', 'Shop front').metadata).toEqual({
      name: 'shop',
      title: 'Shop front',
      owner: '',
    })
  })

  it('is a valid design file once written', () => {
    const design = newDesign('shop', 'Shop front')
    const result = parseDesign(serializeDesign(design, 'yaml'))
    expect(result.ok && result.design).toEqual(design)
  })

  it('refuses a name that is not a DNS label', () => {
    expect(() => newDesign('My Shop')).toThrow(/cannot create a design named "My Shop"/)
    expect(() => newDesign('../x')).toThrow(/DNS-1123/)
  })
})
