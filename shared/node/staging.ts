// Names of the folders a write stages into beside its target, and the cleanup of ones a killed run left.
//
// A staging folder is `.<target>.stackwright-staging-<pid>-<random>` and the previous output, while it
// is being replaced, `.<target>.stackwright-old-<pid>-<random>`, both in the target's parent (one
// file system, so the final rename is atomic). A run that is killed leaves them behind; the next write
// to the same target removes those whose process is gone. The target itself is never left partial.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { ArtifactFs } from './artifact-fs'

export type StagingKind = 'staging' | 'old'

const LEFTOVER = /^\.stackwright-(?:staging|old)-(\d+)-[0-9a-f]{12}$/

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

/** Removes what killed runs left beside `target`; best effort, as the target never depends on it. */
export async function removeLeftovers(target: string, fs: ArtifactFs): Promise<void> {
  const prefix = `.${path.basename(target)}.stackwright-`
  let entries: string[]
  try {
    entries = await fs.readdir(path.dirname(target))
  } catch {
    return
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue
    const match = LEFTOVER.exec(entry.slice(prefix.length - '.stackwright-'.length))
    if (match === null || !processIsGone(Number(match[1]))) continue
    try {
      await fs.rm(path.join(path.dirname(target), entry))
    } catch {
      // Another run may be removing it too.
    }
  }
}
