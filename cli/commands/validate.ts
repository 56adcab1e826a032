// `stackwright validate FILE`: is the file a design, and can it be built as written?
import { catalog } from '../../shared/catalog/index'
import { evaluate } from '../../shared/engine/index'
import { shownPath } from '../../shared/node/fs-errors'
import { EXIT, guard } from '../errors'
import type { Diagnostic } from '../format/diagnostics'
import { diagnosticOfError, diagnosticOfViolation, formatDiagnostic } from '../format/diagnostics'
import { toJsonOutput } from '../format/json'
import { createLocator, createSourcePathMapper } from '../io/locate'
import { loadDesign } from '../io/load-design'
import type { CliIo } from '../io/types'
import type { OutputFormat } from './shared'
import { migrationNote } from './shared'
import { countOf } from '../format/count'

export interface ValidateArgs {
  readonly file: string
  readonly format: OutputFormat
}

/** Checks a design file: schema errors and engine violations, each located at file:line:col. Exit 0 or 1. */
export function validateCommand(args: ValidateArgs, io: CliIo): Promise<number> {
  return guard(io, async () => {
    const loaded = await loadDesign(args.file, io)
    let diagnostics: Diagnostic[]
    let summary: string
    if (!loaded.ok) {
      diagnostics = loaded.errors.map((e) => diagnosticOfError(args.file, e))
      summary = `${shownPath(args.file)} is not a valid design (${countOf(diagnostics.length, 'error')})`
    } else {
      const { violations } = evaluate(loaded.design, catalog)
      // Locating re-parses the file, so a valid design (the common case in CI) skips it.
      if (violations.length > 0) {
        const locate = createLocator(loaded.text)
        const toSource = createSourcePathMapper(loaded.text)
        diagnostics = violations.map((v) => diagnosticOfViolation(args.file, v, locate, toSource))
      } else diagnostics = []
      summary = `${shownPath(args.file)} cannot be built as written (${countOf(diagnostics.length, 'violation')})`
    }
    const valid = diagnostics.length === 0
    const migratedFrom = loaded.ok ? loaded.migratedFrom : undefined
    if (args.format === 'json') {
      io.stdout.write(
        toJsonOutput(
          migratedFrom === undefined
            ? { valid, errors: diagnostics }
            : { valid, errors: diagnostics, migratedFrom },
        ),
      )
    } else {
      if (!valid && migratedFrom !== undefined)
        io.stderr.write(migrationNote(args.file, migratedFrom))
      for (const d of diagnostics) io.stderr.write(formatDiagnostic(d) + '\n')
      if (!valid) io.stderr.write(`stackwright: ${summary}\n`)
      else if (loaded.ok) io.stdout.write(validLine(args.file, loaded))
    }
    return valid ? EXIT.ok : EXIT.invalid
  })
}

function validLine(
  file: string,
  loaded: {
    design: { metadata: { name: string }; workloads: readonly unknown[] }
    migratedFrom?: string
  },
): string {
  const migrated = loaded.migratedFrom === undefined ? '' : `, migrated from ${loaded.migratedFrom}`
  return `${shownPath(file)}: valid (design ${loaded.design.metadata.name}, ${countOf(loaded.design.workloads.length, 'workload')}${migrated})\n`
}
