// The design-file loader: text or bytes in, a validated Design or located errors out.
import type { LineCounter } from 'yaml'
import type { DesignError, ParseResult, PathSegment, Problem } from './errors'
import { formatPath, shorten } from './errors'
import { problemsFromIssue } from './issues'
import { MAX_DESIGN_BYTES, MAX_ERRORS } from './limits'
import { buildLineIndex, offsetOfPath, positionAt } from './locate'
import { migrateToCurrent } from './migrate'
import type { PathMapper } from './migration-types'
import { checkReferences } from './references'
import { designSchema } from './schema'
import { checkCharacters, checkStructure, checkTextSize, tooLargeProblem } from './text-checks'
import { readYaml } from './yaml-source'
import type { SourceFormat, YamlSource } from './yaml-source'
import { decodeUtf8 } from './utf8'

export interface ParseOptions {
  /** The file's name; a `.json` name makes syntax errors speak of JSON. */
  fileName?: string
}

/** Problems are located only up to this many; more is already far past what is shown. */
const LOCATE_LIMIT = 1000

function detectFormat(text: string, fileName?: string): SourceFormat {
  if (fileName?.toLowerCase().endsWith('.json') === true) return 'json'
  return /^\s*\{/.test(text) ? 'json' : 'yaml'
}

/** Longest key shown whole in an error's path: longer than any valid key (risk ids are up to 80). */
const MAX_PATH_KEY = 200

/** The path for people: a hostile multi-kilobyte key is shortened, as in messages. */
function displayPath(path: readonly PathSegment[]): string {
  return formatPath(
    path.map((s) =>
      typeof s === 'string' && s.length > MAX_PATH_KEY ? shorten(s, MAX_PATH_KEY) : s,
    ),
  )
}

function located(
  problems: readonly Problem[],
  lines: LineCounter,
  source?: YamlSource,
  toSourcePath: PathMapper = (path) => [...path],
): DesignError[] {
  const errors = problems.slice(0, LOCATE_LIMIT).map((problem): DesignError => {
    const path = toSourcePath(problem.path)
    const offset =
      problem.offset ??
      (source === undefined
        ? undefined
        : offsetOfPath(source.root, path, problem.at ?? 'value', source.aliasTargets))
    const error: DesignError = { path: displayPath(path), message: problem.message }
    if (offset !== undefined) {
      const { line, column } = positionAt(lines, offset)
      error.line = line
      error.column = column
    }
    if (problem.hint !== undefined) error.hint = problem.hint
    return error
  })
  // Report in reading order; errors without a position (whole-file ones) come first.
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  if (problems.length <= MAX_ERRORS) return errors
  return [
    ...errors.slice(0, MAX_ERRORS),
    { path: '', message: `${problems.length - MAX_ERRORS} more errors not shown` },
  ]
}

function parseChecked(text: string, options: ParseOptions): ParseResult {
  const tooLarge = checkTextSize(text)
  if (tooLarge !== undefined) return { ok: false, errors: located([tooLarge], buildLineIndex('')) }
  // A byte-order mark is not content; dropping it keeps columns on line 1 right.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const lines = buildLineIndex(body)
  const refused = checkCharacters(body) ?? checkStructure(body)
  if (refused !== undefined) return { ok: false, errors: located([refused], lines) }

  const read = readYaml(body, detectFormat(body, options.fileName), lines)
  if (!read.ok) return { ok: false, errors: located(read.problems, lines, undefined) }
  const { source } = read

  const migrated = migrateToCurrent(source.value)
  if (!migrated.ok) return { ok: false, errors: located(migrated.problems, lines, source) }

  const parsed = designSchema.safeParse(migrated.value, { reportInput: true })
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap(problemsFromIssue)
    return { ok: false, errors: located(problems, lines, source, migrated.toSourcePath) }
  }
  const references = checkReferences(parsed.data)
  if (references.length > 0) {
    const errors = located(references, lines, source, migrated.toSourcePath)
    const draft =
      migrated.migratedFrom === undefined
        ? { design: parsed.data }
        : { design: parsed.data, migratedFrom: migrated.migratedFrom }
    return { ok: false, errors, draft }
  }
  return migrated.migratedFrom === undefined
    ? { ok: true, design: parsed.data }
    : { ok: true, design: parsed.data, migratedFrom: migrated.migratedFrom }
}

/** Parses and validates design-file text (YAML or JSON). Never throws. */
export function parseDesign(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return parseChecked(text, options)
  } catch (error) {
    // Every known failure is reported above; this keeps a loader bug from crashing the caller.
    const message = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      errors: [{ path: '', message: `internal error reading the design: ${message}` }],
    }
  }
}

/** Parses a design file's raw bytes: refuses oversized, binary and non-UTF-8 input first. */
export function parseDesignBytes(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  if (bytes.length > MAX_DESIGN_BYTES) {
    return { ok: false, errors: located([tooLargeProblem(bytes.length)], buildLineIndex('')) }
  }
  const decoded = decodeUtf8(bytes)
  if (!decoded.ok) return { ok: false, errors: [decoded.error] }
  return parseDesign(decoded.text, options)
}
