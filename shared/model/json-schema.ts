// The design file as JSON Schema, for editors (YAML language server, VS Code) and other tools.
import { z } from 'zod'
import { designSchema } from './schema'

export const DESIGN_SCHEMA_ID = 'https://stackwright.dev/schemas/design-v2.schema.json'

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
