import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import {
  DESIGN_SCHEMA_ID,
  DESIGN_SCHEMA_V1_ID,
  designJsonSchema,
  designJsonSchemaV1,
} from '../../../../shared/model/json-schema'
import { EXAMPLES_DIR, exampleFiles } from '../../../support/designs'
import { designText } from './fixtures'

const asset = (name: string) =>
  fileURLToPath(new URL(`../../../../assets/schema/${name}`, import.meta.url))
const V1_EXAMPLES_DIR = fileURLToPath(
  new URL('../../../fixtures/designs/v1-examples/', import.meta.url),
)
const v1Examples = readdirSync(V1_EXAMPLES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()

function validator(schema: Record<string, unknown>) {
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  addFormats(ajv)
  return ajv.compile(schema)
}
const validateV2 = validator(designJsonSchema())
const validateV1 = validator(designJsonSchemaV1())

const yamlOf = (file: string): unknown => parseYaml(readFileSync(file, 'utf8'))

describe('designJsonSchema (v2)', () => {
  it('matches the committed assets/schema/design-v2.schema.json', () => {
    const committed: unknown = JSON.parse(readFileSync(asset('design-v2.schema.json'), 'utf8'))
    expect(
      committed,
      'assets/schema/design-v2.schema.json is stale: run `npm run schema` and commit the result',
    ).toEqual(designJsonSchema())
  })

  it('carries an id, a title and a description', () => {
    const schema = designJsonSchema()
    expect(schema.$id).toBe(DESIGN_SCHEMA_ID)
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.title).toBe('Stackwright design file (stackwright.dev/v2)')
    expect(typeof schema.description).toBe('string')
  })

  it('has every example to validate', () => {
    expect(exampleFiles().length).toBeGreaterThanOrEqual(10)
  })

  it.each(exampleFiles())('accepts the example %s', (file) => {
    expect(validateV2(yamlOf(EXAMPLES_DIR + file)), JSON.stringify(validateV2.errors)).toBe(true)
  })

  it.each(['valid-minimal.yaml', 'valid-full.yaml', 'valid-minimal.json', 'app-observes.yaml'])(
    'accepts the valid fixture %s',
    (name) => {
      expect(validateV2(parseYaml(designText(name))), JSON.stringify(validateV2.errors)).toBe(true)
    },
  )

  it('rejects an unknown field, a bad enum value and a missing name', () => {
    const base = parseYaml(designText('valid-minimal.yaml')) as Record<string, unknown>
    expect(validateV2({ ...base, workload: [] })).toBe(false)
    expect(validateV2.errors?.[0]).toMatchObject({
      keyword: 'additionalProperties',
      params: { additionalProperty: 'workload' },
    })
    expect(validateV2({ ...base, context: { cloud: 'mars' } })).toBe(false)
    expect(validateV2({ ...base, metadata: {} })).toBe(false)
  })

  it('rejects v1 fields and a bad node pool or endpoint entry, pointing at it', () => {
    const base = parseYaml(designText('valid-full.yaml')) as Record<string, unknown>
    expect(validateV2({ ...base, choices: { orchestrator: 'eks', runtime: 'containerd' } })).toBe(
      false,
    )
    expect(validateV1(base)).toBe(false)
    expect(validateV2(parseYaml(designText('bad-pool.yaml')))).toBe(false)
    expect(validateV2.errors?.map((e) => e.instancePath)).toContain('/nodePools/1/os')
    expect(validateV2(parseYaml(designText('bad-endpoint.yaml')))).toBe(false)
    expect(validateV2.errors?.map((e) => e.instancePath)).toContain('/endpoints/0/hosts/0')
  })
})

describe('designJsonSchemaV1 (still published for v1 files)', () => {
  it('matches the committed assets/schema/design-v1.schema.json', () => {
    const committed: unknown = JSON.parse(readFileSync(asset('design-v1.schema.json'), 'utf8'))
    expect(
      committed,
      'assets/schema/design-v1.schema.json is stale: run `npm run schema` and commit the result',
    ).toEqual(designJsonSchemaV1())
    expect(designJsonSchemaV1().$id).toBe(DESIGN_SCHEMA_V1_ID)
  })

  it.each(v1Examples)('accepts the v1 example %s', (file) => {
    expect(validateV1(yamlOf(V1_EXAMPLES_DIR + file)), JSON.stringify(validateV1.errors)).toBe(true)
  })

  it('accepts the v1 fixture and refuses it as v2', () => {
    const v1 = parseYaml(designText('v1-full.yaml'))
    expect(validateV1(v1), JSON.stringify(validateV1.errors)).toBe(true)
    expect(validateV2(v1)).toBe(false)
  })
})
