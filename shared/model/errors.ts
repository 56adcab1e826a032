// Error types of the design loader, and how a path and an error are written for people.
import type { Design } from './schema'

/** One problem with a design file, located in the source when the loader could tell where. */
export interface DesignError {
  /** Where in the document, e.g. `workloads[1].talksTo[0]`; "" is the document root. */
  path: string
  message: string
  /** 1-based line of the offending node. */
  line?: number
  /** 1-based column of the offending node. */
  column?: number
  /** A suggested fix, e.g. `did you mean "api"?`. */
  hint?: string
}

export type ParseResult =
  | { ok: true; design: Design; migratedFrom?: string }
  | {
      ok: false
      errors: DesignError[]
      /**
       * Set when the file is a well-formed design whose only problems are between its parts
       * (duplicate names, flows to nothing): an editor can open it and show the errors in place.
       */
      draft?: { design: Design; migratedFrom?: string }
    }

export type PathSegment = string | number

/**
 * A problem before it is placed in the source. `at: 'key'` points at a mapping key (an unknown
 * field, a bad record key) instead of the value; `offset` is set when the source position is
 * known directly.
 */
export interface Problem {
  path: readonly PathSegment[]
  message: string
  hint?: string
  at?: 'key' | 'value'
  offset?: number
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/

/** Writes a path the way the docs do: `workloads[1].talksTo[0]`, `risks["odd key"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

/** One line for a terminal or a log: `design.yaml:12:7: workloads[1].talksTo[0]: message (hint)`. */
export function formatDesignError(error: DesignError, fileName?: string): string {
  const position = [fileName ?? '']
  if (error.line !== undefined) {
    position.push(String(error.line))
    if (error.column !== undefined) position.push(String(error.column))
  }
  const parts = [position.join(':'), error.path].filter((part) => part !== '')
  const hint = error.hint === undefined ? '' : ` (${error.hint})`
  return [...parts, `${error.message}${hint}`].join(': ')
}

/** Describes a parsed value for "expected X, got Y" messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'an empty value'
  if (typeof value === 'string') return `the text ${quote(value)}`
  if (typeof value === 'number') return `the number ${String(value)}`
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return typeof value
}

/** Shortens user text for a message or a path, so one huge value cannot flood the output. */
export function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text
}

/** Quotes a user value for a message, shortened so one huge value cannot flood the output. */
export function quote(value: unknown): string {
  return JSON.stringify(shorten(typeof value === 'string' ? value : String(value)))
}
