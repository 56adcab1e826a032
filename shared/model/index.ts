// Public API of the design model: load, validate, migrate, write and describe design files.
export * from './schema'
export type { DesignError, ParseResult } from './errors'
export { formatDesignError } from './errors'
export { parseDesign, parseDesignBytes } from './parse'
export type { ParseOptions } from './parse'
export { MAX_DESIGN_BYTES, MAX_DEPTH, MAX_ALIASES, MAX_ALIAS_EXPANSION, MAX_ERRORS } from './limits'
export { CURRENT_API_VERSION, MIGRATIONS, SUPPORTED_API_VERSIONS } from './migrate'
export type { MigrationStep } from './migrate'
export { API_VERSION_V1ALPHA1 } from './migrate-v1alpha1'
export { designFromV1, v1ToV2Document } from './migrate-v1'
export { API_VERSION_V1, designSchemaV1 } from './schema-v1'
export type { DesignInputV1, DesignV1 } from './schema-v1'
export { serializeDesign } from './serialize'
export { newDesign } from './new-design'
export {
  designJsonSchema,
  designJsonSchemaV1,
  DESIGN_SCHEMA_ID,
  DESIGN_SCHEMA_V1_ID,
} from './json-schema'
