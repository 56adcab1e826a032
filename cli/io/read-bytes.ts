// Reads an input file as bytes, bounded: the size is checked before reading, so a huge file is never loaded.
import { open } from 'node:fs/promises'
import path from 'node:path'
import { CliError, EXIT } from '../errors'
import type { CliIo } from './types'

export type BoundedRead =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly size: number }

/** A short, user-facing reason for a file-system error code. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'ENOTDIR':
      return 'a parent of the path is not a directory'
    case 'ELOOP':
      return 'too many symbolic links'
    case 'ENAMETOOLONG':
      return 'the path is too long'
    default:
      return typeof code === 'string'
        ? code
        : error instanceof Error
          ? error.message
          : String(error)
  }
}

/**
 * Reads `file` (relative to io.cwd) when it is a regular file of at most `maxBytes`; returns its size
 * instead when it is larger. Missing, unreadable and non-regular files are usage errors (exit 2).
 */
export async function readBounded(file: string, io: CliIo, maxBytes: number): Promise<BoundedRead> {
  const absolute = path.resolve(io.cwd, file)
  let handle
  try {
    handle = await open(absolute, 'r')
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`, EXIT.usage)
  }
  try {
    const stats = await handle.stat()
    if (stats.isDirectory()) throw new CliError(`cannot read ${file}: is a directory`, EXIT.usage)
    // FIFOs and devices (/dev/zero) report no meaningful size and may never end.
    if (!stats.isFile()) throw new CliError(`cannot read ${file}: not a regular file`, EXIT.usage)
    if (stats.size > maxBytes) return { ok: false, size: stats.size }
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
  } catch (error) {
    if (error instanceof CliError) throw error
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`, EXIT.usage)
  } finally {
    await handle.close()
  }
}
