// Writes generated files into one folder so that the folder is never left half-written: everything goes
// into a staging folder beside the target, which is renamed into place once complete (see staging.ts).
//
//  - create:  the target must be missing or empty; the staging folder becomes it.
//  - replace: an existing target is moved aside, the staging folder renamed into place, then the old
//             one deleted; a failure before the swap leaves the old target as it was.
//  - merge:   files join an existing folder, replacing same-named ones and keeping the rest. They are
//             all written first (staged inside the folder) and every target checked, then each renamed
//             over its target, so a failure while writing or a refused link changes nothing; only a
//             kill or an I/O error during the renames can leave a mix.
// Files are not fsynced: the swap protects against failed and killed runs, not against power loss.
import path from 'node:path'
import type { Artifact } from '../generate/types'
import { nodeArtifactFs } from './artifact-fs'
import type { ArtifactFs } from './artifact-fs'
import { ArtifactWriteError, planArtifacts } from './artifact-plan'
import type { PlannedFile } from './artifact-plan'
import { describeFsError, errorCode, shownPath } from './fs-errors'
import { recoverLeftovers, siblingName } from './staging'

export type WriteMode = 'create' | 'replace' | 'merge'

export interface WriteOptions {
  readonly mode: WriteMode
  /**
   * replace only: the names an existing folder may hold at its top level. A folder holding anything
   * else, or a symbolic link anywhere, is refused rather than deleted: it is not (only) earlier output.
   */
  readonly replaceOnly?: ReadonlySet<string>
  /** How messages name the target (e.g. the --out argument as typed); default its absolute path. */
  readonly shownAs?: string
  readonly fs?: ArtifactFs
}

export interface WrittenFile {
  /** The artifact's relative path. */
  readonly path: string
  readonly bytes: number
}

export interface WriteResult {
  /** The folder written, as a real path (a symbolic link given as the target is followed). */
  readonly folder: string
  readonly files: readonly WrittenFile[]
}

// Enough writes in flight to keep the disk busy without exhausting file handles.
const CONCURRENCY = 16

const isInside = (root: string, candidate: string) => {
  const rel = path.relative(root, candidate)
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel))
}

function ioError(error: unknown, what: string, artifactPath?: string): ArtifactWriteError {
  if (error instanceof ArtifactWriteError) return error
  return new ArtifactWriteError('io', `${what}: ${describeFsError(error)}`, artifactPath, {
    cause: error,
  })
}

/** The target's real path and its entries, or undefined entries when it does not exist yet. */
async function inspectTarget(
  target: string,
  shown: string,
  fs: ArtifactFs,
): Promise<{ folder: string; entries: string[] | undefined }> {
  let folder = target
  try {
    const stats = await fs.lstat(target)
    if (stats.isSymbolicLink()) folder = await fs.realpath(target)
    const real = stats.isSymbolicLink() ? await fs.lstat(folder) : stats
    if (!real.isDirectory())
      throw new ArtifactWriteError('not-a-folder', `${shown} is not a folder`)
    return { folder, entries: await fs.readdir(folder) }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { folder, entries: undefined }
    throw ioError(error, `cannot use ${shown}`)
  }
}

/** Throws unless everything in `folder` may be deleted by a replace (see WriteOptions.replaceOnly). */
async function checkReplaceable(
  folder: string,
  shown: string,
  entries: readonly string[],
  allowed: ReadonlySet<string>,
  fs: ArtifactFs,
): Promise<void> {
  const foreign = entries.filter((e) => !allowed.has(e)).sort()
  if (foreign.length > 0) {
    const named = foreign.slice(0, 3).map((e) => shownPath(e))
    throw new ArtifactWriteError(
      'foreign-entries',
      `${shown} holds ${foreign.length === 1 ? 'an entry' : 'entries'} that generate does not write (${named.join(', ')}${foreign.length > 3 ? ', ...' : ''})`,
      foreign[0],
    )
  }
  const link = (await fs.readdirDeep(folder)).find((e) => e.isSymbolicLink())
  if (link !== undefined) {
    const relative = path.relative(folder, path.join(link.parentPath, link.name))
    throw new ArtifactWriteError(
      'symlink',
      `refusing to replace ${shown}: ${shownPath(relative)} is a symbolic link`,
      relative,
    )
  }
}

/** Writes `files` (planned below `root`) as new files, creating their folders first. */
async function writeAll(files: readonly PlannedFile[], fs: ArtifactFs): Promise<void> {
  const folders = [...new Set(files.map((f) => path.dirname(f.file)))].sort()
  for (const folder of folders) await fs.mkdir(folder, { recursive: true })
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const planned = files[next++]
      if (planned === undefined) return
      try {
        await fs.writeNew(planned.file, planned.artifact.content)
      } catch (error) {
        throw ioError(
          error,
          `cannot write ${shownPath(planned.artifact.path)}`,
          planned.artifact.path,
        )
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker))
}

/**
 * Throws unless every existing folder on the way to `artifactPath` below `folder` stays inside it (a
 * planted link to a folder outside is refused before anything is created through it) and the file
 * itself is neither a link nor a folder. Creates nothing.
 */
async function checkMergeTarget(
  folder: string,
  target: PlannedFile,
  fs: ArtifactFs,
): Promise<void> {
  const shown = shownPath(target.artifact.path)
  const refuse = (why: string) =>
    new ArtifactWriteError('symlink', `refusing to write ${shown}: ${why}`, target.artifact.path)
  let current = folder
  for (const segment of target.artifact.path.split('/')) {
    current = path.join(current, segment)
    let stats
    try {
      stats = await fs.lstat(current)
    } catch (error) {
      // Nothing below a missing folder exists yet, so nothing there can be a link.
      if (errorCode(error) === 'ENOENT') return
      throw error
    }
    const isFile = current === target.file
    if (isFile && stats.isSymbolicLink()) throw refuse('it is a symbolic link')
    if (isFile && stats.isDirectory())
      throw new ArtifactWriteError(
        'io',
        `cannot write ${shown}: a folder has that name`,
        target.artifact.path,
      )
    if (!isFile && stats.isSymbolicLink() && !isInside(folder, await fs.realpath(current)))
      throw refuse('its folder leads outside the output folder')
  }
}

/**
 * Moves the staged files over their targets in `folder`, refusing links that lead outside it. Every
 * target is checked before the first move, so a refusal changes nothing in `folder`.
 */
async function mergeInto(
  folder: string,
  staged: readonly PlannedFile[],
  fs: ArtifactFs,
): Promise<void> {
  const targets = planArtifacts(
    folder,
    staged.map((s) => s.artifact),
  )
  for (const target of targets) await checkMergeTarget(folder, target, fs)
  for (const [i, target] of targets.entries()) {
    await fs.mkdir(path.dirname(target.file), { recursive: true })
    await fs.rename(staged[i]?.file ?? '', target.file)
  }
}

/** Swaps `staging` in as `folder`, moving an existing `folder` aside first and deleting it after. */
async function swapIn(
  staging: string,
  folder: string,
  exists: boolean,
  fs: ArtifactFs,
): Promise<void> {
  if (!exists) return fs.rename(staging, folder)
  const aside = siblingName(folder, 'old')
  await fs.rename(folder, aside)
  try {
    await fs.rename(staging, folder)
  } catch (error) {
    await fs.rename(aside, folder)
    throw error
  }
  // The new folder is in place. The old one becomes trash before it is deleted, so a kill while
  // deleting never leaves a partial `old` folder that a later run would move back (see staging.ts);
  // a failure to delete it leaves a leftover, removed next time.
  const trash = siblingName(folder, 'trash')
  await fs
    .rename(aside, trash)
    .then(
      () => fs.rm(trash),
      () => fs.rm(aside),
    )
    .catch(() => undefined)
}

/**
 * Writes every artifact below `target` (absolute) as `options.mode` says, all or nothing: on any
 * failure the staging folder is removed and the target is as it was. Throws ArtifactWriteError.
 */
export async function writeArtifacts(
  target: string,
  artifacts: readonly Artifact[],
  options: WriteOptions,
): Promise<WriteResult> {
  const fs = options.fs ?? nodeArtifactFs
  const shown = shownPath(options.shownAs ?? target)
  planArtifacts(target, artifacts)
  const resolved = path.resolve(target)
  let inspected = await inspectTarget(resolved, shown, fs)
  // Leftovers of killed runs beside the target; one that had moved an earlier output aside gives it
  // back when the target is missing, and the write goes on as if that run had never started.
  const mergingInto = options.mode === 'merge' && (inspected.entries ?? []).length > 0
  if (
    !mergingInto &&
    (await recoverLeftovers(inspected.folder, fs, inspected.entries === undefined))
  )
    inspected = await inspectTarget(resolved, shown, fs)
  const { folder, entries } = inspected
  const nonEmpty = entries !== undefined && entries.length > 0
  if (nonEmpty && options.mode === 'create')
    throw new ArtifactWriteError('not-empty', `${shown} is not empty (${entries.length} entries)`)
  if (nonEmpty && options.mode === 'replace' && options.replaceOnly !== undefined)
    await checkReplaceable(folder, shown, entries, options.replaceOnly, fs)
  const merging = nonEmpty && options.mode === 'merge'
  // A merge stages inside the folder (it may be a mount point); the others beside it, to be renamed.
  const staging = merging
    ? path.join(folder, path.basename(siblingName(folder, 'staging')))
    : siblingName(folder, 'staging')
  if (merging) await recoverLeftovers(path.join(folder, path.basename(folder)), fs, false)
  const staged = planArtifacts(staging, artifacts)
  try {
    // A missing target may have missing parents too (`--out build/platform`); the staging folder
    // lives in the parent, so it is created first, as `mkdir -p` would (and kept if the write fails).
    if (entries === undefined) await fs.mkdir(path.dirname(folder), { recursive: true })
    await fs.mkdir(staging, { recursive: false })
    await writeAll(staged, fs)
    if (merging) await mergeInto(folder, staged, fs)
    else await swapIn(staging, folder, entries !== undefined, fs)
  } catch (error) {
    await fs.rm(staging).catch(() => undefined)
    throw ioError(error, `cannot write into ${shown}`)
  }
  if (merging) await fs.rm(staging).catch(() => undefined)
  return {
    folder,
    files: artifacts.map((a) => ({ path: a.path, bytes: Buffer.byteLength(a.content, 'utf8') })),
  }
}
