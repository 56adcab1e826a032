import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/evaluate'
import { newDesign } from '../../../../shared/model/new-design'
import { parseDesign } from '../../../../shared/model/parse'
import { serializeDesign } from '../../../../shared/model/serialize'
import { validDesign } from './fixtures'

describe('newDesign', () => {
  it('is a minimal v2 file with that name and title, node pools and a policy-enforcing CNI', () => {
    const design = newDesign('minimal')
    const minimal = validDesign('valid-minimal.yaml')
    const pool = { sandboxes: [], virtualization: 'none', labels: {}, taints: [] }
    expect(design).toEqual({
      ...minimal,
      choices: { ...minimal.choices, plugins: ['cilium'] },
      nodePools: [
        {
          name: 'control-plane',
          role: 'control-plane',
          os: 'ubuntu',
          runtime: 'containerd',
          size: 3,
          ...pool,
        },
        { name: 'workers', role: 'workers', os: 'ubuntu', runtime: 'containerd', size: 3, ...pool },
      ],
    })
    expect(design.apiVersion).toBe('stackwright.dev/v2')
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

  it('can be built as it is: the engine reports no violation', () => {
    expect(evaluate(newDesign('shop'), catalog).violations).toEqual([])
  })

  it('refuses a name that is not a DNS label', () => {
    expect(() => newDesign('My Shop')).toThrow(/cannot create a design named "My Shop"/)
    expect(() => newDesign('../x')).toThrow(/DNS-1123/)
  })
})
