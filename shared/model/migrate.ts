// The migration registry: ordered steps that bring older design files up to the current
// apiVersion before schema validation, and the checks on the apiVersion field itself.
import type { PathSegment, Problem } from './errors'
import { describeValue, quote } from './errors'
import { isNewerApiVersion } from './api-version'
import { didYouMean } from './did-you-mean'
import { v1alpha1ToV1 } from './migrate-v1alpha1'
import { v1ToV2 } from './migrate-v1'
import type { MigrationStep, PathMapper } from './migration-types'
import { API_VERSION_V2 } from './schema'

export type { MigrationStep, PathMapper, StepResult } from './migration-types'

/** The apiVersion this build writes and validates. */
export const CURRENT_API_VERSION = API_VERSION_V2

/** Every step, oldest first. A format change adds a step here and a test for it. */
export const MIGRATIONS: readonly MigrationStep[] = [v1alpha1ToV1, v1ToV2]

/** Every apiVersion this build can read, newest first. */
export const SUPPORTED_API_VERSIONS: readonly string[] = [
  CURRENT_API_VERSION,
  ...MIGRATIONS.map((step) => step.from).reverse(),
]

export type MigrateResult =
  | {
      ok: true
      value: Record<string, unknown>
      migratedFrom?: string
      /** Maps a path in the migrated document back to the file as written. */
      toSourcePath: PathMapper
    }
  | { ok: false; problems: Problem[] }

const identity: PathMapper = (path) => [...path]
const API_VERSION_PATH: PathSegment[] = ['apiVersion']

function versionProblem(apiVersion: unknown): Problem | undefined {
  if (apiVersion === undefined) {
    return {
      path: API_VERSION_PATH,
      message: 'missing required field "apiVersion"',
      hint: `start the file with apiVersion: ${CURRENT_API_VERSION}`,
    }
  }
  if (typeof apiVersion !== 'string') {
    return { path: API_VERSION_PATH, message: `expected text, got ${describeValue(apiVersion)}` }
  }
  if (SUPPORTED_API_VERSIONS.includes(apiVersion)) return undefined
  if (isNewerApiVersion(apiVersion, CURRENT_API_VERSION)) {
    return {
      path: API_VERSION_PATH,
      message: `this file was written by a newer Stackwright (apiVersion ${apiVersion}); this version reads ${SUPPORTED_API_VERSIONS.join(', ')}`,
      hint: 'update Stackwright to open it',
    }
  }
  const problem: Problem = {
    path: API_VERSION_PATH,
    message: `unknown apiVersion ${quote(apiVersion)}; supported versions: ${SUPPORTED_API_VERSIONS.join(', ')}`,
  }
  const hint = didYouMean(apiVersion, SUPPORTED_API_VERSIONS)
  if (hint !== undefined) problem.hint = hint
  return problem
}

/** Brings a raw parsed document to the current apiVersion, or says why it cannot. */
export function migrateToCurrent(raw: Record<string, unknown>): MigrateResult {
  const problem = versionProblem(raw.apiVersion)
  if (problem !== undefined) return { ok: false, problems: [problem] }
  const from = raw.apiVersion as string
  let value = raw
  let toSourcePath = identity
  for (let steps = 0; value.apiVersion !== CURRENT_API_VERSION; steps++) {
    const step = MIGRATIONS.find((s) => s.from === value.apiVersion)
    if (step === undefined || steps >= MIGRATIONS.length) {
      throw new Error(`migration chain is broken at ${String(value.apiVersion)}`)
    }
    const result = step.migrate(value)
    const before = toSourcePath
    if (!result.ok) {
      return {
        ok: false,
        problems: result.problems.map((p) => ({ ...p, path: before(p.path) })),
      }
    }
    value = result.value
    toSourcePath = (path) => before(result.toSourcePath(path))
  }
  return from === CURRENT_API_VERSION
    ? { ok: true, value, toSourcePath }
    : { ok: true, value, migratedFrom: from, toSourcePath }
}
