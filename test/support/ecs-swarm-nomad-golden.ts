// Golden-file comparison for generator output; `UPDATE_GOLDEN=1` rewrites the expected files.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { Artifact } from '../../shared/generate/types'

const UPDATE = process.env.UPDATE_GOLDEN === '1'
/** Golden copies carry this suffix so formatters and linters leave the byte-exact output alone. */
const SUFFIX = '.golden'

function listFiles(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  } catch {
    return []
  }
  return entries
    .map((e) => join(dir, e))
    .filter((p) => {
      try {
        readFileSync(p)
        return true
      } catch {
        return false
      }
    })
}

/**
 * Differences between the artifacts and the golden files under `dir` (by artifact path): files that
 * differ, are missing or are extra. With UPDATE_GOLDEN=1 it rewrites `dir` instead and reports none.
 */
export function goldenDifferences(dir: string, artifacts: readonly Artifact[]): string[] {
  if (UPDATE) {
    rmSync(dir, { recursive: true, force: true })
    for (const a of artifacts) {
      const file = join(dir, a.path + SUFFIX)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, a.content)
    }
    return []
  }
  const expected = new Set(
    listFiles(dir)
      .map((p) => relative(dir, p).split('\\').join('/'))
      .map((p) => (p.endsWith(SUFFIX) ? p.slice(0, -SUFFIX.length) : p)),
  )
  const problems: string[] = []
  for (const a of artifacts) {
    if (!expected.delete(a.path)) {
      problems.push(`${a.path}: not in the golden files (run with UPDATE_GOLDEN=1)`)
      continue
    }
    if (readFileSync(join(dir, a.path + SUFFIX), 'utf8') !== a.content) {
      problems.push(`${a.path}: differs`)
    }
  }
  for (const extra of expected) problems.push(`${extra}: golden file no longer generated`)
  return problems
}
