// Reads the allowed field names at a path straight from the zod schema, so hints never drift
// from the schema.
import { z } from 'zod'
import type { PathSegment } from './errors'
import { designSchema } from './schema'

/** Strips defaults, optionals and pipes down to the schema that describes the value itself. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (;;) {
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodReadonly
    ) {
      current = current.unwrap() as z.ZodType
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType
    } else {
      return current
    }
  }
}

/** The schema node at a document path, or undefined when the path leaves the schema. */
export function schemaAt(
  path: readonly PathSegment[],
  root: z.ZodType = designSchema,
): z.ZodType | undefined {
  let current: z.ZodType = root
  for (const segment of path) {
    const node = unwrap(current)
    if (node instanceof z.ZodObject) {
      const shape = node.shape as Record<string, z.ZodType>
      const next = Object.hasOwn(shape, String(segment)) ? shape[String(segment)] : undefined
      if (next === undefined) return undefined
      current = next
    } else if (node instanceof z.ZodArray) {
      current = node.element as z.ZodType
    } else if (node instanceof z.ZodRecord) {
      current = node.valueType as z.ZodType
    } else {
      return undefined
    }
  }
  return unwrap(current)
}

/** Field names allowed in the mapping at `path`, in schema order ([] when unknown). */
export function allowedKeysAt(path: readonly PathSegment[]): string[] {
  const node = schemaAt(path)
  if (node instanceof z.ZodObject) return Object.keys(node.shape)
  if (node instanceof z.ZodRecord && node.keyType instanceof z.ZodEnum) {
    return node.keyType.options.map(String)
  }
  return []
}
