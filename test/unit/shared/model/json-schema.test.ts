import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { DESIGN_SCHEMA_ID, designJsonSchema } from '../../../../shared/model/json-schema'
import { designText } from './fixtures'

const committedPath = fileURLToPath(
  new URL('../../../../assets/schema/design-v1.schema.json', import.meta.url),
)

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true })
  addFormats(ajv)
  return ajv.compile(designJsonSchema())
}

describe('designJsonSchema', () => {
  it('matches the committed assets/schema/design-v1.schema.json', () => {
    const committed: unknown = JSON.parse(readFileSync(committedPath, 'utf8'))
    expect(
      committed,
      'assets/schema/design-v1.schema.json is stale: run `npm run schema` and commit the result',
    ).toEqual(designJsonSchema())
  })

  it('carries an id, a title and a description', () => {
    const schema = designJsonSchema()
    expect(schema.$id).toBe(DESIGN_SCHEMA_ID)
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(typeof schema.title).toBe('string')
    expect(typeof schema.description).toBe('string')
  })

  it.each(['valid-minimal.yaml', 'valid-full.yaml', 'valid-minimal.json', 'app-observes.yaml'])(
    'accepts the valid fixture %s',
    (name) => {
      const validate = validator()
      expect(validate(parseYaml(designText(name))), JSON.stringify(validate.errors)).toBe(true)
    },
  )

  it('rejects an unknown field, a bad enum value and a missing name', () => {
    const validate = validator()
    const base = parseYaml(designText('valid-minimal.yaml')) as Record<string, unknown>
    expect(validate({ ...base, workload: [] })).toBe(false)
    expect(validate.errors?.[0]).toMatchObject({
      keyword: 'additionalProperties',
      params: { additionalProperty: 'workload' },
    })
    expect(validate({ ...base, context: { cloud: 'mars' } })).toBe(false)
    expect(validate({ ...base, metadata: {} })).toBe(false)
  })
})
