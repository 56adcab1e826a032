import { describe, expect, it } from 'vitest'
import { allowedKeysAt } from '../../../../shared/model/schema-keys'
import { DECISION_DIMENSIONS } from '../../../../shared/model/schema'

describe('allowedKeysAt', () => {
  it('reads field names through defaults, lists and records', () => {
    expect(allowedKeysAt(['metadata'])).toEqual(['name', 'title', 'owner'])
    expect(allowedKeysAt(['workloads', 3, 'needs'])).toEqual([
      'writablePaths',
      'capabilities',
      'hostPaths',
      'hostNetwork',
      'hostPID',
      'privileged',
      'justification',
    ])
    expect(allowedKeysAt(['workloads', 0, 'identity'])).toEqual(['cloudRole', 'orchestratorApi'])
    expect(allowedKeysAt(['workloads', 0, 'identity', 'orchestratorApi', 2])).toEqual([
      'apiGroups',
      'resources',
      'verbs',
      'scope',
    ])
    expect(allowedKeysAt(['nodePools', 1])).toEqual([
      'name',
      'role',
      'os',
      'runtime',
      'sandboxes',
      'size',
      'virtualization',
      'labels',
      'taints',
    ])
    expect(allowedKeysAt(['nodePools', 1, 'taints', 0])).toEqual(['key', 'value', 'effect'])
    expect(allowedKeysAt(['endpoints', 0])).toEqual([
      'name',
      'kind',
      'ingress',
      'hosts',
      'cidrs',
      'ports',
      'services',
    ])
    expect(allowedKeysAt(['choices'])).toEqual(['orchestrator', 'plugins'])
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
