// IPC for the window itself: title and dirty marker, the unsaved-changes answer, external links.
import type { Failure } from '../../shared/ipc'
import type { CloseGuard } from './close-guard'
import type { Handle } from './ipc-guard'
import { isSafeExternalUrl } from './security-policy'

export interface WindowIpcDeps {
  readonly guard: CloseGuard
  readonly appName: string
  setTitle(title: string): void
  /** The platform's unsaved-changes marker (the dot in the macOS close button). */
  setDocumentEdited(dirty: boolean): void
  /** Closes the main window (called after the renderer agreed). */
  close(): void
  openExternal(url: string): Promise<void>
}

/** The window title for a document called `title`, with a dirty marker. */
export function windowTitle(title: string, dirty: boolean, appName: string): string {
  const name = title.trim() === '' ? 'Untitled' : title.trim()
  return `${dirty ? '• ' : ''}${name} — ${appName}`
}

/** Registers window:set-state, window:close-decision and shell:open-external. */
export function registerWindowIpc(handle: Handle, deps: WindowIpcDeps): void {
  handle('window:set-state', ({ title, dirty }) => {
    deps.guard.setDirty(dirty)
    deps.setTitle(windowTitle(title, dirty, deps.appName))
    deps.setDocumentEdited(dirty)
    return { ok: true } as const
  })
  handle('window:close-decision', ({ close }) => {
    if (deps.guard.decide(close)) deps.close()
    return { ok: true } as const
  })
  handle('shell:open-external', async ({ url }) => {
    if (!isSafeExternalUrl(url)) {
      const refused: Failure = { error: 'Only https links can be opened.' }
      return refused
    }
    await deps.openExternal(url)
    return { ok: true } as const
  })
}
