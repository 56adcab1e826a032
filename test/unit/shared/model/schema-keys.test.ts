import { describe, expect, it } from 'vitest'
import { allowedKeysAt } from '../../../../shared/model/schema-keys'
import { DECISION_DIMENSIONS } from '../../../../shared/model/schema'

describe('allowedKeysAt', () => {
  it('reads field names through defaults, lists and records', () => {
    expect(allowedKeysAt(['metadata'])).toEqual(['name', 'title', 'owner'])
    expect(allowedKeysAt(['workloads', 3, 'needs'])).toEqual([
      'writablePaths',
      'capabilities',
      'hostAccess',
      'apiAccess',
      'justification',
    ])
    expect(allowedKeysAt(['risks', 'RISK-X'])).toEqual(['treatment', 'note'])
  })

  it('offers the enum keys of a record with fixed keys', () => {
    expect(allowedKeysAt(['decisions'])).toEqual([...DECISION_DIMENSIONS])
  })

  it('knows nothing below a leaf or off the schema', () => {
    expect(allowedKeysAt(['metadata', 'name'])).toEqual([])
    expect(allowedKeysAt(['nope'])).toEqual([])
    expect(allowedKeysAt(['toString'])).toEqual([])
  })
})
