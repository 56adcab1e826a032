// `stackwright evaluate FILE`: scores, isolation balance, violations and findings; a CI gate with --fail-on.
import { catalog } from '../../shared/catalog/index'
import { evaluate } from '../../shared/engine/index'
import type { Severity } from '../../shared/engine/types'
import { EXIT, guard } from '../errors'
import { formatEvaluationText } from '../format/evaluation-text'
import { toJsonOutput } from '../format/json'
import { styleFor } from '../format/style'
import type { CliIo } from '../io/types'
import { findingsAtOrAbove } from './gate'
import type { OutputFormat } from './shared'
import { loadOrReport } from './shared'
import { countOf } from '../format/count'

export interface EvaluateArgs {
  readonly file: string
  readonly format: OutputFormat
  /** Exit 1 when an open finding at this severity or above exists. */
  readonly failOn?: Severity
}

/** Evaluates a design. Exit 1 on an invalid file, on violations, or when --fail-on is reached. */
export function evaluateCommand(args: EvaluateArgs, io: CliIo): Promise<number> {
  return guard(io, async () => {
    const loaded = await loadOrReport(args.file, io)
    if ('exitCode' in loaded) return loaded.exitCode
    const evaluation = evaluate(loaded.design, catalog)
    io.stdout.write(
      args.format === 'json'
        ? toJsonOutput(evaluation)
        : formatEvaluationText(loaded.design, evaluation, styleFor(io)),
    )
    let exitCode: number = EXIT.ok
    if (evaluation.violations.length > 0) {
      io.stderr.write(
        `stackwright: ${countOf(evaluation.violations.length, 'violation')}: the design cannot be built as written\n`,
      )
      exitCode = EXIT.invalid
    }
    if (args.failOn !== undefined) {
      const failing = findingsAtOrAbove(evaluation, args.failOn)
      if (failing.length > 0) {
        const ids = [...new Set(failing.map((f) => f.id))].join(', ')
        io.stderr.write(
          `stackwright: --fail-on ${args.failOn}: ${countOf(failing.length, 'open finding')} at ${args.failOn} or above (${ids})\n`,
        )
        exitCode = EXIT.invalid
      }
    }
    return exitCode
  })
}
