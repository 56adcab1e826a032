// Serialises manifests as multi-document YAML: key order as built, no line folding, stable output.
import { stringify } from 'yaml'
import type { JsonObject } from './types'

/** YAML documents separated by `---`, ending in a newline. */
export function toYamlDocuments(objects: readonly JsonObject[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n')
}
