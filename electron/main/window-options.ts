// BrowserWindow options as data: the main window and the hidden PDF window, locked down (SECURITY.md).
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import type { WindowState } from './window-state'
import { MIN_HEIGHT, MIN_WIDTH } from './window-state'

/** The web preferences every window of the app shares. */
export const LOCKED_DOWN: WebPreferences = {
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
}

/**
 * Options for the main window at `state`, with `preload` as its only privileged script; developer
 * tools only in development builds.
 */
export function mainWindowOptions(
  state: WindowState,
  preload: string,
  title: string,
  devTools: boolean,
): BrowserWindowConstructorOptions {
  return {
    title,
    width: state.width,
    height: state.height,
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    webPreferences: { ...LOCKED_DOWN, preload, devTools },
  }
}

/** Options for the hidden window that prints generated HTML to PDF: no script at all, no preload. */
export function pdfWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    webPreferences: { ...LOCKED_DOWN, javascript: false, partition, devTools: false },
  }
}
