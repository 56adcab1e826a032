// `stackwright diff OLD NEW`: what a change to a design does to its scores, findings and parts, for
// review in a pull request. `-` reads one side from stdin (`git show main:design.yaml | ... diff - NEW`).
import path from 'node:path'
import { catalog } from '../../shared/catalog/index'
import { evaluate } from '../../shared/engine/index'
import type { Severity } from '../../shared/engine/types'
import { assertNever } from '../../shared/util/assert-never'
import { diffArtifacts, diffDesigns, newlyOpenAtOrAbove } from '../diff/design-diff'
import type { DesignDiff } from '../diff/design-diff'
import { formatDiffMarkdown, formatDiffText } from '../diff/diff-format'
import { CliError, EXIT, guard } from '../errors'
import { countOf } from '../format/count'
import { toJsonOutput } from '../format/json'
import { styleFor } from '../format/style'
import type { CliIo } from '../io/types'
import { reportedPath } from './evaluate'
import { loadOrReport } from './shared'

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const
export type DiffFormat = (typeof DIFF_FORMATS)[number]

export interface DiffArgs {
  readonly old: string
  readonly new: string
  readonly format: DiffFormat
  /** Exit 1 when the change opens a finding at this severity or above, or adds a violation. */
  readonly failOn?: Severity
  /** Also compare the generated files (loads the generators; both designs must be buildable). */
  readonly generated?: boolean
}

function render(args: DiffArgs, diff: DesignDiff, io: CliIo): string {
  switch (args.format) {
    case 'text':
      return formatDiffText(diff, styleFor(io))
    case 'json':
      return toJsonOutput(diff)
    case 'markdown':
      return formatDiffMarkdown(
        diff,
        reportedPath(args.old, io.cwd),
        reportedPath(args.new, io.cwd),
      )
    default:
      return assertNever(args.format)
  }
}

/** Compares two design files. Exit 0, 1 on an invalid file or a --fail-on hit, 2 on usage errors. */
export function diffCommand(args: DiffArgs, io: CliIo): Promise<number> {
  return guard(io, async () => {
    if (args.old === '-' && args.new === '-')
      throw new CliError('only one of OLD and NEW can be - (standard input)', EXIT.usage)
    const before = await loadOrReport(args.old, io)
    if ('exitCode' in before) return before.exitCode
    const after = await loadOrReport(args.new, io)
    if ('exitCode' in after) return after.exitCode
    const oldEval = evaluate(before.design, catalog)
    const newEval = evaluate(after.design, catalog)
    let diff: DesignDiff = diffDesigns(before.design, oldEval, after.design, newEval)
    if (args.generated === true) {
      if (oldEval.valid && newEval.valid) {
        const { generateAll } = await import('../../shared/generate/index')
        // One file name for both sides, so report.sarif differs only where the findings do.
        const designFileName = path.basename(args.new === '-' ? args.old : args.new)
        diff = {
          ...diff,
          generated: diffArtifacts(
            generateAll(before.design, catalog, { designFileName }),
            generateAll(after.design, catalog, { designFileName }),
          ),
        }
      } else
        io.stderr.write(
          'stackwright: note: generated files not compared: a design with violations generates nothing\n',
        )
    }
    io.stdout.write(render(args, diff, io))
    if (args.failOn === undefined) return EXIT.ok
    const opened = newlyOpenAtOrAbove(diff, args.failOn)
    const violations = diff.violations.added.length
    if (opened.length === 0 && violations === 0) return EXIT.ok
    const parts = [
      ...(opened.length > 0
        ? [
            `opens ${countOf(opened.length, 'finding')} at ${args.failOn} or above (${[...new Set(opened.map((f) => f.id))].join(', ')})`,
          ]
        : []),
      ...(violations > 0 ? [`adds ${countOf(violations, 'violation')}`] : []),
    ]
    io.stderr.write(`stackwright: --fail-on ${args.failOn}: the change ${parts.join(' and ')}\n`)
    return EXIT.invalid
  })
}
