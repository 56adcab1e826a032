// The design file as JSON Schema, for editors (YAML language server, VS Code) and other tools.
import { z } from 'zod'
import { designSchema } from './schema'
import { designSchemaV1 } from './schema-v1'

export const DESIGN_SCHEMA_ID = 'https://stackwright.dev/schemas/design-v2.schema.json'
export const DESIGN_SCHEMA_V1_ID = 'https://stackwright.dev/schemas/design-v1.schema.json'

/** JSON Schema of a v2 design file as written (defaults optional), generated from the zod schema. */
export function designJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(designSchema, { io: 'input' })
  return {
    $schema,
    $id: DESIGN_SCHEMA_ID,
    title: 'Stackwright design file (stackwright.dev/v2)',
    description:
      'A container platform design: context, orchestrator and plugins, node pools, isolation, endpoints, workloads, decisions and accepted risks. Cross-references (talksTo, observes, pools, unique names) are checked by Stackwright, not by this schema.',
    ...rest,
  }
}

/**
 * JSON Schema of a v1 design file, still published for editors of files not yet migrated (Stackwright
 * reads them and writes them back as v2).
 */
export function designJsonSchemaV1(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(designSchemaV1, { io: 'input' })
  return {
    $schema,
    $id: DESIGN_SCHEMA_V1_ID,
    title: 'Stackwright design file (stackwright.dev/v1)',
    description:
      'A container platform design: context, stack choices, isolation, workloads, decisions and accepted risks. Cross-references (talksTo, observes, unique names) are checked by Stackwright, not by this schema.',
    ...rest,
  }
}
