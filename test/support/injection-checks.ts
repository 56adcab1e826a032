// Checks that user text stays inert in generated artifacts: where it may appear in YAML, JSON, HCL,
// CSV, SARIF, Mermaid, Markdown and HTML, and what the structure of each file must not gain from it.
import { marked } from 'marked'
import { isScalar, parseAllDocuments, visit } from 'yaml'
import type { HclJson } from './nomad-hcl'
import { MARKER } from './hostile-designs'

/** What no generated file may hold raw: C0 but tab, LF and CRLF; DEL; C1; U+2028/9; Bidi_Control. */
export const RAW_CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\p{Bidi_Control}]|\r(?!\n)/u

/** `text` with ASCII controls but tab, LF and CRLF shown as `\x1b`, as documents show them. */
export function shownAsciiControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\r(?!\n)/g,
    (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
  )
}

/** Every index of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = []
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i)
  return out
}

/**
 * Parses every YAML document in `text` and returns the problems: syntax errors or warnings, the
 * marker inside a key, or any occurrence of the marker outside a string value (in a comment,
 * anchor, tag, plain non-string scalar or structure).
 */
export function yamlMarkerProblems(text: string): string[] {
  const problems: string[] = []
  const values: [number, number][] = []
  for (const doc of parseAllDocuments(text)) {
    problems.push(...doc.errors.map((e) => `YAML error: ${e.message}`))
    problems.push(...doc.warnings.map((e) => `YAML warning: ${e.message}`))
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && String(pair.key.value).includes(MARKER))
          problems.push(`marker in a key: ${JSON.stringify(pair.key.value).slice(0, 80)}`)
      },
      Scalar(key, node) {
        if (key === 'key') return
        if (typeof node.value === 'string' && node.range)
          values.push([node.range[0], node.range[1]])
      },
    })
  }
  for (const at of occurrences(text, MARKER)) {
    if (!values.some(([start, end]) => at >= start && at < end))
      problems.push(
        `marker outside a string value at offset ${at}: ${JSON.stringify(text.slice(at - 20, at + 20))}`,
      )
  }
  return problems
}

/** Paths of a parsed value's keys and list items with their types: equal for the same shape. */
export function shapeOf(value: unknown, prefix = '$'): string[] {
  if (Array.isArray(value))
    return [`${prefix}:list`, ...value.flatMap((v, i) => shapeOf(v, `${prefix}[${i}]`))]
  if (value !== null && typeof value === 'object')
    return [
      `${prefix}:map`,
      ...Object.entries(value).flatMap(([k, v]) => shapeOf(v, `${prefix}.${JSON.stringify(k)}`)),
    ]
  return [`${prefix}:${value === null ? 'null' : typeof value}`]
}

/** The plain values of every YAML document in `text`, read as YAML `version` (default 1.2). */
export function yamlValues(text: string, version: '1.1' | '1.2' = '1.2'): unknown[] {
  return parseAllDocuments(text, { version }).map((d) => d.toJS() as unknown)
}

/** The keys of a parsed value, at every depth. */
export function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf)
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
  return []
}

/** The string values of a parsed value, at every depth. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsOf)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf)
  return []
}

/** Strings of hcl2json output holding the marker with a live `${...}` or `%{...}` template. */
export function liveTemplates(hcl: HclJson): string[] {
  return stringsOf(hcl).filter(
    (s) => s.includes(MARKER) && (/(^|[^$])\$\{/.test(s) || /(^|[^%])%\{/.test(s)),
  )
}

/** RFC 4180 CSV into rows of cells (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

/** Mermaid blocks fenced in Markdown. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '')
}

// The statements the diagram generator writes, with every quoted label emptied: ids are generated
// (`inet`, `s0`, `w12`, `p0`, `e3`, the `platform` box), so nothing a user typed can stand outside the quotes.
const ID = '(?:inet|platform|[a-z]\\d+)'
const STATEMENTS = [
  /^flowchart (LR|TB|TD|RL|BT)$/,
  new RegExp(`^subgraph ${ID}\\[""\\]$`),
  /^end$/,
  new RegExp(
    `^${ID}(\\[""\\]|\\[\\(""\\)\\]|\\(\\(""\\)\\)|\\{\\{""\\}\\}|\\(\\[""\\]\\)|\\(""\\)|\\[\\[""\\]\\]|>""\\])$`,
  ),
  new RegExp(`^${ID} (-->|-\\.->|==>)(\\|""\\|)? ${ID}$`),
  /^classDef [a-z]+ [a-z0-9:#,.-]+$/,
  new RegExp(`^class ${ID}(,${ID})* [a-z]+$`),
]

/** Mermaid lines that are not one of the generator's own statement forms once labels are emptied. */
export function foreignMermaidLines(source: string): string[] {
  return source
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .filter((line) => !STATEMENTS.some((re) => re.test(line.replace(/"[^"]*"/g, '""'))))
}

/** Markdown rendered as GitHub would (GFM), to see what markup and links it really produces. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false })
}

/** Tag names in HTML, lower-cased. */
export function tagNames(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] ?? '').toLowerCase()),
  )
}

/** Attribute names and values of every start tag. */
export function attributes(html: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = []
  for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const a of tag[0].matchAll(/\s([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g))
      out.push({
        name: (a[1] ?? '').toLowerCase(),
        value: (a[2] ?? '').replace(/^["']|["']$/g, ''),
      })
  }
  return out
}
