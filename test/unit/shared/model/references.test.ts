import { describe, expect, it } from 'vitest'
import { checkReferences } from '../../../../shared/model/references'
import { parseDesign } from '../../../../shared/model/parse'
import { designErrors, designText, validDesign } from './fixtures'

describe('reference checks', () => {
  it('a duplicate workload name is reported on the second occurrence', () => {
    expect(designErrors('duplicate-names.yaml')).toEqual([
      {
        path: 'workloads[2].name',
        line: 10,
        column: 11,
        message: 'duplicate name "web": workloads[0] already uses it',
        hint: 'names must be unique; they become object and file names',
      },
    ])
  })

  it('a file whose only problems are references still gives its design as a draft', () => {
    const result = parseDesign(designText('duplicate-names.yaml'))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.draft?.design.workloads.map((w) => w.name)).toContain('web')
    expect(result.errors).toHaveLength(1)
  })

  it('a file that fails the schema gives no draft', () => {
    const result = parseDesign(
      'apiVersion: stackwright.dev/v2\nkind: Design\nmetadata:\n  name: Bad Name\n',
    )
    expect(!result.ok && result.draft).toBe(undefined)
  })

  it('workloads and endpoints share one set of names; node pools have their own', () => {
    const design = validDesign('valid-full.yaml')
    const [pool] = design.nodePools
    const [, stripe] = design.endpoints
    if (pool === undefined || stripe === undefined) throw new Error('valid-full.yaml changed')
    const clash = {
      ...design,
      endpoints: [...design.endpoints, { ...stripe, name: 'db' }],
      nodePools: [...design.nodePools, { ...pool, name: 'api' }],
    }
    expect(checkReferences(clash)).toEqual([
      {
        path: ['endpoints', 3, 'name'],
        message: 'duplicate name "db": workloads[2] already uses it',
        hint: 'names must be unique; they become object and file names',
      },
    ])
    const twoPools = { ...design, nodePools: [...design.nodePools, pool] }
    expect(checkReferences(twoPools)).toEqual([
      expect.objectContaining({
        path: ['nodePools', 2, 'name'],
        message: 'duplicate name "workers": nodePools[0] already uses it',
      }),
    ])
  })

  it('a workload on a pool that does not exist, with a suggestion', () => {
    const text = designText('bad-pool.yaml').replace('windows-servr', 'windows-server')
    const result = parseDesign(text.replace('NoScheduling', 'NoSchedule'))
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: 'workloads[0].pool',
        line: 19,
        column: 11,
        message: 'names no node pool "windos"',
        hint: 'did you mean "windows"?',
      },
    ])
  })

  it('endpoints whose fields do not fit their kind, and flows that misname endpoints', () => {
    expect(designErrors('endpoint-kinds.yaml')).toEqual([
      expect.objectContaining({
        path: 'endpoints[0].hosts',
        line: 7,
        message: 'external endpoint "stripe" lists no hosts or cidrs',
      }),
      expect.objectContaining({
        path: 'endpoints[1].hosts',
        line: 11,
        message: 'internet endpoint "internet" takes no hosts or cidrs',
      }),
      expect.objectContaining({
        path: 'endpoints[2].ingress',
        line: 14,
        message: 'only an internet endpoint has ingress; "s3" is cloud-api',
      }),
      expect.objectContaining({
        path: 'workloads[0].talksTo[1]',
        line: 18,
        column: 23,
        message: 'names no workload or endpoint "strip"',
        hint: 'did you mean "stripe"?',
      }),
      expect.objectContaining({
        path: 'workloads[0].observes[0]',
        line: 19,
        message: '"s3" is an endpoint; observes names workloads',
      }),
    ])
  })

  it('talksTo and observes naming no workload, with a suggestion or the list of names', () => {
    expect(designErrors('dangling-flow.yaml')).toEqual([
      {
        path: 'workloads[0].talksTo[0]',
        line: 8,
        column: 15,
        message: 'names no workload or endpoint "apx"',
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
