// `stackwright evaluate FILE`: scores, isolation balance, violations and findings; a CI gate with --fail-on.
import path from 'node:path'
import { catalog } from '../../shared/catalog/index'
import { evaluate } from '../../shared/engine/index'
import type { Severity } from '../../shared/engine/types'
import { EXIT, guard } from '../errors'
import { formatEvaluationText } from '../format/evaluation-text'
import { toJsonOutput } from '../format/json'
import { styleFor } from '../format/style'
import type { CliIo } from '../io/types'
import { findingsAtOrAbove } from './gate'
import { loadOrReport } from './shared'
import { countOf } from '../format/count'
import { formatEvaluationMarkdown } from '../format/evaluation-markdown'
import { createLocator, createSourcePathMapper } from '../io/locate'
import { sarifReport } from '../../shared/generate/reports/sarif'
import type { Design } from '../../shared/model/schema'
import type { Evaluation } from '../../shared/engine/types'
import { assertNever } from '../../shared/util/assert-never'

/** evaluate's formats: the shared text and JSON, plus SARIF (code scanning) and Markdown (PR comments). */
export const EVALUATE_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const
export type EvaluateFormat = (typeof EVALUATE_FORMATS)[number]

export interface EvaluateArgs {
  readonly file: string
  readonly format: EvaluateFormat
  /** Exit 1 when an open finding at this severity or above exists. */
  readonly failOn?: Severity
}

/** Evaluates a design. Exit 1 on an invalid file, on violations, or when --fail-on is reached. */
export function evaluateCommand(args: EvaluateArgs, io: CliIo): Promise<number> {
  return guard(io, async () => {
    const loaded = await loadOrReport(args.file, io)
    if ('exitCode' in loaded) return loaded.exitCode
    const evaluation = evaluate(loaded.design, catalog)
    io.stdout.write(render(args, io, loaded, evaluation))
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

/** A design file as SARIF and Markdown show it: relative to the working folder, with `/` separators. */
export function reportedPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file))
  const shown =
    relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative
  return shown.split(path.sep).join('/')
}

function render(
  args: EvaluateArgs,
  io: CliIo,
  loaded: { design: Design; text: string },
  evaluation: Evaluation,
): string {
  switch (args.format) {
    case 'text':
      return formatEvaluationText(loaded.design, evaluation, styleFor(io))
    case 'json':
      return toJsonOutput(evaluation)
    case 'markdown':
      return formatEvaluationMarkdown(reportedPath(args.file, io.cwd), loaded.design, evaluation)
    case 'sarif': {
      // Results carry the line of the field they are about, in the file as written (before migration).
      const locate = createLocator(loaded.text)
      const toSource = createSourcePathMapper(loaded.text)
      return sarifReport(evaluation, catalog, {
        designFileName: reportedPath(args.file, io.cwd),
        lineOf: (p) => locate(toSource(p))?.line,
      })
    }
    default:
      return assertNever(args.format)
  }
}
