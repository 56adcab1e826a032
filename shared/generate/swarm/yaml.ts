// YAML that Docker's YAML 1.1 reader (docker stack deploy) and YAML 1.2 readers load to the same strings.
import YAML from 'yaml'

/** Serialises data, quoting every string scalar (key or value) that either YAML version would read as non-string. */
export function stringifyYaml(data: unknown): string {
  const doc = new YAML.Document(data)
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && !readsBackAsString(node.value))
        node.type = 'QUOTE_DOUBLE'
    },
  })
  return doc.toString({ lineWidth: 0 })
}

function readsBackAsString(text: string): boolean {
  try {
    return YAML.parse(text, { version: '1.1' }) === text && YAML.parse(text) === text
  } catch {
    return false
  }
}

/** Compose files interpolate `$VAR` and `${VAR}` everywhere; `$$` is a literal `$`, so free text stays inert. */
export function escapeInterpolation(text: string): string {
  return text.replaceAll('$', '$$$$')
}
