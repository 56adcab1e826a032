// A small HCL2 writer: every value goes through one escaping path, so design text can never become syntax.
import { unicodeEscapeControls } from '../../util/control-chars'

/** A value: strings are escaped literals; `expr` is an interpolation of a fixed, validated reference. */
export type HclValue =
  string | number | boolean | readonly HclValue[] | { readonly expr: string } | HclObject

/** An object constructor `{ key = value }` (used by Consul config entries). */
export interface HclObject {
  readonly object: readonly (readonly [string, HclValue])[]
}

export type HclNode =
  | { readonly kind: 'attr'; readonly name: string; readonly value: HclValue }
  | {
      readonly kind: 'block'
      readonly type: string
      readonly labels: readonly string[]
      readonly body: readonly HclNode[]
    }

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/
/** Runtime references Nomad resolves itself, e.g. `attr.kernel.name`, `NOMAD_UPSTREAM_ADDR_api`. */
const REFERENCE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

/** `name = value`. */
export function attr(name: string, value: HclValue): HclNode {
  return { kind: 'attr', name, value }
}

/** `type "label" { ... }`. */
export function block(type: string, labels: readonly string[], body: readonly HclNode[]): HclNode {
  return { kind: 'block', type, labels, body }
}

/** `"${ref}"`: a template that only interpolates a reference, never text. */
export function interpolation(reference: string): { readonly expr: string } {
  if (!REFERENCE.test(reference)) throw new Error(`not a plain reference: ${reference}`)
  return { expr: reference }
}

/**
 * A quoted HCL string literal: escapes quotes, backslashes, control and bidi characters (`\u202e`),
 * and doubles the template openers `${` and `%{` so text stays literal.
 */
export function quote(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    const next = text.charAt(i + 1)
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if ((ch === '$' || ch === '%') && next === '{') out += ch + ch
    else out += ch
  }
  return `"${unicodeEscapeControls(out)}"`
}

/** Renders nodes as HCL2, two-space indent, `=` aligned within each run of attributes (as `nomad fmt` does). */
export function render(nodes: readonly HclNode[], indent = ''): string {
  const lines: string[] = []
  let run: { name: string; value: HclValue }[] = []
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.name.length))
    for (const a of run) lines.push(`${indent}${a.name.padEnd(width)} = ${value(a.value, indent)}`)
    run = []
  }
  nodes.forEach((node, i) => {
    if (node.kind === 'attr') {
      checkIdentifier(node.name)
      run.push(node)
      return
    }
    flush()
    checkIdentifier(node.type)
    if (i > 0) lines.push('')
    const labels = node.labels.map((l) => ' ' + quote(l)).join('')
    if (node.body.length === 0) {
      lines.push(`${indent}${node.type}${labels} {}`)
      return
    }
    lines.push(`${indent}${node.type}${labels} {`)
    lines.push(render(node.body, indent + '  '))
    lines.push(`${indent}}`)
  })
  flush()
  return lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n')
}

function value(v: HclValue, indent: string): string {
  if (typeof v === 'string') return quote(v)
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`)
    return String(v)
  }
  if (typeof v === 'boolean') return String(v)
  if (isArray(v)) {
    // Lists of objects go one element per line, as Consul's examples write them.
    if (!v.some((x) => typeof x === 'object' && !isArray(x) && 'object' in x)) {
      return `[${v.map((x) => value(x, indent)).join(', ')}]`
    }
    const inner = indent + '  '
    return `[\n${v.map((x) => `${inner}${value(x, inner)},`).join('\n')}\n${indent}]`
  }
  if ('expr' in v) return `"\${${v.expr}}"`
  const inner = indent + '  '
  const width = Math.max(0, ...v.object.map(([k]) => k.length))
  const entries = v.object.map(([k, x]) => {
    checkIdentifier(k)
    return `${inner}${k.padEnd(width)} = ${value(x, inner)}`
  })
  return `{\n${entries.join('\n')}\n${indent}}`
}

function isArray(v: HclValue): v is readonly HclValue[] {
  return Array.isArray(v)
}

function checkIdentifier(name: string): void {
  if (!IDENTIFIER.test(name)) throw new Error(`not an HCL identifier: ${name}`)
}
