// IPC for design files and the recent list (file:*, recent:list).
import type { Documents } from './documents'
import type { Handle } from './ipc-guard'

/** Registers the file:* and recent:list channels on `handle`. */
export function registerFilesIpc(handle: Handle, documents: Documents): void {
  handle('file:open', () => documents.openWithDialog())
  handle('file:open-recent', ({ path }) => documents.openRecent(path))
  handle('file:save', ({ path, content }) => documents.save(path, content))
  handle('file:save-as', ({ content, suggestedName }) => documents.saveAs(content, suggestedName))
  handle('file:check-changed', ({ path, content }) => documents.checkChanged(path, content))
  handle('recent:list', () => documents.listRecent())
}
