// Field validation: schema messages land on the field's path; duplicates are caught.
import { describe, expect, it } from 'vitest'
import { validateDesign } from '../../../../renderer/store/validation'
import { makeDesign } from '../../../support/designs'

describe('validateDesign', () => {
  it('finds nothing wrong with a valid design', () => {
    expect(validateDesign(makeDesign())).toEqual({})
  })

  it('puts schema messages on workload and metadata paths', () => {
    const d = makeDesign()
    const broken = {
      ...d,
      metadata: { ...d.metadata, name: 'Not A Label' },
      workloads: d.workloads.map((w, i) =>
        i === 1
          ? {
              ...w,
              image: 'UPPER CASE',
              ports: [0],
              needs: { ...w.needs, writablePaths: ['relative'] },
            }
          : w,
      ),
    }
    const issues = validateDesign(broken)
    expect(Object.keys(issues).sort()).toEqual([
      'metadata.name',
      'workloads[1].image',
      'workloads[1].needs.writablePaths[0]',
      'workloads[1].ports[0]',
    ])
  })

  it('flags the second workload with a name already taken', () => {
    const d = makeDesign()
    const dup = {
      ...d,
      workloads: [...d.workloads, { ...d.workloads[0]!, image: 'ghcr.io/x/y:1.0' }],
    }
    expect(validateDesign(dup)).toEqual({
      'workloads[2].name': 'another workload is already named "web"',
    })
  })
})
