// Validates JSON against the ECS API model shipped in @aws-sdk/client-ecs (the smithy schema the SDK
// serialises with): member names, required members, primitive types, lists and maps, recursively.
import { NormalizedSchema } from '@smithy/core/schema'
import { RegisterTaskDefinitionRequest$ } from '@aws-sdk/client-ecs'

type SchemaRef = Parameters<typeof NormalizedSchema.of>[0]

/** The RegisterTaskDefinition input shape. */
export const REGISTER_TASK_DEFINITION_INPUT: SchemaRef = RegisterTaskDefinitionRequest$

/** Problems found, as `path: message`; empty when the value fits the shape. */
export function checkAgainstModel(value: unknown, schema: SchemaRef, path = '$'): string[] {
  return check(value, NormalizedSchema.of(schema), path)
}

function check(value: unknown, ns: NormalizedSchema, path: string): string[] {
  if (ns.isStructSchema()) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return [`${path}: expected an object`]
    }
    const members = ns.getMemberSchemas()
    const errors: string[] = []
    for (const key of Object.keys(value)) {
      const member = members[key]
      if (!member) errors.push(`${path}: unknown member "${key}"`)
      else errors.push(...check((value as Record<string, unknown>)[key], member, `${path}.${key}`))
    }
    for (const key of requiredMembers(ns)) {
      if (!(key in value)) errors.push(`${path}: missing required member "${key}"`)
    }
    return errors
  }
  if (ns.isListSchema()) {
    if (!Array.isArray(value)) return [`${path}: expected a list`]
    return value.flatMap((item, i) => check(item, ns.getValueSchema(), `${path}[${i}]`))
  }
  if (ns.isMapSchema()) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return [`${path}: expected a map`]
    }
    return Object.entries(value).flatMap(([k, v]) => check(v, ns.getValueSchema(), `${path}.${k}`))
  }
  if (ns.isStringSchema()) return typeof value === 'string' ? [] : [`${path}: expected a string`]
  if (ns.isBooleanSchema()) return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`]
  if (ns.isNumericSchema()) {
    return Number.isInteger(value) ? [] : [`${path}: expected an integer`]
  }
  return [`${path}: unexpected shape kind`]
}

/** Smithy static structure schemas list the required members first and give their count last. */
function requiredMembers(ns: NormalizedSchema): string[] {
  const raw = ns.getSchema() as unknown as unknown[]
  const names = raw[4] as string[]
  const count = typeof raw[6] === 'number' ? raw[6] : 0
  return names.slice(0, count)
}
