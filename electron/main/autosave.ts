// Crash recovery: unsaved work is written to userData/autosave/ and offered back at the next start.
import path from 'node:path'
import { z } from 'zod'
import { MAX_IPC_TEXT } from '../../shared/ipc'
import type { AutosaveEntry, Failure } from '../../shared/ipc'
import type { FileIo } from './file-io'
import { describeError } from '../../shared/node/fs-errors'

export const AUTOSAVE_FILE = 'current.stackwright.yaml'
export const AUTOSAVE_META = 'current.meta.json'

const metaSchema = z.strictObject({
  version: z.literal(1),
  path: z.string().min(1).max(4096).optional(),
  savedAt: z.iso.datetime(),
  bytes: z.int().min(0),
})

export interface Autosave {
  write(content: string, originalPath?: string): Promise<{ readonly ok: true } | Failure>
  /** The saved work, or null when there is none or it is damaged. */
  read(): Promise<AutosaveEntry | null>
  clear(): Promise<{ readonly ok: true }>
}

/**
 * An autosave store in `dir`. Content is written before its metadata, each atomically, and the
 * metadata records the content's length: a crash between the two writes is detected, not trusted.
 */
export function createAutosave(dir: string, io: FileIo, now: () => Date): Autosave {
  const contentFile = path.join(dir, AUTOSAVE_FILE)
  const metaFile = path.join(dir, AUTOSAVE_META)
  const encoder = new TextEncoder()

  return {
    async write(content, originalPath) {
      const bytes = encoder.encode(content)
      const meta = {
        version: 1,
        ...(originalPath === undefined ? {} : { path: originalPath }),
        savedAt: now().toISOString(),
        bytes: bytes.byteLength,
      }
      try {
        await io.mkdir(dir)
        await io.writeAtomic(contentFile, bytes)
        await io.writeAtomic(metaFile, JSON.stringify(meta, null, 2) + '\n')
        return { ok: true }
      } catch (error) {
        return { error: describeError(error, 'autosave to', contentFile) }
      }
    },

    async read() {
      try {
        const metaBytes = await io.readLimited(metaFile, 64 * 1024)
        const meta = metaSchema.safeParse(JSON.parse(new TextDecoder().decode(metaBytes)))
        if (!meta.success) return null
        const bytes = await io.readLimited(contentFile, MAX_IPC_TEXT)
        if (bytes.byteLength !== meta.data.bytes || bytes.byteLength === 0) return null
        const content = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
        return {
          content,
          savedAt: meta.data.savedAt,
          ...(meta.data.path === undefined ? {} : { path: meta.data.path }),
        }
      } catch {
        return null
      }
    },

    async clear() {
      // Metadata first: without it a leftover content file is never offered for recovery.
      await io.remove(metaFile)
      await io.remove(contentFile)
      return { ok: true }
    },
  }
}
