import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nodeFileIo } from '../../../../electron/main/file-io'
import { MAX_RECENT, addRecent, createRecentFiles } from '../../../../electron/main/recent-files'
import { tempDir } from '../helpers'

describe('addRecent', () => {
  it('puts the file first, without duplicates, at most ten', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('/a', '/b', '/c', '/d', '/e', '/f', '/g', '/h', '/i', '/j', '/k', '/l'),
        ),
        fc.constantFrom('/a', '/z'),
        (list, file) => {
          const result = addRecent(list, file)
          expect(result[0]).toBe(path.resolve(file))
          expect(new Set(result).size).toBe(result.length)
          expect(result.length).toBeLessThanOrEqual(MAX_RECENT)
        },
      ),
    )
  })

  it('keeps the order of the others', () => {
    expect(addRecent(['/a', '/b', '/c'], '/b')).toEqual(
      ['/b', '/a', '/c'].map((p) => path.resolve(p)),
    )
  })
})

describe('createRecentFiles', () => {
  async function setup() {
    const dir = await tempDir()
    const files = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const f = path.join(dir, `d${i}.stackwright.yaml`)
        await writeFile(f, 'x')
        return f
      }),
    )
    const store = path.join(dir, 'recent-files.json')
    return { dir, files, store }
  }

  it('persists a versioned list that a new instance reads back', async () => {
    const { files, store } = await setup()
    const recent = createRecentFiles(store, nodeFileIo)
    for (const f of files) await recent.add(f)
    const expected = [...files].reverse().slice(0, MAX_RECENT)
    expect(await recent.list()).toEqual(expected)
    expect(JSON.parse(await readFile(store, 'utf8'))).toEqual({ version: 1, files: expected })
    expect(await createRecentFiles(store, nodeFileIo).list()).toEqual(expected)
  })

  it('drops files that no longer exist and saves the pruned list', async () => {
    const { files, store } = await setup()
    const recent = createRecentFiles(store, nodeFileIo)
    await recent.add(files[0] ?? '')
    await recent.add(files[1] ?? '')
    await rm(files[0] ?? '')
    expect(await recent.list()).toEqual([files[1]])
    expect(JSON.parse(await readFile(store, 'utf8')).files).toEqual([files[1]])
  })

  it.each([
    ['not JSON', '{oops'],
    ['another version', JSON.stringify({ version: 2, files: [] })],
    ['a wrong shape', JSON.stringify(['/a'])],
  ])('starts empty from a store that is %s', async (_name, text) => {
    const { store } = await setup()
    await writeFile(store, text)
    expect(await createRecentFiles(store, nodeFileIo).list()).toEqual([])
  })

  it('ignores relative paths planted in the store', async () => {
    const { files, store } = await setup()
    await writeFile(store, JSON.stringify({ version: 1, files: ['relative.yaml', files[2]] }))
    expect(await createRecentFiles(store, nodeFileIo).list()).toEqual([files[2]])
  })

  it('removes one file and clears all', async () => {
    const { files, store } = await setup()
    const recent = createRecentFiles(store, nodeFileIo)
    await recent.add(files[0] ?? '')
    await recent.add(files[1] ?? '')
    expect(await recent.remove(files[1] ?? '')).toEqual([files[0]])
    await recent.clear()
    expect(await createRecentFiles(store, nodeFileIo).list()).toEqual([])
  })

  it('creates userData on first use', async () => {
    const { files, dir } = await setup()
    const store = path.join(dir, 'fresh', 'user-data', 'recent-files.json')
    await createRecentFiles(store, nodeFileIo).add(files[0] ?? '')
    expect(JSON.parse(await readFile(store, 'utf8')).files).toEqual([files[0]])
  })
})
