// The renderer's one door to the outside world: the Electron preload API, or the browser edition.
import type { PlatformApi } from '../../shared/ipc'
import { createBrowserPlatform } from './browser-platform'

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in a plain browser. */
    readonly stackwright?: PlatformApi
  }
}

let current: PlatformApi | undefined

/** The platform API: the preload's in Electron, the browser implementation everywhere else. */
export function getPlatform(): PlatformApi {
  current ??= window.stackwright ?? createBrowserPlatform(window)
  return current
}
