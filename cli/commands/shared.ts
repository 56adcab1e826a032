// Steps every design command shares: load the file or report why not.
import { CURRENT_API_VERSION } from '../../shared/model/migrate'
import type { Design } from '../../shared/model/schema'
import { shownPath } from '../../shared/node/fs-errors'
import { EXIT } from '../errors'
import { countOf } from '../format/count'
import { diagnosticOfError, formatDiagnostic } from '../format/diagnostics'
import { loadDesign } from '../io/load-design'
import type { CliIo } from '../io/types'

export type OutputFormat = 'text' | 'json'
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json']

/** The stderr line that says a file in an older format was read through a migration. */
export function migrationNote(file: string, migratedFrom: string): string {
  return `stackwright: note: ${shownPath(file)} is format ${migratedFrom}; read through a migration to ${CURRENT_API_VERSION} (the file is unchanged)\n`
}

/** Loads `file`; on a parse failure prints every error to stderr and returns exit code 1 instead. */
export async function loadOrReport(
  file: string,
  io: CliIo,
): Promise<{ design: Design; text: string } | { exitCode: number }> {
  const loaded = await loadDesign(file, io)
  if (loaded.ok) {
    if (loaded.migratedFrom !== undefined) io.stderr.write(migrationNote(file, loaded.migratedFrom))
    return { design: loaded.design, text: loaded.text }
  }
  for (const error of loaded.errors)
    io.stderr.write(formatDiagnostic(diagnosticOfError(file, error)) + '\n')
  io.stderr.write(
    `stackwright: ${shownPath(file)} is not a valid design (${countOf(loaded.errors.length, 'error')})\n`,
  )
  return { exitCode: EXIT.invalid }
}
