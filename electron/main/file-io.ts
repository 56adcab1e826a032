// The file-system operations the main process needs, behind an interface so tests can inject failures.
import fs from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { shownPath, UserFacingError } from '../../shared/node/fs-errors'
import { readBounded } from '../../shared/node/read-bounded'

export interface FileStat {
  readonly size: number
  isFile(): boolean
  isDirectory(): boolean
}

/** File operations used by files, autosave, export, recent files and window state. */
export interface FileIo {
  /** Reads a regular file of at most `maxBytes`; a longer one, a FIFO or a device is refused unread. */
  readLimited(file: string, maxBytes: number): Promise<Uint8Array>
  /** Writes via a temporary file and rename, so the old content survives any failure. */
  writeAtomic(file: string, data: string | Uint8Array): Promise<void>
  stat(file: string): Promise<FileStat>
  /** Like stat but does not follow a final symlink. */
  lstat(file: string): Promise<FileStat & { isSymbolicLink(): boolean }>
  exists(file: string): Promise<boolean>
  readdir(dir: string): Promise<string[]>
  mkdir(dir: string): Promise<void>
  remove(file: string): Promise<void>
  realpath(file: string): Promise<string>
}

/** Thrown by readLimited when a file is over the limit. */
export class FileTooLargeError extends UserFacingError {}

async function readLimited(file: string, maxBytes: number): Promise<Uint8Array> {
  const read = await readBounded(file, maxBytes)
  if (!read.ok) throw new FileTooLargeError(tooLarge(file, maxBytes))
  return read.bytes.slice()
}

function tooLarge(file: string, maxBytes: number): string {
  return `"${shownPath(file)}" is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB, the limit for this kind of file; it was not opened.`
}

/** The real file system (write-file-atomic for writes). */
export const nodeFileIo: FileIo = {
  readLimited,
  writeAtomic: (file, data) =>
    writeFileAtomic(
      file,
      typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    ),
  stat: (file) => fs.stat(file),
  lstat: (file) => fs.lstat(file),
  exists: async (file) => {
    try {
      await fs.access(file)
      return true
    } catch {
      return false
    }
  },
  readdir: (dir) => fs.readdir(dir),
  mkdir: async (dir) => {
    await fs.mkdir(dir, { recursive: true })
  },
  remove: (file) => fs.rm(file, { force: true }),
  realpath: (file) => fs.realpath(file),
}
