// Writes generated files into one folder, atomically, and never anywhere else.
import { lstat, mkdir, readdir, realpath } from 'node:fs/promises'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { Artifact } from '../../shared/generate/types'
import { CliError, EXIT } from '../errors'
import { describeFsError } from './read-bytes'
import { resolveInside, UnsafePathError } from './safe-path'

export interface WrittenFile {
  /** The artifact's relative path. */
  readonly path: string
  readonly bytes: number
}

const isInside = (root: string, candidate: string) => {
  const rel = path.relative(root, candidate)
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel))
}

/**
 * Makes sure `dir` can receive output: creates it when missing, refuses a file, and refuses a
 * non-empty folder unless `force` (usage error, exit 2). Returns the folder's real path.
 */
export async function prepareOutputDir(
  dir: string,
  displayName: string,
  force: boolean,
): Promise<string> {
  try {
    await mkdir(dir, { recursive: true })
  } catch (error) {
    throw new CliError(`cannot create ${displayName}: ${describeFsError(error)}`, EXIT.usage)
  }
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch (error) {
    throw new CliError(`cannot use ${displayName}: ${describeFsError(error)}`, EXIT.usage)
  }
  if (entries.length > 0 && !force)
    throw new CliError(
      `${displayName} is not empty (${entries.length} entries); use --force to write into it anyway`,
      EXIT.usage,
    )
  return realpath(dir)
}

/** Every artifact's absolute target inside `root`; throws before anything is written if one is unsafe. */
export function planWrites(root: string, artifacts: readonly Artifact[]): Map<string, Artifact> {
  const plan = new Map<string, Artifact>()
  for (const artifact of artifacts) {
    let target: string
    try {
      target = resolveInside(root, artifact.path)
    } catch (error) {
      // A generator produced the path, so this is a bug in Stackwright rather than in the design.
      if (error instanceof UnsafePathError) throw new CliError(error.message, EXIT.internal)
      throw error
    }
    if (plan.has(target))
      throw new CliError(`two generated files share the path ${artifact.path}`, EXIT.internal)
    plan.set(target, artifact)
  }
  return plan
}

async function refuseSymlink(target: string, relative: string): Promise<void> {
  try {
    const stats = await lstat(target)
    // write-file-atomic follows symlinks, which could point outside the folder.
    if (stats.isSymbolicLink())
      throw new CliError(`refusing to write ${relative}: it is a symbolic link`, EXIT.usage)
    if (stats.isDirectory())
      throw new CliError(`cannot write ${relative}: a folder has that name`, EXIT.usage)
  } catch (error) {
    if (error instanceof CliError) throw error
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error
  }
}

/**
 * Writes every artifact under `root` (a real path from prepareOutputDir), each through a temporary file
 * and a rename. Checks each parent folder's real path, so a symlinked subfolder cannot lead outside.
 */
export async function writeArtifacts(
  root: string,
  artifacts: readonly Artifact[],
): Promise<WrittenFile[]> {
  const plan = planWrites(root, artifacts)
  const written: WrittenFile[] = []
  for (const [target, artifact] of plan) {
    try {
      const parent = path.dirname(target)
      await mkdir(parent, { recursive: true })
      if (!isInside(root, await realpath(parent)))
        throw new CliError(
          `refusing to write ${artifact.path}: its folder leads outside the output folder`,
          EXIT.usage,
        )
      await refuseSymlink(target, artifact.path)
      await writeFileAtomic(target, artifact.content, { encoding: 'utf8' })
    } catch (error) {
      if (error instanceof CliError) throw error
      throw new CliError(`cannot write ${artifact.path}: ${describeFsError(error)}`, EXIT.usage)
    }
    written.push({ path: artifact.path, bytes: Buffer.byteLength(artifact.content, 'utf8') })
  }
  return written
}
