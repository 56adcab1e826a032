// The Compose Specification JSON Schema (test/fixtures/schemas/compose-spec.json), compiled once with ajv.
import Ajv, { type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import draft7 from 'ajv/dist/refs/json-schema-draft-07.json'
import { readFileSync } from 'node:fs'

const SCHEMA_PATH = new URL('../fixtures/schemas/compose-spec.json', import.meta.url)

const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
// The spec names its meta-schema by the https URL, which ajv registers only under http.
ajv.addMetaSchema({ ...draft7, $id: 'https://json-schema.org/draft-07/schema' })
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object)

/** Schema errors for a parsed compose file; empty when it is valid. */
export function composeSchemaErrors(doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : [...(validate.errors ?? [])]
}
