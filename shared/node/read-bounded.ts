// Reads an input file as bytes, bounded: the size is checked before reading, so a huge file is never
// loaded, and only a regular file is opened for reading, so a FIFO or a device can never block or
// stream forever.
import { constants } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { NOT_REGULAR_FILE } from './fs-errors'

export type BoundedRead =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly size: number }

// Opening a FIFO that has no writer blocks in open(2) unless O_NONBLOCK is set (Windows has neither).
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

function fsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code })
}

async function openRegular(file: string): Promise<FileHandle> {
  // stat first: a FIFO is refused without ever being opened.
  const before = await stat(file)
  if (before.isDirectory()) throw fsError('EISDIR', `${file} is a directory`)
  if (!before.isFile()) throw fsError(NOT_REGULAR_FILE, `${file} is not a regular file`)
  const handle = await open(file, READ_FLAGS)
  try {
    // fstat the handle: the name may have been swapped for a FIFO or device since the stat.
    const after = await handle.stat()
    if (!after.isFile() || after.ino !== before.ino || after.dev !== before.dev)
      throw fsError(NOT_REGULAR_FILE, `${file} is not a regular file`)
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

/**
 * Reads `file` (an absolute path) when it is a regular file of at most `maxBytes`; returns its size
 * instead when it is larger. A folder fails with EISDIR, a FIFO, socket or device with
 * NOT_REGULAR_FILE, anything else with the file system's own error.
 */
export async function readBounded(file: string, maxBytes: number): Promise<BoundedRead> {
  const handle = await openRegular(file)
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) return { ok: false, size }
    // Read one byte past the limit so a file that grew since the stat is still caught.
    const buffer = new Uint8Array(maxBytes + 1)
    let filled = 0
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    if (filled > maxBytes) return { ok: false, size: filled }
    return { ok: true, bytes: buffer.subarray(0, filled) }
  } finally {
    await handle.close()
  }
}
