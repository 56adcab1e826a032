// Endpoint edits: new endpoints are valid for their kind, renames carry flows along, removals drop
// them, and a kind change keeps the fields the kind takes.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/index'
import {
  withEndpointAdded,
  withEndpointRemoved,
  withEndpointUpdated,
} from '../../../../renderer/store/endpoint-edits'
import { ENDPOINT_KINDS } from '../../../../shared/model/schema'
import { validateDesign } from '../../../../renderer/store/validation'
import { makeDesign } from '../../../support/designs'

describe('endpoint edits', () => {
  it.each(ENDPOINT_KINDS)('adds a valid %s endpoint with a fresh name', (kind) => {
    const design = withEndpointAdded(makeDesign(), kind)
    expect(validateDesign(design)).toEqual({})
    expect(new Set(design.endpoints.map((e) => e.name)).size).toBe(design.endpoints.length)
  })

  it('an internet endpoint with a load balancer lets public workloads in', () => {
    const design = makeDesign()
    const withoutIngress = { ...design, endpoints: [] }
    expect(evaluate(withoutIngress, catalog).violations.map((v) => v.id)).toContain(
      'COMPAT-PUBLIC-NO-INGRESS',
    )
    const added = withEndpointAdded(withoutIngress, 'internet')
    expect(evaluate(added, catalog).violations.map((v) => v.id)).not.toContain(
      'COMPAT-PUBLIC-NO-INGRESS',
    )
  })

  it('renames flows along and drops them on removal', () => {
    const base = withEndpointAdded(makeDesign(), 'external')
    const index = base.endpoints.length - 1
    const name = base.endpoints[index]?.name ?? ''
    const talking = {
      ...base,
      workloads: base.workloads.map((w, i) => (i === 1 ? { ...w, talksTo: [name] } : w)),
    }
    const renamed = withEndpointUpdated(talking, index, { name: 'stripe' })
    expect(renamed.workloads[1]?.talksTo).toEqual(['stripe'])
    expect(validateDesign(renamed)).toEqual({})
    const removed = withEndpointRemoved(renamed, index)
    expect(removed.workloads[1]?.talksTo).toEqual([])
  })

  it('a kind change keeps only the fields the new kind takes', () => {
    const base = withEndpointAdded(makeDesign(), 'external')
    const index = base.endpoints.length - 1
    const internet = withEndpointUpdated(base, index, { kind: 'internet' })
    expect(internet.endpoints[index]).toMatchObject({
      hosts: [],
      cidrs: [],
      ingress: 'load-balancer',
    })
    const back = withEndpointUpdated(internet, index, { kind: 'external' })
    expect(back.endpoints[index]).toMatchObject({ ingress: 'none' })
    expect(validateDesign(back)).toEqual({})
  })
})
