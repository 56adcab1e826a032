// A fast path for the yaml library's `stringify(value, { lineWidth: 0 })` on generator data, with
// byte-identical output.
//
// Why: the library builds a node tree and runs its general stringifier on every scalar; a
// 1,000-workload kustomize tree spent about a second there. Generator data is plain maps, lists,
// whole numbers, booleans and mostly ASCII words, which the library writes in one fixed block
// style. This writes exactly that subset. For anything else (null, fractions, multi-line text,
// unusual keys, an object used twice, which the library would write as an anchor and alias) it
// returns undefined and the caller runs the library, so the output never depends on the path taken.
import { Document, visit } from 'yaml'
import { escapeJsonControls, unsafeCharInFile } from '../util/control-chars'

/** Writes one string scalar as the library would, or undefined to give up on the fast path. */
export interface StringWriter {
  /** A mapping key; `topLevel` for keys of the root mapping. */
  key(text: string, topLevel: boolean): string | undefined
  /** A value in a mapping or an item in a list. */
  value(text: string): string | undefined
}

/**
 * The library's `stringify(data, { lineWidth: 0 })`, except that strings for which `quote` holds, and
 * strings holding a control (but tab and line feed) or bidi character, are double-quoted. The library
 * escapes C0 there but leaves DEL, C1, U+2028/9 and bidi controls raw (YAML counts U+202E as
 * printable); those then become `\u` escapes, which YAML 1.1 and 1.2 read back as the same
 * characters, so the file holds none of them raw while every value stays exact.
 */
export function stringifyLibrary(data: unknown, quote?: (text: string) => boolean): string {
  const doc = new Document(data)
  visit(doc, {
    Scalar(_key, node) {
      if (
        typeof node.value === 'string' &&
        (unsafeCharInFile(node.value) !== undefined || quote?.(node.value) === true)
      )
        node.type = 'QUOTE_DOUBLE'
    },
  })
  return escapeJsonControls(doc.toString({ lineWidth: 0 }))
}

/** Printable ASCII without quotes or backslash: the library writes these plain or as `"text"`. */
const SIMPLE_CHARS = /^[\x20\x21\x23-\x26\x28-\x5b\x5d-\x7e]+$/

/** The library's test for text that cannot be a plain scalar (stringifyString.js, plainString). */
const NOT_PLAIN =
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/

/** Text the library quotes when it is a key of the root mapping (a document marker). */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/

/** Scalar tests of a schema that make plain text read back as something other than a string. */
export function nonStringTests(version: '1.1' | '1.2'): readonly RegExp[] {
  const tests: RegExp[] = []
  for (const tag of new Document(null, { version }).schema.tags) {
    const test = 'test' in tag ? tag.test : undefined
    if (tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && test !== undefined)
      tests.push(test)
  }
  return tests
}

const CORE_TESTS = nonStringTests('1.2')

/** Keys longer than this become explicit `? key` entries in the library's output. */
const MAX_IMPLICIT_KEY = 1024

/** True when the library writes simple ASCII text plain rather than double-quoted. */
export function writesPlain(text: string, topLevelKey: boolean): boolean {
  return !(
    NOT_PLAIN.test(text) ||
    (topLevelKey && DOCUMENT_MARKER.test(text)) ||
    CORE_TESTS.some((test) => test.test(text))
  )
}

/**
 * A one-line value as `render` (a whole-document stringifier) writes it, memoised in `cache`. The
 * library writes one-line text the same at any indentation (only line breaks depend on it), so the
 * value is rendered once, on its own, and reused. Multi-line text gives undefined.
 */
export function renderedValue(
  cache: Map<string, string | undefined>,
  text: string,
  render: (data: unknown) => string,
): string | undefined {
  if (cache.has(text)) return cache.get(text)
  let out: string | undefined
  if (!text.includes('\n')) {
    const doc = render({ k: text })
    if (doc.startsWith('k: ') && doc.endsWith('\n')) out = doc.slice(3, -1)
  }
  cache.set(text, out)
  return out
}

/** The library's default way of writing strings: simple ASCII decided here, other text by the library. */
export function defaultStringWriter(): StringWriter {
  // Keys and many values repeat in every manifest; the memos keep the regular expressions off the hot path.
  const keys = [new Map<string, string | undefined>(), new Map<string, string | undefined>()]
  const values = new Map<string, string | undefined>()
  const render = (data: unknown) => stringifyLibrary(data)
  return {
    key(text, topLevel) {
      const memo = keys[topLevel ? 1 : 0] as Map<string, string | undefined>
      if (memo.has(text)) return memo.get(text)
      const out =
        !SIMPLE_CHARS.test(text) || text.length > MAX_IMPLICIT_KEY - 2
          ? undefined
          : writesPlain(text, topLevel)
            ? text
            : `"${text}"`
      memo.set(text, out)
      return out
    },
    value(text) {
      const known = values.get(text)
      if (known !== undefined) return known
      if (SIMPLE_CHARS.test(text)) {
        const out = writesPlain(text, false) ? text : `"${text}"`
        values.set(text, out)
        return out
      }
      return renderedValue(values, text, render)
    },
  }
}

/** Stops the walk: the value holds something only the library writes correctly. */
class Unsupported extends Error {}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function scalar(value: unknown, writer: StringWriter): string {
  if (typeof value === 'string') {
    const out = writer.value(value)
    if (out === undefined) throw new Unsupported()
    return out
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0))
    return String(value)
  throw new Unsupported()
}

/** A walk over one document: remembers every collection, since a second use becomes an alias. */
class Emitter {
  private readonly seen = new Set<object>()

  constructor(private readonly writer: StringWriter) {}

  /** A list or mapping's entries (undefined mapping values are left out, as the library does). */
  private entries(value: object): unknown[] | [string, unknown][] {
    if (this.seen.has(value)) throw new Unsupported()
    this.seen.add(value)
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) throw new Unsupported()
      return value
    }
    if (!isPlainObject(value)) throw new Unsupported()
    return Object.entries(value).filter(([, v]) => v !== undefined)
  }

  /** A collection at `indent`: the text after its first line's indentation; empty ones are `[]`, `{}`. */
  collection(value: object, indent: string): { text: string; empty: boolean } {
    const items = this.entries(value)
    if (items.length === 0) return { text: Array.isArray(value) ? '[]' : '{}', empty: true }
    const lines: string[] = []
    if (Array.isArray(value)) {
      const inner = indent + '  '
      for (const item of items) lines.push('- ' + this.node(item, inner))
    } else {
      for (const [k, v] of items as [string, unknown][]) lines.push(this.pair(k, v, indent))
    }
    return { text: lines.join('\n' + indent), empty: false }
  }

  private pair(key: string, value: unknown, indent: string): string {
    const k = this.writer.key(key, indent === '')
    if (k === undefined) throw new Unsupported()
    const inner = indent + '  '
    if (typeof value !== 'object' || value === null) return `${k}: ${scalar(value, this.writer)}`
    const body = this.collection(value, inner)
    return body.empty ? `${k}: ${body.text}` : `${k}:\n${inner}${body.text}`
  }

  private node(value: unknown, indent: string): string {
    if (typeof value !== 'object' || value === null) return scalar(value, this.writer)
    return this.collection(value, indent).text
  }
}

/**
 * `value` (a mapping or list) as the library's `stringify(value, { lineWidth: 0 })` would write it
 * with `writer`'s string style, or undefined when the value needs the library.
 */
export function fastStringify(value: unknown, writer: StringWriter): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  try {
    return new Emitter(writer).collection(value, '').text + '\n'
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
}
