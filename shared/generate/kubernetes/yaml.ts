// Serialises manifests as multi-document YAML: key order as built, no line folding, stable output.
import { defaultStringWriter, fastStringify, stringifyLibrary } from '../fast-yaml'
import type { JsonObject } from './types'

/** YAML documents separated by `---`, ending in a newline. */
export function toYamlDocuments(objects: readonly JsonObject[]): string {
  // One writer per file: its memo of rendered values is shared by the file's documents.
  const writer = defaultStringWriter()
  return objects.map((o) => fastStringify(o, writer) ?? stringifyLibrary(o)).join('---\n')
}
