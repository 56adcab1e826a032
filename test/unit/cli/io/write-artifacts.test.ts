import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CliError } from '../../../../cli/errors'
import { prepareOutputDir, writeArtifacts } from '../../../../cli/io/write-artifacts'

let base: string
beforeEach(() => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stackwright-write-')))
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

const exitCodeOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (error) {
    if (error instanceof CliError) return error.exitCode
    throw error
  }
  return 0
}

describe('prepareOutputDir', () => {
  it('creates a missing folder and accepts an empty one', async () => {
    const out = path.join(base, 'a', 'b')
    expect(await prepareOutputDir(out, 'a/b', false)).toBe(out)
    expect(await prepareOutputDir(out, 'a/b', false)).toBe(out)
  })

  it('refuses a non-empty folder without force (exit 2) and accepts it with force', async () => {
    writeFileSync(path.join(base, 'keep.txt'), 'x')
    expect(await exitCodeOf(prepareOutputDir(base, 'out', false))).toBe(2)
    expect(await prepareOutputDir(base, 'out', true)).toBe(base)
  })

  it('refuses a path that is a file', async () => {
    writeFileSync(path.join(base, 'f'), 'x')
    expect(await exitCodeOf(prepareOutputDir(path.join(base, 'f'), 'f', true))).toBe(2)
  })
})

describe('writeArtifacts', () => {
  it('writes nested files and reports their sizes', async () => {
    const written = await writeArtifacts(base, [
      { path: 'design.md', content: '# Design\n' },
      { path: 'kubernetes/base/ns.yaml', content: 'kind: Namespace\n' },
    ])
    expect(written).toEqual([
      { path: 'design.md', bytes: 9 },
      { path: 'kubernetes/base/ns.yaml', bytes: 16 },
    ])
    expect(readFileSync(path.join(base, 'kubernetes/base/ns.yaml'), 'utf8')).toBe(
      'kind: Namespace\n',
    )
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(base).sort()).toEqual(['design.md', 'kubernetes'])
  })

  it.each(['../escape.txt', '/tmp/abs.txt', 'a/../../b', 'a\\b', 'a\0b'])(
    'writes nothing at all when one path is unsafe: %j',
    async (bad) => {
      const out = path.join(base, 'out')
      mkdirSync(out)
      const code = await exitCodeOf(
        writeArtifacts(out, [
          { path: 'first.md', content: 'ok' },
          { path: bad, content: 'evil' },
        ]),
      )
      expect(code).toBe(3)
      expect(readdirSync(out)).toEqual([])
      expect(existsSync(path.join(base, 'escape.txt'))).toBe(false)
    },
  )

  it('refuses to follow a symlinked file or folder out of the output folder', async () => {
    const outside = path.join(base, 'outside')
    const out = path.join(base, 'out')
    mkdirSync(outside)
    mkdirSync(out)
    symlinkSync(outside, path.join(out, 'kubernetes'))
    symlinkSync(path.join(outside, 'victim.md'), path.join(out, 'design.md'))
    expect(
      await exitCodeOf(writeArtifacts(out, [{ path: 'kubernetes/x.yaml', content: 'x' }])),
    ).toBe(2)
    expect(await exitCodeOf(writeArtifacts(out, [{ path: 'design.md', content: 'x' }]))).toBe(2)
    expect(readdirSync(outside)).toEqual([])
  })
})
