// `stackwright init [FILE]`: starts a design, empty or copied from an example, without clobbering files.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import YAML, { isScalar } from 'yaml'
import { newDesign, parseDesign, serializeDesign } from '../../shared/model/index'
import { dnsLabel } from '../../shared/model/schema'
import { CliError, EXIT, guard } from '../errors'
import { EXAMPLES_DIR, exampleFileName, exampleNames } from '../io/examples'
import { describeFsError, shownPath } from '../../shared/node/fs-errors'
import type { CliIo } from '../io/types'

export const DEFAULT_DESIGN_FILE = 'design.stackwright.yaml'
const FALLBACK_NAME = 'my-platform'

export interface InitArgs {
  readonly file?: string
  /** An example name; `true` when `--example` was given without one (list the examples). */
  readonly example?: string | true
  readonly name?: string
  readonly force: boolean
}

/** A DNS-1123 design name from a file name: `payments.stackwright.yaml` -> `payments`. */
export function nameFromFile(file: string): string {
  const base = path
    .basename(file)
    .replace(/(\.stackwright)?\.(ya?ml|json)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '')
  return base === '' || base === 'design' || !dnsLabel.safeParse(base).success
    ? FALLBACK_NAME
    : base
}

function exampleList(names: readonly string[]): string {
  return `Examples:\n${names.map((n) => `  ${n}`).join('\n')}\nUse: stackwright init FILE --example NAME\n`
}

/** `source` with metadata.name replaced in place, so comments and layout stay exactly as written. */
function renamed(source: string, name: string): string {
  const doc = YAML.parseDocument(source)
  const node = doc.getIn(['metadata', 'name'], true)
  // A DNS-1123 label is a plain YAML scalar, so it can replace the old one character for character.
  if (isScalar(node) && node.range)
    return source.slice(0, node.range[0]) + name + source.slice(node.range[1])
  doc.setIn(['metadata', 'name'], name)
  return doc.toString()
}

/** The example's text, renamed when asked; YAML keeps its comments, JSON is re-serialised. */
async function exampleContent(example: string, name: string | undefined, format: 'yaml' | 'json') {
  const source = await readFile(path.join(EXAMPLES_DIR, exampleFileName(example)), 'utf8')
  const yaml = name === undefined ? source : renamed(source, name)
  if (format === 'yaml') return yaml
  const parsed = parseDesign(yaml, { fileName: exampleFileName(example) })
  if (!parsed.ok) throw new CliError(`example ${example} is not a valid design`, EXIT.internal)
  return serializeDesign(parsed.design, 'json')
}

async function write(target: string, file: string, content: string, force: boolean): Promise<void> {
  try {
    // 'wx' fails if the file exists, so there is no window between checking and writing.
    if (force) await writeFileAtomic(target, content, { encoding: 'utf8' })
    else await writeFile(target, content, { encoding: 'utf8', flag: 'wx' })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST')
      throw new CliError(
        `${shownPath(file)} already exists; use --force to overwrite it`,
        EXIT.usage,
      )
    throw new CliError(`cannot write ${shownPath(file)}: ${describeFsError(error)}`, EXIT.usage)
  }
}

/** Writes a new design file. Exit 0 written, 2 when it exists (without --force) or the example is unknown. */
export function initCommand(args: InitArgs, io: CliIo): Promise<number> {
  return guard(io, async () => {
    if (args.example === true) {
      io.stdout.write(exampleList(await exampleNames()))
      return EXIT.ok
    }
    if (args.name !== undefined && !dnsLabel.safeParse(args.name).success)
      throw new CliError(
        `--name ${JSON.stringify(shownPath(args.name))} must be a DNS-1123 label (lower-case letters, digits and "-", at most 63)`,
        EXIT.usage,
      )
    const file = args.file ?? DEFAULT_DESIGN_FILE
    const format = /\.json$/i.test(file) ? 'json' : 'yaml'
    let content: string
    if (args.example !== undefined) {
      const names = await exampleNames()
      if (!names.includes(args.example)) {
        io.stderr.write(
          `stackwright: unknown example ${JSON.stringify(shownPath(args.example))}\n${exampleList(names)}`,
        )
        return EXIT.usage
      }
      content = await exampleContent(args.example, args.name, format)
    } else {
      content = serializeDesign(newDesign(args.name ?? nameFromFile(file)), format)
    }
    await write(path.resolve(io.cwd, file), file, content, args.force)
    const from = typeof args.example === 'string' ? ` from example ${args.example}` : ''
    io.stdout.write(
      `Created ${shownPath(file)}${from}.\nNext: stackwright evaluate ${shownPath(file)}\n`,
    )
    return EXIT.ok
  })
}
