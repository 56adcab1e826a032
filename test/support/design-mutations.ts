// fast-check mutations of design files for the loader's fuzz test: byte-level edits of the raw
// file, and structure-aware edits of the parsed document re-serialised as YAML or JSON.
import fc from 'fast-check'
import YAML from 'yaml'
import { ORCHESTRATOR_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../../shared/catalog/ids'
import { LINUX_CAPABILITIES, TREATMENTS } from '../../shared/model/schema'

const utf8 = new TextEncoder()
const bytes = (...values: number[]) => new Uint8Array(values)

/** YAML syntax, scalars of every type, and byte sequences that are not UTF-8 text. */
export const SPLICE_TOKENS: readonly Uint8Array[] = [
  ...[
    ': ',
    '- ',
    '-',
    '[',
    ']',
    '{',
    '}',
    ',',
    '? ',
    ':',
    '|',
    '|-',
    '>',
    '>+',
    '"',
    "'",
    '#',
    '# c',
  ],
  ...[
    '&a ',
    '*a',
    '&b ',
    '*b',
    '!!str ',
    '!!binary ',
    '!x ',
    '!<tag:x> ',
    '<<: *a',
    '<<: ',
    '@',
    '`',
  ],
  ...['---\n', '...\n', '%YAML 1.2\n', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '\n', '\n\n', '\t'],
  ...['\r', '\r\n', '\u2028', '\u0085', '\uFEFF', '\u00a0', '~', 'null', 'yes', 'no', 'on', 'NO'],
  ...[
    '0x1F',
    '0o17',
    '1e9',
    '-.inf',
    '.nan',
    '1_000',
    '12:30:00',
    '2001-12-14',
    '-0',
    '9'.repeat(40),
  ],
  ...['"\\0"', '"\\u0000"', '"\\x07"', '"\\ud800"', "'it''s'", '\\', '${X}', '$$', '../', '/etc'],
  ...['<script>', '=cmd|', 'é', '😀', '\u0301', 'x'.repeat(300), '[[[[[[[[', '{a: {b: {c: '],
  ...[
    '  - name: web\n    image: nginx:1\n',
    'workloads:\n',
    '  talksTo: [web]\n',
    'apiVersion: x\n',
  ],
]
  .map((t) => utf8.encode(t))
  .concat([
    bytes(0x00),
    bytes(0x07),
    bytes(0x1b),
    bytes(0x7f),
    bytes(0xc0, 0xaf),
    bytes(0xed, 0xa0, 0x80),
    bytes(0xf8, 0x88, 0x80, 0x80, 0x80),
    bytes(0xff, 0xfe),
    bytes(0xfe, 0xff),
    bytes(0xe2, 0x82),
    bytes(0x80),
    bytes(0xef, 0xbb, 0xbf),
  ])

/** One edit of a file's bytes or lines; positions are taken modulo the current length. */
export type ByteMutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'insert'; at: number; data: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'splice'; at: number; token: Uint8Array }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate-lines'; at: number; count: number }
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'indent'; at: number; by: number; tab: boolean }

const at = fc.nat()

/** Any single byte-level edit. */
export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert'),
    at,
    data: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete'), at, count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('splice'), at, token: fc.constantFrom(...SPLICE_TOKENS) }),
  fc.record({ kind: fc.constant('truncate'), at }),
  fc.record({ kind: fc.constant('duplicate-lines'), at, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('delete-lines'), at, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('swap-lines'), at, other: fc.nat() }),
  fc.record({
    kind: fc.constant('indent'),
    at,
    by: fc.integer({ min: -6, max: 6 }),
    tab: fc.boolean(),
  }),
)

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** Line spans of `data` (each line keeps its '\n'), so line edits work on binary input too. */
function lines(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = []
  let start = 0
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0x0a) {
      out.push(data.subarray(start, i + 1))
      start = i + 1
    }
  }
  if (start < data.length || out.length === 0) out.push(data.subarray(start))
  return out
}

function reindent(line: Uint8Array, by: number, tab: boolean): Uint8Array {
  if (tab) return concat(bytes(0x09), line)
  if (by >= 0) return concat(new Uint8Array(by).fill(0x20), line)
  let drop = 0
  while (drop < -by && line[drop] === 0x20) drop++
  return line.subarray(drop)
}

/** Applies one edit; the input is not changed. */
export function applyByteMutation(data: Uint8Array, m: ByteMutation): Uint8Array {
  const pos = m.at % (data.length + 1)
  switch (m.kind) {
    case 'flip': {
      if (data.length === 0) return data
      const out = data.slice()
      const i = m.at % data.length
      out[i] = (out[i] as number) ^ m.mask
      return out
    }
    case 'insert':
      return concat(data.subarray(0, pos), m.data, data.subarray(pos))
    case 'splice':
      return concat(data.subarray(0, pos), m.token, data.subarray(pos))
    case 'delete':
      return concat(data.subarray(0, pos), data.subarray(pos + m.count))
    case 'truncate':
      return data.subarray(0, pos)
    default:
      return applyLineMutation(data, m)
  }
}

function applyLineMutation(
  data: Uint8Array,
  m: Extract<ByteMutation, { kind: `${string}-lines` | 'indent' }>,
): Uint8Array {
  const all = lines(data)
  const i = m.at % all.length
  switch (m.kind) {
    case 'duplicate-lines': {
      const copy = all.slice(i, i + m.count)
      // A last line without '\n' would merge with its copy; give the copy its own line.
      const last = copy[copy.length - 1]
      if (last !== undefined && last[last.length - 1] !== 0x0a)
        copy[copy.length - 1] = concat(last, bytes(0x0a))
      all.splice(i, 0, ...copy)
      break
    }
    case 'delete-lines':
      all.splice(i, m.count)
      break
    case 'swap-lines': {
      const j = m.other % all.length
      const a = all[i] as Uint8Array
      all[i] = all[j] as Uint8Array
      all[j] = a
      break
    }
    case 'indent':
      all[i] = reindent(all[i] as Uint8Array, m.by, m.tab)
      break
  }
  return concat(...all)
}

/** A parsed JSON-like document. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Segment = string | number

/** Every path in `value`, the root (`[]`) first. */
export function pathsOf(value: Json, prefix: Segment[] = []): Segment[][] {
  const out: Segment[][] = [prefix]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])))
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]))
  return out
}

function get(value: Json, path: readonly Segment[]): Json | undefined {
  let node: Json | undefined = value
  for (const s of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = Array.isArray(node) ? node[s as number] : node[s as string]
  }
  return node
}

/** Text of many kinds: near-miss ids, hostile payloads, control characters, very long text. */
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...ORCHESTRATOR_IDS, ...RUNTIME_IDS, ...PLUGIN_IDS, ...TREATMENTS),
  fc.constantFrom(...LINUX_CAPABILITIES, 'Kubernetes', 'kubernetez', 'CAP_SYS_ADMIN', 'latest'),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '%%{init: {}}%%',
    '=cmd|x',
    '../x',
    '/etc',
    'a\u0000b',
  ),
  fc.constantFrom(
    'x'.repeat(4001),
    'y'.repeat(201),
    'stackwright.dev/v1',
    'stackwright.dev/v1alpha1',
  ),
  fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/),
)

/** A nested list deeper than any design, up to past the loader's depth limit. */
const deep = fc.integer({ min: 2, max: 90 }).map((depth) => {
  let value: Json = 'bottom'
  for (let i = 0; i < depth; i++) value = [value]
  return value
})

/** A value of a random type, shaped like design fields or not at all. */
export const anyValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(0, -1, 1.5, 1e21, 2 ** 53, -0, 65536, 5001),
    text,
    deep,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value

/** One edit of the parsed document; `path` and `from` pick paths modulo the number of paths. */
export type StructureMutation =
  | { kind: 'set'; path: number; value: Json }
  | { kind: 'delete'; path: number }
  | { kind: 'rename'; path: number; key: string }
  | { kind: 'duplicate'; path: number }
  | { kind: 'graft'; path: number; from: number }

/** Any single structure-aware edit. */
export const structureMutation: fc.Arbitrary<StructureMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set'), path: at, value: anyValue }) },
  fc.record({ kind: fc.constant('delete'), path: at }),
  fc.record({ kind: fc.constant('rename'), path: at, key: text }),
  fc.record({ kind: fc.constant('duplicate'), path: at }),
  fc.record({ kind: fc.constant('graft'), path: at, from: at }),
)

/** Applies one edit to a deep copy of `doc` and returns the copy. */
export function applyStructureMutation(doc: Json, m: StructureMutation): Json {
  const root = structuredClone(doc)
  const paths = pathsOf(root)
  const path = paths[m.path % paths.length] as Segment[]
  if (path.length === 0) return m.kind === 'set' ? m.value : root
  const parent = get(root, path.slice(0, -1)) as Json[] | { [key: string]: Json }
  const last = path[path.length - 1] as Segment
  const replacement =
    m.kind === 'set'
      ? m.value
      : m.kind === 'graft'
        ? structuredClone(get(root, paths[m.from % paths.length] as Segment[]) ?? null)
        : undefined
  if (Array.isArray(parent)) {
    const i = last as number
    if (m.kind === 'delete') parent.splice(i, 1)
    else if (m.kind === 'duplicate' || m.kind === 'rename')
      parent.splice(i, 0, structuredClone(parent[i] as Json))
    else parent[i] = replacement as Json
    return root
  }
  const key = last as string
  if (m.kind === 'delete') Reflect.deleteProperty(parent, key)
  else if (m.kind === 'rename' || m.kind === 'duplicate') {
    const value = parent[key] as Json
    if (m.kind === 'rename') Reflect.deleteProperty(parent, key)
    parent[m.kind === 'rename' ? m.key : `${key}-copy`] = value
  } else parent[key] = replacement as Json
  return root
}

/** How a mutated document is written back: YAML in a few styles, or JSON. */
export type Serialisation = 'yaml' | 'yaml-flow' | 'yaml-quoted' | 'json' | 'json-compact'

export const serialisation: fc.Arbitrary<Serialisation> = fc.constantFrom(
  'yaml',
  'yaml-flow',
  'yaml-quoted',
  'json',
  'json-compact',
)

/** The document as text in the given style. */
export function serialise(doc: Json, how: Serialisation): string {
  switch (how) {
    case 'yaml':
      return YAML.stringify(doc)
    case 'yaml-flow':
      return YAML.stringify(doc, { collectionStyle: 'flow' })
    case 'yaml-quoted':
      return YAML.stringify(doc, { defaultStringType: 'QUOTE_DOUBLE', indent: 4 })
    case 'json':
      return JSON.stringify(doc, null, 2)
    case 'json-compact':
      return JSON.stringify(doc)
  }
}
