// Every generator behind one call: the document, the reports and the manifests, as sorted artifacts.
import { artifactPathProblem } from '../artifact-path'
import { getOrchestrator } from '../catalog/index'
import type { Catalog, OrchestratorFamily } from '../catalog/types'
import { evaluate } from '../engine/index'
import type { Design } from '../model/schema'
import { assertNever } from '../util/assert-never'
import { escapeControlChars, unsafeCharInFile } from '../util/control-chars'
import { generateDocument } from './doc/index'
import { manifestGenerator } from './doc/manifests'
import { generateReports } from './reports/index'
import type { Artifact, Control } from './types'

export const TARGETS = ['doc', 'reports', 'kubernetes', 'ecs', 'swarm', 'nomad'] as const
export type Target = (typeof TARGETS)[number]

export interface GenerateOptions {
  /** What to generate; default: doc, reports and the design's own orchestrator family. */
  readonly targets?: readonly Target[]
  /** The design file's name, for report.sarif locations; default `<metadata.name>.stackwright.yaml`. */
  readonly designFileName?: string
}

/** The default targets of a design: document, reports and its orchestrator family's manifests. */
export function defaultTargets(design: Design, catalog: Catalog): Target[] {
  return ['doc', 'reports', getOrchestrator(catalog, design.choices.orchestrator).family]
}

/** Generates every requested artifact, evaluating the design once; artifacts sorted by path. */
export function generateAll(
  design: Design,
  catalog: Catalog,
  options: GenerateOptions = {},
): Artifact[] {
  const targets = new Set(options.targets ?? defaultTargets(design, catalog))
  const evaluation = evaluate(design, catalog)
  const family = getOrchestrator(catalog, design.choices.orchestrator).family
  const artifacts: Artifact[] = []
  let familyControls: readonly Control[] | undefined
  for (const target of TARGETS) {
    if (!targets.has(target) || target === 'doc' || target === 'reports') continue
    const output = manifestGenerator(familyOf(target))(design, catalog)
    artifacts.push(...output.artifacts)
    if (target === family) familyControls = output.controls
  }
  if (targets.has('doc')) {
    const controls = familyControls ?? manifestGenerator(family)(design, catalog).controls
    artifacts.push(...generateDocument(design, evaluation, catalog, undefined, controls))
  }
  if (targets.has('reports')) {
    const designFileName = options.designFileName ?? `${design.metadata.name}.stackwright.yaml`
    artifacts.push(...generateReports(evaluation, catalog, { designFileName }))
  }
  artifacts.forEach(assertSafePath)
  artifacts.forEach(assertNoRawControls)
  return artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

function familyOf(target: Exclude<Target, 'doc' | 'reports'>): OrchestratorFamily {
  switch (target) {
    case 'kubernetes':
    case 'ecs':
    case 'swarm':
    case 'nomad':
      return target
    default:
      return assertNever(target)
  }
}

/**
 * Throws when a generator wrote a control or bidi character raw (anything but tab, line feed and
 * CRLF): every writer escapes user text through shared/util/control-chars.ts, so one is a bug.
 */
export function assertNoRawControls(artifact: Artifact): void {
  const found = unsafeCharInFile(artifact.content)
  if (found !== undefined)
    throw new Error(
      `Generator bug: raw control character ${escapeControlChars(found)} in ${JSON.stringify(artifact.path)}`,
    )
}

/** Throws when a generator produced a path a shell must not write (see shared/artifact-path.ts). */
export function assertSafePath(artifact: Artifact): void {
  const problem = artifactPathProblem(artifact.path)
  if (problem !== undefined)
    throw new Error(
      `Generator bug: unsafe artifact path ${JSON.stringify(artifact.path)}: ${problem}`,
    )
}
