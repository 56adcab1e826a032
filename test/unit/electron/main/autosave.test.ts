import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AUTOSAVE_FILE, AUTOSAVE_META, createAutosave } from '../../../../electron/main/autosave'
import { nodeFileIo } from '../../../../electron/main/file-io'
import type { FileIo } from '../../../../electron/main/file-io'
import { errno, tempDir } from '../helpers'

const NOW = new Date('2025-03-04T05:06:07.000Z')
const WORK = 'apiVersion: stackwright.dev/v1\nkind: Design\nmetadata:\n  name: unsaved-ü\n'

async function setup(io: FileIo = nodeFileIo) {
  const userData = await tempDir()
  const dir = path.join(userData, 'autosave')
  return { dir, autosave: createAutosave(dir, io, () => NOW) }
}

describe('autosave', () => {
  it('reads back what was written, with the original path and time', async () => {
    const { dir, autosave } = await setup()
    expect(await autosave.write(WORK, '/home/me/a.stackwright.yaml')).toEqual({ ok: true })
    expect(await autosave.read()).toEqual({
      content: WORK,
      path: '/home/me/a.stackwright.yaml',
      savedAt: NOW.toISOString(),
    })
    expect((await readdir(dir)).sort()).toEqual([AUTOSAVE_META, AUTOSAVE_FILE].sort())
  })

  it('works for an untitled design (no path)', async () => {
    const { autosave } = await setup()
    await autosave.write(WORK)
    expect(await autosave.read()).toEqual({ content: WORK, savedAt: NOW.toISOString() })
  })

  it('has nothing to recover at first start and after clear', async () => {
    const { autosave } = await setup()
    expect(await autosave.read()).toBeNull()
    await autosave.write(WORK)
    expect(await autosave.clear()).toEqual({ ok: true })
    expect(await autosave.read()).toBeNull()
    expect(await autosave.clear()).toEqual({ ok: true })
  })

  it('does not trust content whose length differs from its metadata (crash between writes)', async () => {
    const { dir, autosave } = await setup()
    await autosave.write(WORK)
    await writeFile(path.join(dir, AUTOSAVE_FILE), WORK.slice(0, 10))
    expect(await autosave.read()).toBeNull()
  })

  it('ignores damaged metadata', async () => {
    const { dir, autosave } = await setup()
    await autosave.write(WORK)
    await writeFile(path.join(dir, AUTOSAVE_META), '{"version":1,"savedAt":"yesterday","bytes":3}')
    expect(await autosave.read()).toBeNull()
  })

  it('reports a full disk and keeps the previous autosave', async () => {
    const { autosave: good, dir } = await setup()
    await good.write(WORK)
    const full: FileIo = { ...nodeFileIo, writeAtomic: async () => Promise.reject(errno('ENOSPC')) }
    const failing = createAutosave(dir, full, () => NOW)
    expect(await failing.write('newer work')).toEqual({
      error: expect.stringMatching(/disk is full/),
    })
    expect(await good.read()).toMatchObject({ content: WORK })
  })
})
