// Helpers for the writeArtifacts tests: artifacts, a view of a folder, and a real file system that
// records its calls and fails the ones a test picks.
import { spawnSync } from 'node:child_process'
import { lstatSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Artifact } from '../../../../shared/generate/types'
import { nodeArtifactFs } from '../../../../shared/node/artifact-fs'
import type { ArtifactFs } from '../../../../shared/node/artifact-fs'
import { ArtifactWriteError } from '../../../../shared/node/artifact-plan'
import type { ArtifactWriteProblem } from '../../../../shared/node/artifact-plan'
import { writeArtifacts } from '../../../../shared/node/write-artifacts'

/** What the tests' `--force` may replace at the top of a folder. */
export const TOP_LEVEL: ReadonlySet<string> = new Set(['design.md', 'report.json', 'kubernetes'])

/** Four artifacts whose contents carry `tag`, laid out like generate's output. */
export const artifacts = (tag: string): Artifact[] => [
  { path: 'design.md', content: `# Design ${tag}\n` },
  { path: 'report.json', content: `{"tag":"${tag}"}\n` },
  { path: 'kubernetes/base/namespace.yaml', content: `kind: Namespace # ${tag}\n` },
  { path: 'kubernetes/apps/web/deployment.yaml', content: `kind: Deployment # ${tag}\n` },
]

/** Every entry under `dir` with its content (files), target (links) or 'dir'. */
export function tree(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(e.parentPath, e.name)
    const rel = path.relative(dir, full)
    const s = lstatSync(full)
    result[rel] = s.isSymbolicLink()
      ? `link:${readlinkSync(full)}`
      : s.isDirectory()
        ? 'dir'
        : readFileSync(full, 'utf8')
  }
  return result
}

/** The artifacts as `tree` shows files (without the folders). */
export const filesOf = (list: readonly Artifact[]) =>
  Object.fromEntries(list.map((a) => [path.join(...a.path.split('/')), a.content]))

/** The ArtifactWriteError problem `work` fails with (fails the test when it resolves). */
export async function problemOf(work: Promise<unknown>): Promise<ArtifactWriteProblem> {
  try {
    await work
  } catch (error) {
    if (error instanceof ArtifactWriteError) return error.problem
    throw error
  }
  throw new Error('expected the write to fail')
}

/** An error shaped like Node's fs errors. */
export function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code })
}

/** One call the recording file system saw, with its string arguments. */
export interface Call {
  readonly op: keyof ArtifactFs
  readonly args: readonly string[]
}

/** The real file system, recording each call, and failing the calls `fail` picks. */
export function recordingFs(
  fail?: (call: Call, count: number) => NodeJS.ErrnoException | undefined,
): {
  fs: ArtifactFs
  calls: Call[]
} {
  const calls: Call[] = []
  const wrap =
    <A extends unknown[], R>(op: keyof ArtifactFs, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const call = { op, args: args.filter((a): a is string => typeof a === 'string') }
      calls.push(call)
      const error = fail?.(call, calls.filter((c) => c.op === op).length)
      if (error !== undefined) throw error
      return fn(...args)
    }
  const real = nodeArtifactFs
  return {
    calls,
    fs: {
      mkdir: wrap('mkdir', real.mkdir),
      writeNew: wrap('writeNew', real.writeNew),
      rename: wrap('rename', real.rename),
      rm: wrap('rm', real.rm),
      readdir: wrap('readdir', real.readdir),
      readdirDeep: wrap('readdirDeep', real.readdirDeep),
      lstat: wrap('lstat', real.lstat),
      realpath: wrap('realpath', real.realpath),
    },
  }
}

/** Writes an earlier output into `out`, as a first `generate` would, plus a stale file. */
export async function earlierOutput(out: string): Promise<Record<string, string>> {
  await writeArtifacts(out, artifacts('old'), { mode: 'create' })
  writeFileSync(path.join(out, 'kubernetes', 'stale.yaml'), 'kind: Stale\n')
  return tree(out)
}

/** A pid that no running process has: that of a child that has exited. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
    encoding: 'utf8',
  })
  return Number(child.stdout.trim())
}
