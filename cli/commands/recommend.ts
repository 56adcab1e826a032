// `stackwright recommend FILE`: the best complete stacks for the design's context and priorities.
import { catalog } from '../../shared/catalog/index'
import { evaluate, recommend } from '../../shared/engine/index'
import { EXIT, guard } from '../errors'
import { toJsonOutput } from '../format/json'
import { formatRecommendText } from '../format/recommend-text'
import { styleFor } from '../format/style'
import type { CliIo } from '../io/types'
import type { KeepDimension } from '../../shared/engine/types'
import type { OutputFormat } from './shared'
import { loadOrReport } from './shared'

/** The most stacks `--top` accepts; more is a wall of text and slow to search. */
export const MAX_TOP = 100

export interface RecommendArgs {
  readonly file: string
  readonly top: number
  readonly keep?: readonly KeepDimension[]
  readonly format: OutputFormat
}

/**
 * Ranks the top stacks over the whole catalog. Violations in the current choices do not fail the command:
 * finding a buildable stack is what it is for. Exit 1 only on an invalid file.
 */
export function recommendCommand(args: RecommendArgs, io: CliIo): Promise<number> {
  return guard(io, async () => {
    const loaded = await loadOrReport(args.file, io)
    if ('exitCode' in loaded) return loaded.exitCode
    const ranked = recommend(loaded.design, catalog, args.top, { keep: args.keep ?? [] })
    if (args.format === 'json') {
      io.stdout.write(toJsonOutput(ranked))
    } else {
      const current = evaluate(loaded.design, catalog).scores.overall
      io.stdout.write(
        formatRecommendText(loaded.design.metadata.name, current, ranked, styleFor(io)),
      )
    }
    return EXIT.ok
  })
}
