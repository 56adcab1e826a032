// The design file as JSON Schema, for editors (YAML language server, VS Code) and other tools.
import { z } from 'zod'
import { designSchemaV1 } from './schema'

export const DESIGN_SCHEMA_ID = 'https://stackwright.dev/schemas/design-v1.schema.json'

/** JSON Schema of a v1 design file as written (defaults optional), generated from the zod schema. */
export function designJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(designSchemaV1, { io: 'input' })
  return {
    $schema,
    $id: DESIGN_SCHEMA_ID,
    title: 'Stackwright design file (stackwright.dev/v1)',
    description:
      'A container platform design: context, stack choices, isolation, workloads, decisions and accepted risks. Cross-references (talksTo, observes, unique names) are checked by Stackwright, not by this schema.',
    ...rest,
  }
}
