import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { designContentProblem } from '../../../../electron/main/design-check'
import { createDocuments } from '../../../../electron/main/documents'
import type { DocumentDialogs } from '../../../../electron/main/documents'
import { nodeFileIo } from '../../../../electron/main/file-io'
import { createRecentFiles } from '../../../../electron/main/recent-files'
import { tempDir } from '../helpers'

const DESIGN = await readFile(
  path.resolve('assets/examples/small-team-ecs.stackwright.yaml'),
  'utf8',
)

async function setup(
  answers: { open?: string | null; save?: string | null } = {},
  sharedDir?: string,
) {
  const dir = sharedDir ?? (await tempDir())
  const asked: string[] = []
  const dialogs: DocumentDialogs = {
    chooseDesignToOpen: async () => {
      asked.push('open')
      return answers.open ?? null
    },
    chooseDesignToSave: async (suggested) => {
      asked.push(`save:${suggested}`)
      return answers.save ?? null
    },
  }
  let saves = 0
  const menus: (readonly string[])[] = []
  const recent = createRecentFiles(path.join(dir, 'recent.json'), nodeFileIo)
  const documents = createDocuments({
    io: nodeFileIo,
    dialogs,
    recent,
    contentProblem: designContentProblem,
    afterSave: async () => {
      saves += 1
    },
    onRecentChanged: (files) => void menus.push(files),
  })
  const file = path.join(dir, 'a.stackwright.yaml')
  await writeFile(file, DESIGN)
  return { dir, file, documents, asked, recent, menus, saves: () => saves }
}

describe('documents: what the renderer may touch', () => {
  it('refuses to save to a path the user never chose, and writes nothing', async () => {
    const { dir, documents } = await setup()
    const target = path.join(dir, 'victim.txt')
    await writeFile(target, 'precious')
    expect(await documents.save(target, DESIGN)).toEqual({
      error: expect.stringMatching(/not opened or saved/),
    })
    expect(await readFile(target, 'utf8')).toBe('precious')
  })

  it('refuses to open a "recent" file that is not in the recent list', async () => {
    const { documents } = await setup()
    expect(await documents.openRecent('/etc/passwd')).toEqual({
      error: expect.stringMatching(/not opened or saved/),
    })
  })

  it('reveals nothing about files the user never chose through check-changed', async () => {
    const { file, documents } = await setup()
    expect(await documents.checkChanged(file, 'anything')).toEqual({
      changed: false,
      missing: false,
    })
  })

  it('grants a file opened through the dialog: it can then be saved and checked', async () => {
    const { file, documents, recent, menus, saves } = await setup()
    const withDialog = await setup({ open: file })
    const opened = await withDialog.documents.openWithDialog()
    expect(opened).toEqual({ path: file, content: DESIGN })
    const edited = DESIGN.replace('title:', 'title: Edited')
    expect(await withDialog.documents.checkChanged(file, DESIGN)).toEqual({
      changed: false,
      missing: false,
    })
    expect(await withDialog.documents.save(file, edited)).toEqual({ path: file })
    expect(await readFile(file, 'utf8')).toBe(edited)
    expect(withDialog.saves()).toBe(1)
    expect(await withDialog.documents.listRecent()).toEqual([file])
    expect(withDialog.menus.at(-1)).toEqual([file])
    // The first setup never opened it: grants are per session.
    expect(await documents.save(file, edited)).toHaveProperty('error')
    expect(await recent.list()).toEqual([])
    expect(menus).toEqual([])
    expect(saves()).toBe(0)
  })

  it('reports a cancelled open dialog', async () => {
    const { documents } = await setup()
    expect(await documents.openWithDialog()).toEqual({ cancelled: true })
  })
})

describe('documents: save as', () => {
  it('refuses invalid content before asking where to save', async () => {
    const { documents, asked } = await setup({ save: '/tmp/never' })
    expect(await documents.saveAs('', 'x')).toEqual({ error: expect.stringMatching(/empty/) })
    expect(asked).toEqual([])
  })

  it('proposes the name with the design extension, writes, grants and clears autosave', async () => {
    const { dir, documents, asked, saves } = await setup()
    const target = path.join(dir, 'new.stackwright.yaml')
    const withSave = await setup({ save: target })
    expect(await withSave.documents.saveAs(DESIGN, 'payments')).toEqual({ path: target })
    expect(withSave.asked).toEqual(['save:payments.stackwright.yaml'])
    expect(await readFile(target, 'utf8')).toBe(DESIGN)
    expect(withSave.saves()).toBe(1)
    expect(await withSave.documents.save(target, DESIGN)).toEqual({ path: target })
    expect(await documents.saveAs(DESIGN, 'x')).toEqual({ cancelled: true })
    expect(asked).toEqual(['save:x.stackwright.yaml'])
    expect(saves()).toBe(0)
  })

  it('keeps autosave when the save fails (nothing lost)', async () => {
    const target = path.join(await tempDir(), 'gone', 'x.stackwright.yaml')
    const { documents, saves } = await setup({ save: target })
    expect(await documents.saveAs(DESIGN, 'x')).toEqual({
      error: expect.stringMatching(/no longer exists/),
    })
    expect(saves()).toBe(0)
  })
})

describe('documents: recent files', () => {
  it('opens a recent file and drops it from the list once it is deleted', async () => {
    const { file, documents } = await setup()
    expect(await documents.open(file)).toEqual({ path: file, content: DESIGN })
    expect(await documents.openRecent(file)).toEqual({ path: file, content: DESIGN })
    await rm(file)
    expect(await documents.openRecent(file)).toEqual({
      error: expect.stringMatching(/not opened or saved|no longer exists/),
    })
    expect(await documents.listRecent()).toEqual([])
  })

  it('lets a recovered autosave reuse its path in the next session only if it is a recent file', async () => {
    const first = await setup()
    await first.documents.open(first.file)
    // The next start: a new session over the same userData.
    const next = await setup({}, first.dir)
    const stranger = path.join(first.dir, 'stranger.stackwright.yaml')
    expect(await next.documents.adoptRecovered(stranger)).toBe(false)
    expect(await next.documents.save(stranger, DESIGN)).toHaveProperty('error')
    expect(await next.documents.adoptRecovered('relative/path.yaml')).toBe(false)
    expect(await next.documents.save(first.file, DESIGN)).toHaveProperty('error')
    expect(await next.documents.adoptRecovered(first.file)).toBe(true)
    expect(await next.documents.save(first.file, DESIGN)).toEqual({ path: first.file })
  })

  it('still opens and saves when the recent list cannot be stored', async () => {
    const { dir, file } = await setup()
    const blocked = path.join(dir, 'blocker')
    await writeFile(blocked, 'a file where the store folder should be')
    const documents = createDocuments({
      io: nodeFileIo,
      dialogs: { chooseDesignToOpen: async () => file, chooseDesignToSave: async () => null },
      recent: createRecentFiles(path.join(blocked, 'recent.json'), nodeFileIo),
      contentProblem: designContentProblem,
      afterSave: async () => undefined,
      onRecentChanged: () => undefined,
    })
    expect(await documents.openWithDialog()).toEqual({ path: file, content: DESIGN })
    expect(await documents.save(file, DESIGN)).toEqual({ path: file })
  })
})
