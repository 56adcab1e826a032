// IPC for crash recovery (autosave:*).
import type { Autosave } from './autosave'
import type { Documents } from './documents'
import type { Handle } from './ipc-guard'

/** Registers the autosave:* channels; a recovered file may be saved back only if it is a recent file. */
export function registerAutosaveIpc(
  handle: Handle,
  autosave: Autosave,
  documents: Documents,
): void {
  handle('autosave:write', ({ content, path }) => autosave.write(content, path))
  handle('autosave:read', async () => {
    const entry = await autosave.read()
    if (entry?.path !== undefined) await documents.adoptRecovered(entry.path)
    return entry
  })
  handle('autosave:clear', () => autosave.clear())
}
