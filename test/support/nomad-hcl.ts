// Parses HCL2 with HashiCorp's own HCL library (Go, compiled to WebAssembly in @cdktf/hcl2json).
import { parse } from '@cdktf/hcl2json'

/** hcl2json's JSON form: blocks are keyed by type, then label, each holding a list of bodies. */
export type HclJson = Record<string, unknown>

/** Parses HCL text; rejects with the parser's message when the text is not valid HCL2. */
export async function parseHcl(text: string, file = 'input.hcl'): Promise<HclJson> {
  return (await parse(file, text)) as HclJson
}

/**
 * hcl2json writes strings in HCL's JSON syntax, where `${` and `%{` stay template openers and literal
 * ones are doubled: undo that to get the literal value.
 */
export function literal(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`not a string: ${JSON.stringify(value)}`)
  return value.replaceAll('$${', '${').replaceAll('%%{', '%{')
}

/** The single body of block `type "label"` inside `body`, failing loudly when it is absent or repeated. */
export function one(body: unknown, type: string, label?: string): Record<string, unknown> {
  const byType = (body as Record<string, unknown>)[type]
  const list =
    label === undefined ? byType : (byType as Record<string, unknown> | undefined)?.[label]
  if (!Array.isArray(list) || list.length !== 1) {
    throw new Error(`expected exactly one ${type}${label ? ` "${label}"` : ''} block`)
  }
  return list[0] as Record<string, unknown>
}

/** All bodies of an unlabelled block type (empty when absent). */
export function all(body: unknown, type: string): Record<string, unknown>[] {
  const list = (body as Record<string, unknown>)[type]
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : []
}
