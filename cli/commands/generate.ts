// `stackwright generate FILE --out DIR`: the document, reports and starter manifests, written into DIR only.
import path from 'node:path'
import type { OrchestratorId } from '../../shared/catalog/ids'
import { catalog, getOrchestrator } from '../../shared/catalog/index'
import { evaluate } from '../../shared/engine/index'
import { generateAll, TARGETS } from '../../shared/generate/index'
import type { Target } from '../../shared/generate/index'
import { CliError, EXIT, guard } from '../errors'
import { diagnosticOfViolation, formatDiagnostic } from '../format/diagnostics'
import { createLocator, createSourcePathMapper } from '../io/locate'
import type { CliIo } from '../io/types'
import { planWrites, prepareOutputDir, writeArtifacts } from '../io/write-artifacts'
import { loadOrReport } from './shared'
import { countOf } from '../format/count'

export { TARGETS as GENERATE_TARGETS }

export interface GenerateArgs {
  readonly file: string
  readonly out: string
  /** Default: doc, reports and the design's own orchestrator family. */
  readonly targets?: readonly string[]
  readonly force: boolean
}

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

/**
 * Generates the artifacts and writes them atomically into `out`. Exit 1 on an invalid design or
 * violations (nothing written); exit 2 on a non-empty `out` without --force or an unknown target.
 */
export function generateCommand(args: GenerateArgs, io: CliIo): Promise<number> {
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
    // Check every path before touching the disk, so an unsafe one leaves no half-written folder.
    planWrites(path.resolve(io.cwd, args.out), artifacts)
    const root = await prepareOutputDir(path.resolve(io.cwd, args.out), args.out, args.force)
    const written = await writeArtifacts(root, artifacts)
    for (const w of written)
      io.stdout.write(`wrote ${path.join(args.out, w.path)}  (${size(w.bytes)})\n`)
    io.stdout.write(`${countOf(written.length, 'file')} written to ${args.out}\n`)
    return EXIT.ok
  })
}
