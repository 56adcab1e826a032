import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { parseDesign } from '../../../../shared/model/parse'
import {
  designSchema,
  endpointSchema,
  nodePoolSchema,
  workloadSchema,
} from '../../../../shared/model/schema'
import type { Design } from '../../../../shared/model/schema'
import { serializeDesign } from '../../../../shared/model/serialize'
import { validDesign } from './fixtures'

const FIXTURES = [
  'valid-minimal.yaml',
  'valid-full.yaml',
  'valid-minimal.json',
  'legacy-v1alpha1.yaml',
  'v1-full.yaml',
  'app-observes.yaml',
]

function reparse(text: string): Design {
  const result = parseDesign(text)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.design
}

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  )
}

describe('serializeDesign', () => {
  it.each(FIXTURES)('round-trips %s through YAML and JSON', (name) => {
    const design = validDesign(name)
    expect(reparse(serializeDesign(design, 'yaml'))).toEqual(design)
    expect(reparse(serializeDesign(design, 'json'))).toEqual(design)
  })

  it('writes keys in schema order whatever order the object has', () => {
    const design = validDesign('valid-full.yaml')
    const text = serializeDesign(reversedKeys(design) as Design, 'yaml')
    expect(text).toBe(serializeDesign(design, 'yaml'))
    const written = parseYaml(text) as Record<string, unknown> & {
      workloads: object[]
      nodePools: object[]
      endpoints: object[]
    }
    expect(Object.keys(written)).toEqual(Object.keys(designSchema.shape))
    // Optional fields a workload leaves out stay out (web has no pool or sandbox).
    expect(Object.keys(written.workloads[0] ?? {})).toEqual(
      Object.keys(workloadSchema.shape).filter((key) => key !== 'pool' && key !== 'sandbox'),
    )
    expect(Object.keys(written.workloads[3] ?? {})).toEqual(Object.keys(workloadSchema.shape))
    expect(Object.keys(written.nodePools[0] ?? {})).toEqual(Object.keys(nodePoolSchema.shape))
    expect(Object.keys(written.endpoints[0] ?? {})).toEqual(Object.keys(endpointSchema.shape))
  })

  it('writes a migrated v1 design as v2', () => {
    const text = serializeDesign(validDesign('v1-full.yaml'), 'yaml')
    expect(text.startsWith('apiVersion: stackwright.dev/v2\n')).toBe(true)
    expect(text).not.toMatch(/hostAccess|apiAccess|runtimeClassForUntrusted/)
    const result = parseDesign(text)
    expect(result.ok && result.migratedFrom).toBeUndefined()
  })

  it('leaves out empty decisions and risks, and keeps them when used', () => {
    const minimal = validDesign('valid-minimal.yaml')
    const keys = Object.keys(JSON.parse(serializeDesign(minimal, 'json')) as object)
    expect(keys).not.toContain('decisions')
    expect(keys).not.toContain('risks')
    const full = JSON.parse(serializeDesign(validDesign('valid-full.yaml'), 'json')) as Design
    expect(Object.keys(full.decisions)).toEqual(['orchestrator', 'nodes', 'endpoints'])
    expect(Object.keys(full.risks)).toEqual(['RISK-FLAT-NETWORK'])
  })

  it('writes shared sub-objects out instead of as YAML aliases', () => {
    const design = validDesign('valid-full.yaml')
    const needs = design.workloads[0]?.needs
    const shared = {
      ...design,
      workloads: design.workloads.map((w) => (needs ? { ...w, needs } : w)),
    }
    const text = serializeDesign(shared, 'yaml')
    expect(text).not.toMatch(/[&*][a-z]+\d*\b/)
    expect(reparse(text)).toEqual(shared)
  })

  it('writes short lists inline, as the documented example does', () => {
    const text = serializeDesign(validDesign('valid-full.yaml'), 'yaml')
    expect(text).toContain('    ports: [8080]\n')
    expect(text).toContain('  plugins: [cilium, kyverno, falco, external-secrets, prometheus]\n')
    expect(text).toContain('    sandboxes: [kata]\n')
    expect(text).toContain('    hosts: [api.stripe.com]\n')
  })

  it('ends JSON with a newline and indents by two spaces', () => {
    const text = serializeDesign(validDesign('valid-minimal.yaml'), 'json')
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "apiVersion": "stackwright.dev/v2",')
  })
})
