import fs from 'node:fs'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { designContentProblem } from '../../../../electron/main/design-check'
import { nodeFileIo } from '../../../../electron/main/file-io'
import {
  MAX_DESIGN_FILE_BYTES,
  checkChanged,
  readDesignFile,
  withDesignExtension,
  writeDesignFile,
} from '../../../../electron/main/files'
import { errno, tempDir } from '../helpers'

const EXAMPLE = path.resolve('assets/examples/payments-eks.stackwright.yaml')
const OLD = 'old content that must survive\n'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Makes one callback-style fs function (the ones write-file-atomic uses) fail with `code`. */
function failFs(name: 'open' | 'write' | 'rename' | 'fsync', code: string): void {
  vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
    const callback = args.at(-1) as (error: Error) => void
    process.nextTick(callback, errno(code))
  }) as never)
}

async function existingFile(): Promise<{ dir: string; file: string }> {
  const dir = await tempDir()
  const file = path.join(dir, 'design.stackwright.yaml')
  await writeFile(file, OLD)
  return { dir, file }
}

describe('readDesignFile', () => {
  it('reads a design as text', async () => {
    const result = await readDesignFile(EXAMPLE, nodeFileIo)
    expect(result).toEqual({ path: EXAMPLE, content: await readFile(EXAMPLE, 'utf8') })
  })

  it('refuses a file over the 4 MiB design limit', async () => {
    const dir = await tempDir()
    const big = path.join(dir, 'big.yaml')
    await writeFile(big, Buffer.alloc(MAX_DESIGN_FILE_BYTES + 1, 0x61))
    expect(await readDesignFile(big, nodeFileIo)).toEqual({
      error: expect.stringMatching(/larger than 4 MiB/),
    })
  })

  it('accepts a file of exactly the limit', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'edge.yaml')
    await writeFile(file, Buffer.alloc(MAX_DESIGN_FILE_BYTES, 0x61))
    const result = await readDesignFile(file, nodeFileIo)
    expect('content' in result && result.content.length).toBe(MAX_DESIGN_FILE_BYTES)
  })

  it('refuses a folder, a missing file and binary content with readable errors', async () => {
    const dir = await tempDir()
    expect(await readDesignFile(dir, nodeFileIo)).toEqual({
      error: expect.stringMatching(/is a folder/),
    })
    expect(await readDesignFile(path.join(dir, 'gone.yaml'), nodeFileIo)).toEqual({
      error: expect.stringMatching(/no longer exists/),
    })
    const binary = path.join(dir, 'x.yaml')
    await writeFile(binary, Buffer.from([0xff, 0xfe, 0x00, 0xc3]))
    expect(await readDesignFile(binary, nodeFileIo)).toEqual({
      error: expect.stringMatching(/not a UTF-8 text file/),
    })
  })
})

describe('writeDesignFile', () => {
  const design = fs.readFileSync(EXAMPLE, 'utf8')

  it('writes a valid design and leaves no temporary file', async () => {
    const { dir, file } = await existingFile()
    expect(await writeDesignFile(file, design, nodeFileIo, designContentProblem)).toEqual({
      path: file,
    })
    expect(await readFile(file, 'utf8')).toBe(design)
    expect(await readdir(dir)).toEqual(['design.stackwright.yaml'])
  })

  it.each([
    ['empty content', ''],
    ['whitespace', '  \n\t'],
    ['broken YAML', 'apiVersion: [unclosed'],
    ['a YAML document that is not a design', 'just: a map\n'],
    ['a design with an invalid name', design.replace(/name: [a-z0-9-]+/, 'name: Not A Label')],
  ])('refuses %s and leaves the old file untouched', async (_name, content) => {
    const { file } = await existingFile()
    const result = await writeDesignFile(file, content, nodeFileIo, designContentProblem)
    expect(result).toEqual({ error: expect.stringMatching(/not written/) })
    expect(await readFile(file, 'utf8')).toBe(OLD)
  })

  it.each([
    ['the disk is full while writing', 'write', 'ENOSPC', /disk is full/],
    ['the quota is exceeded while syncing', 'fsync', 'EDQUOT', /disk is full/],
    ['the rename fails', 'rename', 'EXDEV', /EXDEV/],
    ['the folder is read-only', 'open', 'EROFS', /read-only/],
    ['permission is denied', 'open', 'EACCES', /permission denied/],
  ] as const)('keeps the old file intact when %s', async (_name, fn, code, message) => {
    const { dir, file } = await existingFile()
    failFs(fn, code)
    const result = await writeDesignFile(file, design, nodeFileIo, designContentProblem)
    vi.restoreAllMocks()
    expect(result).toEqual({ error: expect.stringMatching(message) })
    expect(await readFile(file, 'utf8')).toBe(OLD)
    // The temporary file is cleaned up: the folder holds exactly what it held before.
    expect(await readdir(dir)).toEqual(['design.stackwright.yaml'])
  })

  it('reports a deleted folder clearly', async () => {
    const { dir, file } = await existingFile()
    await rm(dir, { recursive: true })
    expect(await writeDesignFile(file, design, nodeFileIo, designContentProblem)).toEqual({
      error: expect.stringMatching(/no longer exists/),
    })
  })
})

describe('checkChanged', () => {
  it('compares the disk with what the renderer last loaded or saved', async () => {
    const { file } = await existingFile()
    expect(await checkChanged(file, OLD, nodeFileIo)).toEqual({ changed: false, missing: false })
    await writeFile(file, 'edited elsewhere')
    expect(await checkChanged(file, OLD, nodeFileIo)).toEqual({ changed: true, missing: false })
  })

  it('reports a deleted file as missing', async () => {
    const { file } = await existingFile()
    await rm(file)
    expect(await checkChanged(file, OLD, nodeFileIo)).toEqual({ changed: true, missing: true })
  })

  it('counts a file replaced by a folder as changed', async () => {
    const { file } = await existingFile()
    await rm(file)
    await mkdir(file)
    expect(await checkChanged(file, OLD, nodeFileIo)).toEqual({ changed: true, missing: false })
  })
})

describe('withDesignExtension', () => {
  it('adds .stackwright.yaml unless the name already has a design extension', () => {
    expect(withDesignExtension('payments')).toBe('payments.stackwright.yaml')
    expect(withDesignExtension('payments.stackwright.yaml')).toBe('payments.stackwright.yaml')
    expect(withDesignExtension('p.YML')).toBe('p.YML')
    expect(withDesignExtension('p.json')).toBe('p.json')
  })
})
