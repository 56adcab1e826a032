// Serialises manifests as multi-document YAML: key order as built, no line folding, stable output.
import { stringify } from 'yaml'
import { defaultStringWriter, fastStringify } from '../fast-yaml'
import type { JsonObject } from './types'

/** YAML documents separated by `---`, ending in a newline. */
export function toYamlDocuments(objects: readonly JsonObject[]): string {
  // One writer per file: its memo of rendered values is shared by the file's documents.
  const writer = defaultStringWriter()
  return objects
    .map((o) => fastStringify(o, writer) ?? stringify(o, { lineWidth: 0 }))
    .join('---\n')
}
