// The Open Recent list: at most ten paths, newest first, persisted as versioned JSON in userData.
import path from 'node:path'
import { z } from 'zod'
import type { FileIo } from './file-io'

export const MAX_RECENT = 10
const MAX_STORE_BYTES = 1024 * 1024

const storeSchema = z.strictObject({
  version: z.literal(1),
  files: z.array(z.string().min(1).max(4096)).max(100),
})

/** `list` with `file` moved (or added) to the front, duplicates removed, cut to MAX_RECENT. */
export function addRecent(list: readonly string[], file: string): string[] {
  const unique = new Set([file, ...list].map((f) => path.resolve(f)))
  return [...unique].slice(0, MAX_RECENT)
}

export interface RecentFiles {
  /** The list without files that no longer exist (the pruned list is persisted). */
  list(): Promise<string[]>
  add(file: string): Promise<string[]>
  remove(file: string): Promise<string[]>
  clear(): Promise<void>
}

/** A recent-files list stored in `storeFile` (a corrupt or missing store starts empty). */
export function createRecentFiles(storeFile: string, io: FileIo): RecentFiles {
  let cache: string[] | undefined

  async function load(): Promise<string[]> {
    if (cache !== undefined) return cache
    try {
      const bytes = await io.readLimited(storeFile, MAX_STORE_BYTES)
      const parsed = storeSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)))
      cache = parsed.success
        ? parsed.data.files.filter((f) => path.isAbsolute(f)).slice(0, MAX_RECENT)
        : []
    } catch {
      cache = []
    }
    return cache
  }

  async function store(files: string[]): Promise<string[]> {
    cache = files
    await io.mkdir(path.dirname(storeFile))
    await io.writeAtomic(storeFile, JSON.stringify({ version: 1, files }, null, 2) + '\n')
    return files
  }

  return {
    async list() {
      const files = await load()
      const present: string[] = []
      for (const f of files) if (await io.exists(f)) present.push(f)
      return present.length === files.length ? files : store(present)
    },
    async add(file) {
      return store(addRecent(await load(), file))
    },
    async remove(file) {
      const resolved = path.resolve(file)
      return store((await load()).filter((f) => path.resolve(f) !== resolved))
    },
    async clear() {
      await store([])
    },
  }
}
