// The main window and the security settings of every web contents and session (SECURITY.md).
import path from 'node:path'
import { BrowserWindow, screen, shell } from 'electron'
import type { Session, WebContents } from 'electron'
import { APP_INDEX_URL } from './app-url'
import type { CloseGuard } from './close-guard'
import { nodeFileIo } from './file-io'
import { sendEvent } from './ipc'
import { CONTENT_SECURITY_POLICY, decideWindowOpen, withCsp } from './security-policy'
import { mainWindowGeometry } from './window-options'
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state'

const SAVE_STATE_DELAY_MS = 500

/** Denies every permission and download, and adds the CSP to every response of `ses`. */
export function hardenSession(ses: Session, csp: string = CONTENT_SECURITY_POLICY): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
  // Files are written only by main, through its own dialogs; a page cannot start a download.
  ses.on('will-download', (event) => event.preventDefault())
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) })
  })
}

/** No navigation, no new windows (https links go to the browser), no <webview>, for any contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) {
      setImmediate(() => {
        shell.openExternal(url).catch(() => undefined)
      })
    }
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export interface MainWindowOptions {
  readonly preload: string
  readonly userData: string
  readonly title: string
  readonly devTools: boolean
  readonly guard: CloseGuard
  readonly log: (message: string) => void
}

/** Creates the main window at its remembered bounds and loads the renderer from app://. */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const stateFile = path.join(options.userData, 'window-state.json')
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const state = fitToDisplays(await loadWindowState(stateFile, nodeFileIo), workAreas)
  const window = new BrowserWindow({
    ...mainWindowGeometry(state, options.title),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  })
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  let timer: NodeJS.Timeout | undefined
  const saveState = (): void => {
    clearTimeout(timer)
    if (window.isDestroyed()) return
    const bounds = window.getNormalBounds()
    saveWindowState(stateFile, { ...bounds, maximized: window.isMaximized() }, nodeFileIo).catch(
      (error: unknown) => options.log(`window state not saved: ${String(error)}`),
    )
  }
  // Saved shortly after every change, because the final save on close may not finish before exit.
  const saveSoon = (): void => {
    clearTimeout(timer)
    timer = setTimeout(saveState, SAVE_STATE_DELAY_MS)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('maximize', saveSoon)
  window.on('unmaximize', saveSoon)

  window.on('close', (event) => {
    if (options.guard.onCloseAttempt() === 'ask-renderer') {
      event.preventDefault()
      sendEvent(window.webContents, 'window:close-requested', {})
      return
    }
    saveState()
  })
  // A renderer that crashed or hangs can no longer answer the unsaved-changes prompt.
  window.webContents.on('render-process-gone', () => options.guard.forceAllow())
  window.on('unresponsive', () => options.guard.forceAllow())

  await window.loadURL(APP_INDEX_URL)
  return window
}
