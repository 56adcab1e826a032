// Writes the committed JSON Schemas of the design file (assets/schema/design-v2.schema.json, and the
// v1 one still published for older files) from the zod schemas. Run `npm run schema` after changing
// shared/model/schema.ts.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import prettier from 'prettier'
import { designJsonSchema, designJsonSchemaV1 } from '../shared/model/json-schema'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const targets = [
  ['assets/schema/design-v2.schema.json', designJsonSchema()],
  ['assets/schema/design-v1.schema.json', designJsonSchemaV1()],
] as const

for (const [file, schema] of targets) {
  const target = resolve(root, file)
  // Formatted with the repo's prettier config so `npm run format:check` accepts the file as written.
  const config = (await prettier.resolveConfig(target)) ?? {}
  const text = await prettier.format(JSON.stringify(schema), { ...config, parser: 'json' })
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, text)
  console.log(`wrote ${target}`)
}
