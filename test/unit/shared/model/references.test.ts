import { describe, expect, it } from 'vitest'
import { checkReferences } from '../../../../shared/model/references'
import { designErrors, validDesign } from './fixtures'

describe('reference checks', () => {
  it('a duplicate workload name is reported on the second occurrence', () => {
    expect(designErrors('duplicate-names.yaml')).toEqual([
      {
        path: 'workloads[2].name',
        line: 10,
        column: 11,
        message: 'duplicate workload name "web": workloads[0] already uses it',
        hint: 'workload names must be unique; they become object and file names',
      },
    ])
  })

  it('talksTo and observes naming no workload, with a suggestion or the list of names', () => {
    expect(designErrors('dangling-flow.yaml')).toEqual([
      {
        path: 'workloads[0].talksTo[0]',
        line: 8,
        column: 15,
        message: 'names no workload "apx"',
        hint: 'did you mean "api"?',
      },
      {
        path: 'workloads[2].observes[1]',
        line: 15,
        column: 21,
        message: 'names no workload "cache"',
        hint: 'workloads are: web, api, agent',
      },
    ])
  })

  it('a workload talking to itself', () => {
    expect(designErrors('self-flow.yaml')).toEqual([
      expect.objectContaining({
        path: 'workloads[0].talksTo[0]',
        line: 10,
        column: 9,
        message: '"web" names the workload itself',
      }),
    ])
  })

  it('a workload reached by others must declare ports; the error names who reaches it', () => {
    expect(designErrors('missing-ports.yaml')).toEqual([
      expect.objectContaining({
        // ports is absent, so the error points at the workload's mapping.
        path: 'workloads[2].ports',
        line: 12,
        column: 5,
        message: 'api is reached by web, admin but declares no ports',
      }),
    ])
  })

  it('observes from an app workload is allowed', () => {
    expect(validDesign('app-observes.yaml').workloads[1]?.observes).toEqual(['web'])
  })

  it('finds nothing wrong in the documented example', () => {
    expect(checkReferences(validDesign('valid-full.yaml'))).toEqual([])
  })
})
