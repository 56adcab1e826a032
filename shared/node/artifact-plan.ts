// Checks a set of artifacts before anything touches the disk: every path safe, no two the same file.
import path from 'node:path'
import { artifactPathProblem } from '../artifact-path'
import type { Artifact } from '../generate/types'
import { escapeControlChars } from '../util/control-chars'

export type ArtifactWriteProblem =
  'unsafe-path' | 'duplicate' | 'not-a-folder' | 'not-empty' | 'symlink' | 'foreign-entries' | 'io'

/** Why artifacts were not written; `path` is the artifact (or entry) concerned, when there is one. */
export class ArtifactWriteError extends Error {
  constructor(
    readonly problem: ArtifactWriteProblem,
    message: string,
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'ArtifactWriteError'
  }
}

/** One artifact with the absolute file it becomes under a folder. */
export interface PlannedFile {
  readonly artifact: Artifact
  /** Absolute, below the folder the plan was made for. */
  readonly file: string
}

/**
 * Resolves every artifact below `root`; throws ArtifactWriteError when a path is unsafe (see
 * shared/artifact-path.ts) or two would be one file on a case-insensitive disk (Windows, macOS).
 */
export function planArtifacts(root: string, artifacts: readonly Artifact[]): PlannedFile[] {
  const base = path.resolve(root)
  const seen = new Set<string>()
  return artifacts.map((artifact) => {
    const shown = JSON.stringify(escapeControlChars(artifact.path))
    const problem = artifactPathProblem(artifact.path)
    if (problem !== undefined)
      throw new ArtifactWriteError(
        'unsafe-path',
        // The problem may quote a segment, which may hold bidi controls.
        `unsafe path ${shown}: ${escapeControlChars(problem)}`,
        artifact.path,
      )
    // macOS also takes the composed and decomposed forms of an accented letter as one name.
    const key = artifact.path.normalize('NFC').toLowerCase()
    if (seen.has(key))
      throw new ArtifactWriteError('duplicate', `two files share the path ${shown}`, artifact.path)
    seen.add(key)
    return { artifact, file: path.join(base, ...artifact.path.split('/')) }
  })
}
