// Names of the folders a write stages into beside its target, and the recovery of ones a killed run left.
//
// A staging folder is `.<target>.stackwright-staging-<pid>-<random>`; the previous output, while it
// is being replaced, `.<target>.stackwright-old-<pid>-<random>`; and, once the new output is in
// place, the old one is renamed to `...-trash-...` and then deleted. All live in the target's parent
// (one file system, so every rename is atomic). So an `old` folder is always a complete earlier
// output, and a `trash` or `staging` folder is never needed again.
//
// A run that is killed leaves them behind; the next write to the same target handles those whose
// process is gone. Node has no atomic exchange of two folders, so a kill between moving the old output
// aside and moving the new one in leaves the target missing and the old output in its `old` folder:
// the next write then moves it back before anything else. Everything else is removed. The target
// itself is never left partial.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { ArtifactFs } from './artifact-fs'

export type StagingKind = 'staging' | 'old' | 'trash'

const LEFTOVER = /^\.stackwright-(staging|old|trash)-(\d+)-[0-9a-f]{12}$/

/** A fresh, unused sibling name for `target` (absolute). */
export function siblingName(target: string, kind: StagingKind): string {
  const name = `.${path.basename(target)}.stackwright-${kind}-${process.pid}-${randomBytes(6).toString('hex')}`
  return path.join(path.dirname(target), name)
}

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'ESRCH'
  }
}

/**
 * Handles what killed runs left beside `target`: when `target` is missing, an earlier output a run
 * had moved aside is moved back (and true returned); every other leftover is removed. Best effort
 * beyond the move back, as the target never depends on it.
 */
export async function recoverLeftovers(
  target: string,
  fs: ArtifactFs,
  targetMissing: boolean,
): Promise<boolean> {
  const parent = path.dirname(target)
  const prefix = `.${path.basename(target)}`
  let entries: string[]
  try {
    entries = await fs.readdir(parent)
  } catch {
    return false
  }
  const leftovers = entries.flatMap((entry) => {
    const match = entry.startsWith(prefix) ? LEFTOVER.exec(entry.slice(prefix.length)) : null
    return match !== null && processIsGone(Number(match[2]))
      ? [{ file: path.join(parent, entry), kind: match[1] }]
      : []
  })
  let restored = false
  const earlier = leftovers.find((l) => l.kind === 'old')
  if (targetMissing && earlier !== undefined) {
    try {
      await fs.rename(earlier.file, target)
      restored = true
    } catch {
      // Another run may have moved it back, or written the target, first.
    }
  }
  for (const leftover of leftovers) {
    if (restored && leftover === earlier) continue
    try {
      await fs.rm(leftover.file)
    } catch {
      // Another run may be removing it too.
    }
  }
  return restored
}
