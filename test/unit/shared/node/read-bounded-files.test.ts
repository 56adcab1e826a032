// readBounded on real files: the size limit at its edge, folders, links to a FIFO, missing files.
// (A FIFO named directly is in read-bounded.test.ts.)
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { NOT_REGULAR_FILE, describeFsError, errorCode } from '../../../../shared/node/fs-errors'
import { readBounded } from '../../../../shared/node/read-bounded'

const dir = mkdtempSync(path.join(tmpdir(), 'stackwright-read-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

/** The error `work` rejects with (fails the test when it resolves). */
async function failure(work: Promise<unknown>): Promise<unknown> {
  try {
    await work
  } catch (error) {
    return error
  }
  throw new Error('expected the read to fail')
}

describe('readBounded', () => {
  it('reads a file of exactly the limit and refuses one byte more, with its size', async () => {
    const file = path.join(dir, 'edge.yaml')
    writeFileSync(file, 'x'.repeat(64))
    const exact = await readBounded(file, 64)
    expect(exact.ok && text(exact.bytes)).toBe('x'.repeat(64))
    expect(await readBounded(file, 63)).toEqual({ ok: false, size: 64 })
  })

  it('reads an empty file as no bytes', async () => {
    const file = path.join(dir, 'empty.yaml')
    writeFileSync(file, '')
    const read = await readBounded(file, 16)
    expect(read.ok && read.bytes.length).toBe(0)
  })

  it('refuses a large file from its size alone', async () => {
    const file = path.join(dir, 'large.yaml')
    writeFileSync(file, Buffer.alloc(4 * 1024 * 1024, 0x61))
    expect(await readBounded(file, 1024)).toEqual({ ok: false, size: 4 * 1024 * 1024 })
  })

  it('follows a link to a regular file', async () => {
    const file = path.join(dir, 'target.yaml')
    const link = path.join(dir, 'link.yaml')
    writeFileSync(file, 'kind: Design\n')
    symlinkSync(file, link)
    const read = await readBounded(link, 1024)
    expect(read.ok && text(read.bytes)).toBe('kind: Design\n')
  })

  it('refuses a folder with EISDIR', async () => {
    const folder = path.join(dir, 'folder.stackwright.yaml')
    mkdirSync(folder)
    const error = await failure(readBounded(folder, 1024))
    expect(errorCode(error)).toBe('EISDIR')
    expect(describeFsError(error)).toBe('is a directory')
  })

  it('refuses a link to a FIFO without blocking, as not a regular file', async () => {
    const fifo = path.join(dir, 'pipe')
    const link = path.join(dir, 'pipe-link.stackwright.yaml')
    execFileSync('mkfifo', [fifo])
    symlinkSync(fifo, link)
    const error = await failure(readBounded(link, 1024))
    expect(errorCode(error)).toBe(NOT_REGULAR_FILE)
    expect(describeFsError(error)).toBe('not a regular file')
  })

  it('refuses a character device (/dev/zero would stream forever)', async () => {
    const error = await failure(readBounded('/dev/zero', 1024))
    expect(errorCode(error)).toBe(NOT_REGULAR_FILE)
  })

  it.each([
    ['a missing file', 'missing.yaml', 'ENOENT', 'no such file or directory'],
    ['a dangling link', 'dangling.yaml', 'ENOENT', 'no such file or directory'],
    [
      'a path through a file',
      'edge.yaml/x.yaml',
      'ENOTDIR',
      'a parent of the path is not a directory',
    ],
  ])('fails on %s with the file system error', async (_what, name, code, reason) => {
    if (name === 'dangling.yaml') symlinkSync(path.join(dir, 'nowhere'), path.join(dir, name))
    writeFileSync(path.join(dir, 'edge.yaml'), 'x')
    const error = await failure(readBounded(path.join(dir, name), 1024))
    expect(errorCode(error)).toBe(code)
    expect(describeFsError(error)).toBe(reason)
  })
})
