// writeArtifacts on a real file system: create, replace (--force) and merge, the staging folder beside
// the target, leftovers of killed runs, and failures (unsafe paths, injected fs errors) that must leave
// the target exactly as it was.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Artifact } from '../../../../shared/generate/types'
import { nodeArtifactFs } from '../../../../shared/node/artifact-fs'
import type { ArtifactFs } from '../../../../shared/node/artifact-fs'
import { ArtifactWriteError } from '../../../../shared/node/artifact-plan'
import type { ArtifactWriteProblem } from '../../../../shared/node/artifact-plan'
import { writeArtifacts } from '../../../../shared/node/write-artifacts'
import type { WriteOptions } from '../../../../shared/node/write-artifacts'

const TOP_LEVEL: ReadonlySet<string> = new Set(['design.md', 'report.json', 'kubernetes'])

let base: string
let out: string
beforeEach(() => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stackwright-write-')))
  out = path.join(base, 'out')
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

const artifacts = (tag: string): Artifact[] => [
  { path: 'design.md', content: `# Design ${tag}\n` },
  { path: 'report.json', content: `{"tag":"${tag}"}\n` },
  { path: 'kubernetes/base/namespace.yaml', content: `kind: Namespace # ${tag}\n` },
  { path: 'kubernetes/apps/web/deployment.yaml', content: `kind: Deployment # ${tag}\n` },
]

/** Every entry under `dir` with its content (files), target (links) or 'dir'. */
function tree(dir: string): Record<string, string> {
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

const filesOf = (list: readonly Artifact[]) =>
  Object.fromEntries(list.map((a) => [path.join(...a.path.split('/')), a.content]))

/** The entries of the folder holding `out`: anything beside it is a staging leftover. */
const besideOut = () => readdirSync(base).sort()

async function problemOf(work: Promise<unknown>): Promise<ArtifactWriteProblem> {
  try {
    await work
  } catch (error) {
    if (error instanceof ArtifactWriteError) return error.problem
    throw error
  }
  throw new Error('expected the write to fail')
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code })
}

interface Call {
  readonly op: keyof ArtifactFs
  readonly args: readonly string[]
}

/** The real file system, recording each call, and failing the calls `fail` picks. */
function recordingFs(fail?: (call: Call, count: number) => NodeJS.ErrnoException | undefined): {
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

const write = (list: readonly Artifact[], options: WriteOptions, target = out) =>
  writeArtifacts(target, list, options)

/** Writes an earlier output into `out`, as a first `generate` would. */
async function earlierOutput(): Promise<Record<string, string>> {
  await write(artifacts('old'), { mode: 'create' })
  writeFileSync(path.join(out, 'kubernetes', 'stale.yaml'), 'kind: Stale\n')
  return tree(out)
}

describe('create', () => {
  it('writes into a missing folder, creating missing parents, and leaves nothing beside it', async () => {
    const target = path.join(base, 'build', 'platform')
    const result = await write(artifacts('new'), { mode: 'create' }, target)
    expect(result.folder).toBe(target)
    expect(result.files).toEqual(
      artifacts('new').map((a) => ({ path: a.path, bytes: Buffer.byteLength(a.content) })),
    )
    const files = Object.fromEntries(Object.entries(tree(target)).filter(([, v]) => v !== 'dir'))
    expect(files).toEqual(filesOf(artifacts('new')))
    expect(readdirSync(path.join(base, 'build'))).toEqual(['platform'])
  })

  it('writes into an empty folder', async () => {
    mkdirSync(out)
    await write(artifacts('new'), { mode: 'create' })
    expect(readFileSync(path.join(out, 'design.md'), 'utf8')).toBe('# Design new\n')
    expect(besideOut()).toEqual(['out'])
  })

  it('refuses a non-empty folder and leaves it untouched', async () => {
    mkdirSync(out)
    writeFileSync(path.join(out, 'notes.txt'), 'mine')
    expect(await problemOf(write(artifacts('new'), { mode: 'create' }))).toBe('not-empty')
    expect(tree(out)).toEqual({ 'notes.txt': 'mine' })
    expect(besideOut()).toEqual(['out'])
  })

  it('refuses a target that is a file', async () => {
    writeFileSync(out, 'a file')
    expect(await problemOf(write(artifacts('new'), { mode: 'replace' }))).toBe('not-a-folder')
    expect(readFileSync(out, 'utf8')).toBe('a file')
  })

  it('accepts Windows device names only with the generators` trailing underscore', async () => {
    await write([{ path: 'con_.json', content: '{}' }], { mode: 'create' })
    expect(readdirSync(out)).toEqual(['con_.json'])
  })
})

describe('replace (--force)', () => {
  it('swaps the earlier output for the new one as a whole: nothing of the old is kept', async () => {
    const before = await earlierOutput()
    expect(before[path.join('kubernetes', 'stale.yaml')]).toBe('kind: Stale\n')
    const { fs, calls } = recordingFs()
    await write(artifacts('new'), { mode: 'replace', replaceOnly: TOP_LEVEL, fs })
    const files = Object.fromEntries(Object.entries(tree(out)).filter(([, v]) => v !== 'dir'))
    expect(files).toEqual(filesOf(artifacts('new')))
    expect(besideOut()).toEqual(['out'])
    // Atomic: no file was ever written into `out` itself; it changed by two renames only, the old
    // output moved aside, then the complete staging folder moved in.
    expect(
      calls.filter((c) => c.op === 'writeNew').every((c) => !c.args[0]?.startsWith(out + path.sep)),
    ).toBe(true)
    const renames = calls.filter((c) => c.op === 'rename')
    expect(renames).toHaveLength(3)
    const [aside, swapIn, toTrash] = renames
    expect(aside?.args[0]).toBe(out)
    expect(path.basename(aside?.args[1] ?? '')).toMatch(/^\.out\.stackwright-old-\d+-[0-9a-f]{12}$/)
    expect(path.basename(swapIn?.args[0] ?? '')).toMatch(
      /^\.out\.stackwright-staging-\d+-[0-9a-f]{12}$/,
    )
    expect(swapIn?.args[1]).toBe(out)
    // Then the old output becomes trash before it is deleted, never a partial `old` folder.
    expect(toTrash?.args[0]).toBe(aside?.args[1])
    expect(path.basename(toTrash?.args[1] ?? '')).toMatch(
      /^\.out\.stackwright-trash-\d+-[0-9a-f]{12}$/,
    )
    expect(calls.filter((c) => c.op === 'rm').map((c) => c.args[0])).toContain(toTrash?.args[1])
  })

  it('refuses a folder holding a foreign entry and leaves it untouched', async () => {
    await earlierOutput()
    writeFileSync(path.join(out, 'notes.txt'), 'mine')
    const before = tree(out)
    const problem = await problemOf(
      write(artifacts('new'), { mode: 'replace', replaceOnly: TOP_LEVEL }),
    )
    expect(problem).toBe('foreign-entries')
    expect(tree(out)).toEqual(before)
    expect(besideOut()).toEqual(['out'])
  })

  it.each([
    ['a file link', 'design.md'],
    ['a nested folder link', path.join('kubernetes', 'apps')],
  ])(
    'refuses a folder holding %s and leaves it and the link target untouched',
    async (_what, at) => {
      await earlierOutput()
      const outside = path.join(base, 'outside')
      mkdirSync(outside)
      writeFileSync(path.join(outside, 'canary.txt'), 'untouched')
      rmSync(path.join(out, at), { recursive: true })
      symlinkSync(
        at === 'design.md' ? path.join(outside, 'canary.txt') : outside,
        path.join(out, at),
      )
      const before = tree(out)
      const problem = await problemOf(
        write(artifacts('new'), { mode: 'replace', replaceOnly: TOP_LEVEL }),
      )
      expect(problem).toBe('symlink')
      expect(tree(out)).toEqual(before)
      expect(tree(outside)).toEqual({ 'canary.txt': 'untouched' })
      expect(besideOut()).toEqual(['out', 'outside'])
    },
  )

  it('writes through a target that is itself a link to a folder, keeping the link', async () => {
    const real = path.join(base, 'real')
    mkdirSync(real)
    symlinkSync(real, out)
    const result = await write(artifacts('new'), { mode: 'replace', replaceOnly: TOP_LEVEL })
    expect(result.folder).toBe(real)
    expect(lstatSync(out).isSymbolicLink()).toBe(true)
    expect(readFileSync(path.join(out, 'design.md'), 'utf8')).toBe('# Design new\n')
    expect(besideOut()).toEqual(['out', 'real'])
  })
})

describe('merge (Electron export)', () => {
  it('replaces same-named files, adds new ones, keeps the rest and leaves no staging folder', async () => {
    mkdirSync(path.join(out, 'kubernetes'), { recursive: true })
    writeFileSync(path.join(out, 'notes.txt'), 'mine')
    writeFileSync(path.join(out, 'design.md'), 'old design')
    writeFileSync(path.join(out, 'kubernetes', 'extra.yaml'), 'kept')
    await write(artifacts('new'), { mode: 'merge' })
    const files = Object.fromEntries(Object.entries(tree(out)).filter(([, v]) => v !== 'dir'))
    expect(files).toEqual({
      ...filesOf(artifacts('new')),
      'notes.txt': 'mine',
      [path.join('kubernetes', 'extra.yaml')]: 'kept',
    })
    expect(besideOut()).toEqual(['out'])
  })

  it('refuses to write through a planted link and leaves its target alone', async () => {
    const outside = path.join(base, 'outside')
    mkdirSync(outside)
    mkdirSync(out)
    writeFileSync(path.join(out, 'notes.txt'), 'mine')
    symlinkSync(outside, path.join(out, 'kubernetes'))
    expect(await problemOf(write(artifacts('new'), { mode: 'merge' }))).toBe('symlink')
    // Not even an empty folder is created through the link, and nothing in the folder changed.
    expect(readdirSync(outside)).toEqual([])
    expect(tree(out)).toEqual({ 'notes.txt': 'mine', kubernetes: `link:${outside}` })
  })

  it('refuses a file link without changing any file, even ones checked before it', async () => {
    const outside = path.join(base, 'outside')
    mkdirSync(outside)
    mkdirSync(path.join(out, 'kubernetes', 'apps', 'web'), { recursive: true })
    writeFileSync(path.join(out, 'design.md'), 'old design')
    writeFileSync(path.join(outside, 'victim.yaml'), 'untouched')
    symlinkSync(
      path.join(outside, 'victim.yaml'),
      path.join(out, 'kubernetes', 'apps', 'web', 'deployment.yaml'),
    )
    const before = tree(out)
    expect(await problemOf(write(artifacts('new'), { mode: 'merge' }))).toBe('symlink')
    expect(tree(out)).toEqual(before)
    expect(readFileSync(path.join(outside, 'victim.yaml'), 'utf8')).toBe('untouched')
  })
})

describe('failures leave the target as it was', () => {
  it.each([
    '../escape.md',
    '/tmp/abs.md',
    'a/../../b.md',
    'a\\b.md',
    'a\0b.md',
    'nul.yaml',
    'C:/x.md',
  ])('an unsafe path %j aborts before any file-system call', async (bad) => {
    await earlierOutput()
    const before = tree(out)
    const { fs, calls } = recordingFs()
    const list = [...artifacts('new'), { path: bad, content: 'evil' }]
    for (const mode of ['create', 'replace', 'merge'] as const)
      expect(await problemOf(write(list, { mode, replaceOnly: TOP_LEVEL, fs }))).toBe('unsafe-path')
    expect(calls).toEqual([])
    expect(tree(out)).toEqual(before)
    expect(besideOut()).toEqual(['out'])
    expect(existsSync(path.join(base, 'escape.md'))).toBe(false)
  })

  it.each([
    ['case', 'design.md', 'Design.md'],
    ['Unicode normalisation', 'caf\u00e9.md', 'cafe\u0301.md'],
  ])(
    'two paths that are one file on some disks (%s) abort before writing',
    async (_what, first, twin) => {
      const { fs, calls } = recordingFs()
      const list = [
        { path: first, content: 'a' },
        { path: twin, content: 'b' },
      ]
      expect(await problemOf(write(list, { mode: 'create', fs }))).toBe('duplicate')
      expect(calls).toEqual([])
      expect(existsSync(out)).toBe(false)
    },
  )

  it.each([
    ['a failing file write (disk full)', 'writeNew', 3, 'ENOSPC'],
    ['a failing folder creation (read-only disk)', 'mkdir', 2, 'EROFS'],
    ['a failing swap into place (permission)', 'rename', 2, 'EACCES'],
    ['a failing move aside', 'rename', 1, 'EPERM'],
  ] as const)(
    'with --force, %s leaves the earlier output whole and nothing beside it',
    async (_what, op, nth, code) => {
      const before = await earlierOutput()
      const { fs } = recordingFs((call, count) =>
        call.op === op && count === nth ? errno(code) : undefined,
      )
      const problem = await problemOf(
        write(artifacts('new'), { mode: 'replace', replaceOnly: TOP_LEVEL, fs }),
      )
      expect(problem).toBe('io')
      expect(tree(out)).toEqual(before)
      expect(besideOut()).toEqual(['out'])
    },
  )

  it('without --force, a failing write leaves no --out and nothing beside it', async () => {
    const { fs } = recordingFs((call, count) =>
      call.op === 'writeNew' && count === 2 ? errno('ENOSPC') : undefined,
    )
    let message = ''
    try {
      await write(artifacts('new'), { mode: 'create', fs, shownAs: 'out' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^cannot write [a-z./]+: no space left on the device$/)
    expect(besideOut()).toEqual([])
  })

  it('a read-only parent (a real EACCES for users other than root) leaves --out as it was', async () => {
    const before = await earlierOutput()
    const parent = statSync(base).mode
    try {
      // chmod does not stop root; then an injected EACCES on the staging folder stands in for it.
      chmodSync(base, 0o555)
      const { fs } = recordingFs((call) =>
        process.getuid?.() === 0 && call.op === 'mkdir' && call.args[0]?.includes('-staging-')
          ? errno('EACCES')
          : undefined,
      )
      let message = ''
      try {
        await write(artifacts('new'), {
          mode: 'replace',
          replaceOnly: TOP_LEVEL,
          fs,
          shownAs: 'out',
        })
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toMatch(/permission denied/)
    } finally {
      chmodSync(base, parent)
    }
    expect(tree(out)).toEqual(before)
    expect(besideOut()).toEqual(['out'])
  })
})

describe('leftovers of killed runs', () => {
  /** A pid that no running process has: that of a child that has exited. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
      encoding: 'utf8',
    })
    return Number(child.stdout.trim())
  }

  it('are removed by the next write to the same target; those of live runs and others stay', async () => {
    const dead = deadPid()
    const live = process.ppid
    const names = {
      deadStaging: `.out.stackwright-staging-${dead}-0123456789ab`,
      deadOld: `.out.stackwright-old-${dead}-ba9876543210`,
      deadTrash: `.out.stackwright-trash-${dead}-ba9876543210`,
      liveStaging: `.out.stackwright-staging-${live}-aaaaaaaaaaaa`,
      otherTarget: `.other.stackwright-staging-${dead}-0123456789ab`,
      notOurs: `.out.stackwright-staging-${dead}-nothex`,
    }
    for (const name of Object.values(names)) {
      mkdirSync(path.join(base, name, 'kubernetes'), { recursive: true })
      writeFileSync(path.join(base, name, 'kubernetes', 'half.yaml'), 'kind: Half')
    }
    // An empty target exists, so the dead run's `old` folder is removed, not moved back.
    mkdirSync(out)
    await write(artifacts('new'), { mode: 'create' })
    expect(besideOut()).toEqual(['out', names.liveStaging, names.otherTarget, names.notOurs].sort())
    expect(readFileSync(path.join(out, 'design.md'), 'utf8')).toBe('# Design new\n')
  })

  it.each(['replace', 'create'] as const)(
    'a run killed between moving the old output aside and the new one in: the next %s moves it back first',
    async (mode) => {
      const before = await earlierOutput()
      const aside = path.join(base, `.out.stackwright-old-${deadPid()}-0123456789ab`)
      const staging = path.join(base, `.out.stackwright-staging-${deadPid()}-0123456789ab`)
      renameSync(out, aside)
      mkdirSync(staging)
      writeFileSync(path.join(staging, 'design.md'), '# Design killed\n')
      if (mode === 'replace') {
        await write(artifacts('new'), { mode, replaceOnly: TOP_LEVEL })
        expect(readFileSync(path.join(out, 'design.md'), 'utf8')).toBe('# Design new\n')
        expect(existsSync(path.join(out, 'kubernetes', 'stale.yaml'))).toBe(false)
      } else {
        // Without --force the earlier output is back and, as before the killed run, not replaced.
        expect(await problemOf(write(artifacts('new'), { mode }))).toBe('not-empty')
        expect(tree(out)).toEqual(before)
      }
      expect(besideOut()).toEqual(['out'])
    },
  )

  it('an earlier output moved aside is not moved back over a target that exists', async () => {
    await write(artifacts('current'), { mode: 'create' })
    const aside = path.join(base, `.out.stackwright-old-${deadPid()}-0123456789ab`)
    mkdirSync(aside)
    writeFileSync(path.join(aside, 'design.md'), '# Design older\n')
    await write(artifacts('new'), { mode: 'replace', replaceOnly: TOP_LEVEL })
    expect(readFileSync(path.join(out, 'design.md'), 'utf8')).toBe('# Design new\n')
    expect(besideOut()).toEqual(['out'])
  })

  it('inside a merged folder, the staging folders of dead runs are removed too', async () => {
    mkdirSync(out)
    writeFileSync(path.join(out, 'notes.txt'), 'mine')
    const leftover = `.out.stackwright-staging-${deadPid()}-0123456789ab`
    mkdirSync(path.join(out, leftover))
    await write(artifacts('new'), { mode: 'merge' })
    expect(readdirSync(out)).not.toContain(leftover)
    expect(readdirSync(out)).toContain('notes.txt')
  })
})
