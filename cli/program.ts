// Wires commander to the command functions: parsing and usage errors here, behaviour in commands/.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import type { Severity } from '../shared/engine/types'
import { SEVERITIES } from '../shared/engine/types'
import { DIFF_FORMATS, diffCommand } from './commands/diff'
import type { DiffFormat } from './commands/diff'
import { EVALUATE_FORMATS, evaluateCommand } from './commands/evaluate'
import type { EvaluateFormat } from './commands/evaluate'
import { GENERATE_TARGETS } from './commands/generate-targets'
import { DEFAULT_DESIGN_FILE, initCommand } from './commands/init'
import { MAX_TOP, recommendCommand } from './commands/recommend'
import { escapeControlChars } from '../shared/util/control-chars'
import type { KeepDimension } from '../shared/engine/types'
import { KEEP_DIMENSIONS } from '../shared/engine/types'
import type { OutputFormat } from './commands/shared'
import { OUTPUT_FORMATS } from './commands/shared'
import { validateCommand } from './commands/validate'
import { EXIT, printError } from './errors'
import type { CliIo } from './io/types'
import { packageVersion } from './version'

const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  invalid design, violations, or --fail-on threshold reached
  2  usage error: unknown command or option, missing or unreadable file, non-empty --out
  3  internal error (a bug in Stackwright)`

const formatOption = () =>
  new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('text')

/** Parses `--top`: a whole number from 1 to MAX_TOP. */
/** `--keep orchestrator,plugins`: the dimensions recommend holds fixed. */
export function parseKeep(value: string): KeepDimension[] {
  const parts = value
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')
  const known = new Set<string>(KEEP_DIMENSIONS)
  const unknown = parts.filter((x) => !known.has(x))
  if (unknown.length > 0 || parts.length === 0)
    throw new InvalidArgumentError(
      `${unknown.length > 0 ? `unknown dimension ${unknown.map((x) => JSON.stringify(escapeControlChars(x))).join(', ')}; ` : ''}use ${KEEP_DIMENSIONS.join(', ')}`,
    )
  return parts as KeepDimension[]
}

export function parseTop(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_TOP)
    throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_TOP}`)
  return n
}

/** Parses a comma-separated list, dropping blanks: `doc, kubernetes` -> ['doc', 'kubernetes']. */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/**
 * Runs `command` on each file in turn and returns the worst exit code. Only the text format takes
 * several files: one JSON, SARIF or Markdown document per run keeps the output parseable.
 */
export async function eachFile(
  files: readonly string[],
  format: string,
  io: CliIo,
  command: (file: string) => Promise<number>,
): Promise<number> {
  if (files.length > 1 && format !== 'text') {
    printError(io, `--format ${format} takes one file, not ${files.length}`)
    return EXIT.usage
  }
  let worst: number = EXIT.ok
  for (const file of files) worst = Math.max(worst, await command(file))
  return worst
}

/** A fresh commander program whose actions store their exit code in `state`. */
function buildProgram(io: CliIo, state: { exitCode: number }): Command {
  const program = new Command('stackwright')
    .description(
      'Design secure container platforms: evaluate, recommend and generate from a design file.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run stackwright --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)

  program
    .command('init')
    .description('write a new design file, empty or copied from an example')
    .argument('[file]', 'design file to create', DEFAULT_DESIGN_FILE)
    .option('--example [name]', 'copy an example (without a name: list them)')
    .option('--name <name>', 'metadata.name of the design (a DNS-1123 label)')
    .option('--force', 'overwrite FILE if it exists', false)
    .action(
      async (file: string, opts: { example?: string | true; name?: string; force: boolean }) => {
        state.exitCode = await initCommand({ file, ...opts }, io)
      },
    )

  program
    .command('validate')
    .description('check a design file; exit 1 on errors or violations')
    .argument('<files...>', 'design files (text format: several, as a pre-commit hook passes them)')
    .addOption(formatOption())
    .action(async (files: string[], opts: { format: OutputFormat }) => {
      state.exitCode = await eachFile(files, opts.format, io, (file) =>
        validateCommand({ file, format: opts.format }, io),
      )
    })

  program
    .command('evaluate')
    .description('score a design: criteria, isolation balance, violations and findings')
    .argument('<files...>', 'design files (text format: several, as a pre-commit hook passes them)')
    .addOption(
      new Option(
        '--format <format>',
        'output format (sarif: for code scanning; markdown: for a pull-request comment or step summary)',
      )
        .choices(EVALUATE_FORMATS)
        .default('text'),
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 1 when an open finding at this severity or above exists',
      ).choices(SEVERITIES),
    )
    .action(async (files: string[], opts: { format: EvaluateFormat; failOn?: Severity }) => {
      state.exitCode = await eachFile(files, opts.format, io, (file) =>
        evaluateCommand({ file, ...opts }, io),
      )
    })

  program
    .command('diff')
    .description(
      'compare two versions of a design: score deltas, findings, pools, workloads, flows',
    )
    .argument('<old>', 'the design before the change (- reads standard input)')
    .argument('<new>', 'the design after the change (- reads standard input)')
    .addOption(
      new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('text'),
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 1 when the change opens a finding at this severity or above, or adds a violation',
      ).choices(SEVERITIES),
    )
    .option('--generated', 'also compare the generated files (slower: runs the generators)', false)
    .action(
      async (
        old: string,
        next: string,
        opts: { format: DiffFormat; failOn?: Severity; generated: boolean },
      ) => {
        state.exitCode = await diffCommand({ old, new: next, ...opts }, io)
      },
    )

  program
    .command('recommend')
    .description('rank the best complete stacks for the design over the whole catalog')
    .argument('<file>', 'design file')
    .option('--top <k>', `how many stacks (1-${MAX_TOP})`, parseTop, 5)
    .option(
      '--keep <dimensions>',
      `hold these at the design's choice, comma-separated: ${KEEP_DIMENSIONS.join(', ')}`,
      parseKeep,
      [],
    )
    .addOption(formatOption())
    .action(
      async (file: string, opts: { top: number; keep: KeepDimension[]; format: OutputFormat }) => {
        state.exitCode = await recommendCommand({ file, ...opts }, io)
      },
    )

  program
    .command('generate')
    .description('write the design document, reports and starter manifests into a folder')
    .argument('<file>', 'design file')
    .requiredOption('--out <dir>', 'output folder (must be empty unless --force)')
    .option(
      '--targets <list>',
      `comma-separated: ${GENERATE_TARGETS.join(',')} (default: doc, reports and the design's orchestrator)`,
      parseList,
    )
    .option('--force', 'write into a non-empty folder, replacing files of the same name', false)
    .action(async (file: string, opts: { out: string; targets?: string[]; force: boolean }) => {
      // The document path (doc generator, elkjs, beautiful-mermaid) is most of the code: only
      // generate loads it, so validate and evaluate start fast.
      const { generateCommand } = await import('./commands/generate')
      state.exitCode = await generateCommand({ file, ...opts }, io)
    })

  return program
}

/** Runs the CLI on `argv` (without the node and script paths) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const state = { exitCode: EXIT.ok as number }
  try {
    await buildProgram(io, state).parseAsync([...argv], { from: 'user' })
  } catch (error) {
    // Commander has already printed its message; --help and --version end here with code 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    printError(io, `internal error: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.internal
  }
  return state.exitCode
}
