// Design errors and engine violations as compiler-style lines: `file:line:col: path: message`.
import type { DesignError } from '../../shared/model/index'
import type { Violation } from '../../shared/engine/types'
import { escapeControlChars } from '../../shared/util/control-chars'
import type { SourcePosition } from '../io/locate'

/** One problem for `validate --format json`: a schema error, or an engine violation (with `rule`). */
export interface Diagnostic {
  readonly file: string
  readonly line?: number
  readonly column?: number
  readonly path: string
  readonly message: string
  readonly hint?: string
  /** The engine rule id, for violations. */
  readonly rule?: string
}

/** A loader error as a diagnostic of `file`. */
export function diagnosticOfError(file: string, error: DesignError): Diagnostic {
  return { file, ...error }
}

/**
 * An engine violation as a diagnostic, placed at its first design path when the source has it. For a
 * file read through a migration, `toSourcePath` turns the path into the field as written.
 */
export function diagnosticOfViolation(
  file: string,
  violation: Violation,
  locate: (path: string) => SourcePosition | undefined,
  toSourcePath: (path: string) => string = (p) => p,
): Diagnostic {
  const first = violation.paths[0] ?? ''
  const path = first === '' ? '' : toSourcePath(first)
  const position = path === '' ? undefined : locate(path)
  return {
    file,
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
    path,
    message: `${violation.id}: ${violation.message}`,
    hint: `fix: ${violation.fix}`,
    rule: violation.id,
  }
}

/**
 * The one-line form, `file:line:col: path: message (hint)`, the shape editors and CI annotators parse.
 * Position and path are left out when unknown. Control characters from the file name or the design
 * are escaped, so the line cannot drive the terminal.
 */
export function formatDiagnostic(d: Diagnostic): string {
  let location = d.file
  if (d.line !== undefined)
    location += `:${d.line}` + (d.column === undefined ? '' : `:${d.column}`)
  const parts = [location]
  if (d.path !== '') parts.push(d.path)
  parts.push(d.hint === undefined ? d.message : `${d.message} (${d.hint})`)
  return escapeControlChars(parts.join(': '))
}
