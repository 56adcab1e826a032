// The only place that touches Electron's ipcMain: wires the guarded handle() to the real thing and
// sends typed events to the renderer.
import { ipcMain } from 'electron'
import type { BrowserWindow, WebContents } from 'electron'
import type { EventName, Events } from '../../shared/ipc'
import { isAppUrl } from './app-url'
import { createHandle } from './ipc-guard'
import type { Handle } from './ipc-guard'

/** The app's handle(): only the main window's top frame, on the app origin, may call it. */
export function createElectronHandle(
  getMainWindow: () => BrowserWindow | null,
  log: (message: string) => void,
): Handle {
  return createHandle({
    ipcMain,
    trustedFrame: () => {
      const window = getMainWindow()
      return window === null || window.isDestroyed() ? null : window.webContents.mainFrame
    },
    isAppUrl,
    log,
  })
}

/** Sends one typed main-to-renderer event (menu:command, file:opened, window:close-requested). */
export function sendEvent<E extends EventName>(
  contents: WebContents,
  name: E,
  payload: Events[E],
): void {
  if (!contents.isDestroyed()) contents.send(name, payload)
}
