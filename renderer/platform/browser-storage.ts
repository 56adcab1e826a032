// localStorage for the browser edition: size-checked, and never throwing into the UI.
import type { AutosaveEntry } from '../../shared/ipc'

const AUTOSAVE_KEY = 'stackwright:autosave'
const RECENT_KEY = 'stackwright:recent'

/**
 * Origins get about 5 MB of localStorage (counted in UTF-16 code units by Chromium), shared by
 * everything we keep; these caps leave room for the other keys.
 */
export const MAX_AUTOSAVE_CHARS = 1_500_000
export const MAX_RECENT_CHARS = 250_000
export const MAX_RECENT_FILES = 8

/** A recently opened or saved file, with its text when it was small enough to keep. */
export interface RecentEntry {
  readonly path: string
  readonly content?: string
}

function read(storage: Storage, key: string): unknown {
  try {
    const text = storage.getItem(key)
    return text === null ? null : (JSON.parse(text) as unknown)
  } catch {
    return null
  }
}

/** Writes a value; false when the quota is exceeded or storage is disabled. */
function write(storage: Storage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value))
    return true
  } catch {
    return false
  }
}

function isAutosave(x: unknown): x is AutosaveEntry {
  if (typeof x !== 'object' || x === null) return false
  const r = x as Record<string, unknown>
  return (
    typeof r.content === 'string' &&
    typeof r.savedAt === 'string' &&
    (r.path === undefined || typeof r.path === 'string')
  )
}

/** Stores the autosave copy; an error message when it is too large or storage is full. */
export function writeAutosaveEntry(storage: Storage, entry: AutosaveEntry): string | undefined {
  if (entry.content.length > MAX_AUTOSAVE_CHARS)
    return `The design is too large to autosave in the browser (${entry.content.length} characters; the limit is ${MAX_AUTOSAVE_CHARS}). Save it to a file.`
  return write(storage, AUTOSAVE_KEY, entry)
    ? undefined
    : 'The browser refused to store the autosave copy (storage full or disabled). Save it to a file.'
}

/** The autosave copy, or null when there is none or it is unreadable. */
export function readAutosaveEntry(storage: Storage): AutosaveEntry | null {
  const value = read(storage, AUTOSAVE_KEY)
  return isAutosave(value) ? value : null
}

/** Forgets the autosave copy. */
export function clearAutosaveEntry(storage: Storage): void {
  try {
    storage.removeItem(AUTOSAVE_KEY)
  } catch {
    // Storage disabled: there is nothing to clear.
  }
}

/** Recent files, newest first. */
export function readRecent(storage: Storage): RecentEntry[] {
  const value = read(storage, RECENT_KEY)
  if (!Array.isArray(value)) return []
  return value.filter(
    (x): x is RecentEntry =>
      typeof x === 'object' &&
      x !== null &&
      typeof (x as RecentEntry).path === 'string' &&
      ((x as RecentEntry).content === undefined || typeof (x as RecentEntry).content === 'string'),
  )
}

/** Puts a file at the top of the recent list, keeping its text only when it is small. */
export function rememberRecent(storage: Storage, path: string, content: string): void {
  const entry: RecentEntry = content.length <= MAX_RECENT_CHARS ? { path, content } : { path }
  const list = [entry, ...readRecent(storage).filter((e) => e.path !== path)].slice(
    0,
    MAX_RECENT_FILES,
  )
  // When the quota is hit, keep the names and drop the texts rather than losing the list.
  if (!write(storage, RECENT_KEY, list))
    write(
      storage,
      RECENT_KEY,
      list.map((e) => ({ path: e.path })),
    )
}
