import { describe, expect, it } from 'vitest'
import {
  CURRENT_API_VERSION,
  MIGRATIONS,
  SUPPORTED_API_VERSIONS,
  migrateToCurrent,
} from '../../../../shared/model/migrate'
import { v1ToV2 } from '../../../../shared/model/migrate-v1'
import { API_VERSION_V1ALPHA1, v1alpha1ToV1 } from '../../../../shared/model/migrate-v1alpha1'
import { parseDesign } from '../../../../shared/model/parse'
import { API_VERSION_V2 } from '../../../../shared/model/schema'
import type { Design } from '../../../../shared/model/schema'
import { API_VERSION_V1 } from '../../../../shared/model/schema-v1'
import { designErrors, designText } from './fixtures'

// The v1 -> v2 step has its own tests in migrate-v1.test.ts.

/** The legacy fixture as it reads in v1, written by hand. */
const LEGACY_AS_V1 = `apiVersion: stackwright.dev/v1
kind: Design
metadata:
  name: legacy-shop
  title: Legacy shop
context:
  cloud: gcp
  nodes: 5
choices:
  orchestrator: gke
  runtime: containerd
  os: cos
  plugins: [cilium, falco, prometheus]
isolation:
  network: default-deny
workloads:
  - name: web
    image: ghcr.io/acme/web:1.0.0
    ports: [8080]
    talksTo: [api]
  - name: api
    image: ghcr.io/acme/api:1.0.0
    ports: [9090]
`

/** A loaded design, checked to be v2. */
function current(design: Design): Design {
  expect(design.apiVersion).toBe(API_VERSION_V2)
  return design
}

const alpha = (spec: string) =>
  `apiVersion: stackwright.dev/v1alpha1\nkind: Design\nmetadata:\n  name: shop\nspec:\n${spec}`

describe('migration from stackwright.dev/v1alpha1', () => {
  it('loads a v1alpha1 file as the same design as its hand-written v1 form, both as v2', () => {
    const migrated = parseDesign(designText('legacy-v1alpha1.yaml'))
    const fromV1 = parseDesign(LEGACY_AS_V1)
    expect(migrated.ok && migrated.migratedFrom).toBe(API_VERSION_V1ALPHA1)
    expect(fromV1.ok && fromV1.migratedFrom).toBe(API_VERSION_V1)
    expect(migrated.ok && current(migrated.design)).toEqual(fromV1.ok && current(fromV1.design))
    expect(migrated.ok && migrated.design.nodePools.map((p) => [p.os, p.runtime, p.size])).toEqual([
      ['cos', 'containerd', 5],
    ])
  })

  it('points schema errors at the file as written, not at the migrated document', () => {
    expect(designErrors('legacy-v1alpha1-invalid.yaml')).toEqual([
      expect.objectContaining({
        // The plugin list was one string, so the error points at that string.
        path: 'spec.stack.plugins',
        line: 9,
        column: 14,
        hint: 'did you mean "falco"?',
      }),
    ])
    const result = parseDesign(
      alpha('  workloads:\n    - name: web\n      image: nginx:1.27\n      talksTo: [apu]\n'),
    )
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({ path: 'spec.workloads[0].talksTo[0]', line: 9, column: 17 }),
    ])
  })

  it('refuses fields v1alpha1 never had, suggesting the right one', () => {
    const result = parseDesign(alpha('  stak:\n    orchestrator: eks\n'))
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({
        path: 'spec.stak',
        line: 6,
        column: 3,
        hint: 'did you mean "stack"?',
      }),
    ])
  })

  it('refuses a spec that is not a mapping', () => {
    const result = parseDesign(
      'apiVersion: stackwright.dev/v1alpha1\nkind: Design\nmetadata: { name: x }\nspec: [1]\n',
    )
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({ path: 'spec', line: 4, message: 'expected a mapping, got a list' }),
    ])
  })

  it('keeps a plugin list that is already a list, and does not touch its input', () => {
    const input = {
      apiVersion: API_VERSION_V1ALPHA1,
      kind: 'Design',
      metadata: { name: 'x' },
      spec: { stack: { plugins: ['cilium'] } },
    }
    const before = structuredClone(input)
    const result = v1alpha1ToV1.migrate(input)
    expect(input).toEqual(before)
    expect(result.ok && result.value.choices).toEqual({ plugins: ['cilium'] })
  })
})

describe('apiVersion checks', () => {
  it('a newer version says it was written by a newer Stackwright', () => {
    expect(designErrors('newer-version.yaml')).toEqual([
      {
        path: 'apiVersion',
        line: 1,
        column: 13,
        message:
          'this file was written by a newer Stackwright (apiVersion stackwright.dev/v3); this version reads stackwright.dev/v2, stackwright.dev/v1, stackwright.dev/v1alpha1',
        hint: 'update Stackwright to open it',
      },
    ])
  })

  it('an unknown version lists the supported ones and suggests the closest', () => {
    expect(designErrors('unknown-version.yaml')).toEqual([
      {
        path: 'apiVersion',
        line: 1,
        column: 13,
        message:
          'unknown apiVersion "stackwright.dev/V2"; supported versions: stackwright.dev/v2, stackwright.dev/v1, stackwright.dev/v1alpha1',
        hint: 'did you mean "stackwright.dev/v2"?',
      },
    ])
  })

  it('an older but unsupported version of ours is unknown, not newer', () => {
    const result = migrateToCurrent({ apiVersion: 'stackwright.dev/v1beta1' })
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(/^unknown apiVersion/)
  })

  it('a missing or non-text apiVersion is an error on that field', () => {
    const missing = parseDesign('kind: Design\nmetadata: { name: x }\n')
    expect(missing.ok ? [] : missing.errors).toEqual([
      expect.objectContaining({
        path: 'apiVersion',
        line: 1,
        column: 1,
        message: 'missing required field "apiVersion"',
      }),
    ])
    const number = parseDesign('apiVersion: 1\nkind: Design\n')
    expect(number.ok ? [] : number.errors[0]?.message).toBe('expected text, got the number 1')
  })
})

describe('migration registry', () => {
  it('every step leads to the current version, one step at a time', () => {
    const froms = MIGRATIONS.map((step) => step.from)
    expect(new Set(froms).size).toBe(froms.length)
    expect(froms).not.toContain(CURRENT_API_VERSION)
    for (const step of MIGRATIONS) {
      expect([CURRENT_API_VERSION, ...froms]).toContain(step.to)
    }
    expect(SUPPORTED_API_VERSIONS).toEqual([CURRENT_API_VERSION, ...[...froms].reverse()])
  })

  it('reads v2 now, and v1 and v1alpha1 through migrations', () => {
    expect(CURRENT_API_VERSION).toBe(API_VERSION_V2)
    expect(SUPPORTED_API_VERSIONS).toEqual([API_VERSION_V2, API_VERSION_V1, API_VERSION_V1ALPHA1])
    expect(MIGRATIONS).toContain(v1ToV2)
    expect(v1ToV2).toMatchObject({ from: API_VERSION_V1, to: API_VERSION_V2 })
  })

  it('a current file is not migrated', () => {
    const result = migrateToCurrent({ apiVersion: CURRENT_API_VERSION })
    expect(result.ok && result.migratedFrom).toBeUndefined()
    expect(result.ok && result.toSourcePath(['workloads', 0])).toEqual(['workloads', 0])
  })
})
