// Shapes shared by the migration registry and its steps.
import type { PathSegment, Problem } from './errors'

/** Maps a path in a step's output back to the same place in its input. */
export type PathMapper = (path: readonly PathSegment[]) => PathSegment[]

export type StepResult =
  | { ok: true; value: Record<string, unknown>; toSourcePath: PathMapper }
  | { ok: false; problems: Problem[] }

/** One step of the chain from an older apiVersion towards the current one. */
export interface MigrationStep {
  from: string
  to: string
  /** What changed, in one line, for logs and the changelog. */
  summary: string
  /** Rewrites the raw parsed document (before schema validation); must not mutate its input. */
  migrate(doc: Record<string, unknown>): StepResult
}
