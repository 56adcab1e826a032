// Writes the committed JSON Schema of the design file (assets/schema/design-v2.schema.json)
// from the zod schema. Run `npm run schema` after changing shared/model/schema.ts.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import prettier from 'prettier'
import { designJsonSchema } from '../shared/model/json-schema'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const target = resolve(root, 'assets/schema/design-v2.schema.json')

// Formatted with the repo's prettier config so `npm run format:check` accepts the file as written.
const config = (await prettier.resolveConfig(target)) ?? {}
const text = await prettier.format(JSON.stringify(designJsonSchema()), {
  ...config,
  parser: 'json',
})
await mkdir(dirname(target), { recursive: true })
await writeFile(target, text)
console.log(`wrote ${target}`)
