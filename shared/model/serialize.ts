// Writes a Design back to YAML or JSON: schema key order, every field spelled out (so a reader
// sees the defaults), and output that parseDesign reads back to the same Design.
import { Document, isScalar, visit } from 'yaml'
import { z } from 'zod'
import { designSchema } from './schema'
import type { Design } from './schema'
import { unwrap } from './schema-keys'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Copies `value` with object keys in schema order; record keys in enum order, else sorted. */
function ordered(schema: z.ZodType, value: unknown): unknown {
  const node = unwrap(schema)
  if (node instanceof z.ZodObject && isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(node.shape as Record<string, z.ZodType>)) {
      const item = ordered(field, value[key])
      if (item !== undefined) out[key] = item
    }
    return out
  }
  if (node instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item: unknown) => ordered(node.element as z.ZodType, item))
  }
  if (node instanceof z.ZodRecord && isPlainObject(value)) {
    const keys =
      node.keyType instanceof z.ZodEnum
        ? node.keyType.options.map(String).filter((key) => Object.hasOwn(value, key))
        : Object.keys(value).sort()
    const out: Record<string, unknown> = {}
    for (const key of keys) out[key] = ordered(node.valueType as z.ZodType, value[key])
    return out
  }
  return value
}

function isEmptyRecord(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 0
}

// Optional containers stay out of the file until used; parsing fills them back in as {}.
const OMIT_WHEN_EMPTY = new Set(['decisions', 'risks'])

/** The design as a plain object ready to write: ordered, without empty decisions and risks. */
export function toDocumentObject(design: Design): Record<string, unknown> {
  const out = ordered(designSchema, design) as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(out).filter(
      ([key, value]) => !(OMIT_WHEN_EMPTY.has(key) && isEmptyRecord(value)),
    ),
  )
}

/** Serialises a design as a design file; `parseDesign` of the result equals `design`. */
export function serializeDesign(design: Design, format: 'yaml' | 'json'): string {
  const object = toDocumentObject(design)
  if (format === 'json') return `${JSON.stringify(object, null, 2)}\n`
  // Shared sub-objects must be written twice, not as anchors and aliases.
  const doc = new Document(object, { aliasDuplicateObjects: false })
  // Short lists of names and ports read best inline, as in the documented example.
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true
    },
  })
  return doc.toString({ flowCollectionPadding: false })
}
