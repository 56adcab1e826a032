// `stackwright generate FILE --out DIR`: the document, reports and starter manifests, written into DIR only.
import path from 'node:path'
import type { OrchestratorId } from '../../shared/catalog/ids'
import { catalog, getOrchestrator } from '../../shared/catalog/index'
import { evaluate } from '../../shared/engine/index'
import { generateAll, TARGETS } from '../../shared/generate/index'
import type { Target } from '../../shared/generate/index'
import type { Artifact } from '../../shared/generate/types'
import { assertNever } from '../../shared/util/assert-never'
import { ArtifactWriteError } from '../../shared/node/artifact-plan'
import type { ArtifactFs } from '../../shared/node/artifact-fs'
import { shownPath } from '../../shared/node/fs-errors'
import { writeArtifacts } from '../../shared/node/write-artifacts'
import type { WriteResult } from '../../shared/node/write-artifacts'
import { CliError, EXIT, guard } from '../errors'
import { diagnosticOfViolation, formatDiagnostic } from '../format/diagnostics'
import { createLocator, createSourcePathMapper } from '../io/locate'
import type { CliIo } from '../io/types'
import { loadOrReport } from './shared'
import { countOf } from '../format/count'

export interface GenerateArgs {
  readonly file: string
  readonly out: string
  /** Default: doc, reports and the design's own orchestrator family. */
  readonly targets?: readonly string[]
  readonly force: boolean
}

/**
 * What generate writes at the top of --out, for every target. `--force` replaces a folder holding only
 * these; anything else in it (notes, a repository, the design itself) is refused, never deleted.
 */
export const GENERATED_TOP_LEVEL: ReadonlySet<string> = new Set([
  'design.md',
  'design.html',
  'report.json',
  'report.sarif',
  'findings.csv',
  'kubernetes',
  'ecs',
  'swarm',
  'nomad',
])

const isTarget = (t: string): t is Target => (TARGETS as readonly string[]).includes(t)

/** Checks `--targets` names; an unknown one is a usage error. */
export function checkTargets(targets: readonly string[]): Target[] {
  const unknown = targets.filter((t) => !isTarget(t))
  if (unknown.length > 0)
    throw new CliError(
      `unknown target ${unknown.map((t) => JSON.stringify(t)).join(', ')}; targets are ${TARGETS.join(', ')}`,
      EXIT.usage,
    )
  return targets.filter(isTarget)
}

/** Manifests exist only for the design's own orchestrator family; another family is a usage error. */
function checkFamily(targets: readonly Target[], orchestrator: OrchestratorId): void {
  const family = getOrchestrator(catalog, orchestrator).family
  const foreign = targets.filter((t) => t !== 'doc' && t !== 'reports' && t !== family)
  if (foreign.length > 0)
    throw new CliError(
      `target ${foreign.join(', ')} does not apply: the design's orchestrator ${orchestrator} takes ${family} manifests`,
      EXIT.usage,
    )
}

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`)

/** Writes into `out` all or nothing (shared/node/write-artifacts.ts), as CLI errors on failure. */
async function write(
  out: string,
  args: GenerateArgs,
  artifacts: readonly Artifact[],
  fs: ArtifactFs | undefined,
): Promise<WriteResult> {
  try {
    return await writeArtifacts(out, artifacts, {
      mode: args.force ? 'replace' : 'create',
      replaceOnly: GENERATED_TOP_LEVEL,
      shownAs: args.out,
      ...(fs === undefined ? {} : { fs }),
    })
  } catch (error) {
    if (!(error instanceof ArtifactWriteError)) throw error
    switch (error.problem) {
      case 'unsafe-path':
      case 'duplicate':
        // A generator produced the path, so this is a bug in Stackwright rather than in the design.
        throw new CliError(`refusing to write: ${error.message}`, EXIT.internal)
      case 'not-empty':
        throw new CliError(`${error.message}; use --force to replace it`, EXIT.usage)
      case 'foreign-entries':
        throw new CliError(
          `${error.message}; --force replaces the whole folder, so move them out or choose another --out`,
          EXIT.usage,
        )
      case 'not-a-folder':
      case 'symlink':
      case 'io':
        throw new CliError(
          `${error.message}; ${shownPath(args.out)} was left as it was`,
          EXIT.usage,
        )
      default:
        return assertNever(error.problem)
    }
  }
}

/**
 * Generates the artifacts and writes them into `out`, all or nothing (`--force` replaces an earlier
 * output). Exit 1 on an invalid design or violations (nothing written); exit 2 on a non-empty `out`
 * without --force, an unknown target, or a failed write (`out` left as it was). `fs` is for tests.
 */
export function generateCommand(args: GenerateArgs, io: CliIo, fs?: ArtifactFs): Promise<number> {
  return guard(io, async () => {
    const targets = args.targets === undefined ? undefined : checkTargets(args.targets)
    const loaded = await loadOrReport(args.file, io)
    if ('exitCode' in loaded) return loaded.exitCode
    if (targets !== undefined) checkFamily(targets, loaded.design.choices.orchestrator)
    const { violations } = evaluate(loaded.design, catalog)
    if (violations.length > 0) {
      const locate = createLocator(loaded.text)
      const toSource = createSourcePathMapper(loaded.text)
      for (const v of violations)
        io.stderr.write(
          formatDiagnostic(diagnosticOfViolation(args.file, v, locate, toSource)) + '\n',
        )
      io.stderr.write(
        `stackwright: nothing generated: ${countOf(violations.length, 'violation')} make the design unbuildable\n`,
      )
      return EXIT.invalid
    }
    const artifacts = generateAll(loaded.design, catalog, {
      ...(targets === undefined ? {} : { targets }),
      designFileName: path.basename(args.file),
    })
    const written = await write(path.resolve(io.cwd, args.out), args, artifacts, fs)
    const out = shownPath(args.out)
    for (const w of written.files)
      io.stdout.write(`wrote ${path.join(out, shownPath(w.path))}  (${size(w.bytes)})\n`)
    io.stdout.write(`${countOf(written.files.length, 'file')} written to ${out}\n`)
    return EXIT.ok
  })
}
