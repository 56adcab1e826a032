// writeArtifacts on a real file system: create, replace (--force) and merge, the staging folder beside
// the target, and failures (unsafe paths, injected fs errors) that must leave the target exactly as it
// was. Leftovers of killed runs are in staging.test.ts.
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Artifact } from '../../../../shared/generate/types'
import { writeArtifacts } from '../../../../shared/node/write-artifacts'
import type { WriteOptions } from '../../../../shared/node/write-artifacts'
import {
  TOP_LEVEL,
  artifacts,
  earlierOutput,
  errno,
  filesOf,
  problemOf,
  recordingFs,
  tree,
} from './write-fixtures'

let base: string
let out: string
beforeEach(() => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stackwright-write-')))
  out = path.join(base, 'out')
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

const besideOut = () => readdirSync(base).sort()
const write = (list: readonly Artifact[], options: WriteOptions, target = out) =>
  writeArtifacts(target, list, options)

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
    const before = await earlierOutput(out)
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
    await earlierOutput(out)
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
      await earlierOutput(out)
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
    await earlierOutput(out)
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
      const before = await earlierOutput(out)
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
    const before = await earlierOutput(out)
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
