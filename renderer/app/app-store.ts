// The one store instance of the running app, bound to the platform and the browser's clock.
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { catalog } from '../../shared/catalog/index'
import { getPlatform } from '../platform/index'
import { storagePreferences } from '../platform/preferences'
import { createAppStore } from '../store/index'
import { generateFiles } from './generate-files'
import type { AppState, ThemeChoice } from '../store/types'

const THEME_KEY = 'stackwright:theme'

function storedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(THEME_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

/** The app's store. */
export const appStore = createAppStore({
  platform: getPlatform(),
  catalog,
  scheduler: {
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  },
  now: () => new Date(),
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  prefersDark: () => window.matchMedia('(prefers-color-scheme: dark)').matches,
  generate: generateFiles,
  preferences: storagePreferences(() => window.localStorage),
})

appStore.getState().setTheme(storedTheme())
// The theme choice is a preference of this machine, not of the design: keep it outside the file.
appStore.subscribe((state, previous) => {
  if (state.theme === previous.theme) return
  try {
    if (state.theme === 'system') window.localStorage.removeItem(THEME_KEY)
    else window.localStorage.setItem(THEME_KEY, state.theme)
  } catch {
    // Storage disabled: the choice lasts for this session.
  }
})

/** Reads one value from the store; re-renders only when it changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector)
}

/** Reads an object or array from the store, compared shallowly. */
export function useAppShallow<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, useShallow(selector))
}

/** Whether undo and redo are available (the history store is separate from the app state). */
export function useHistoryAvailability(): { canUndo: boolean; canRedo: boolean } {
  return useStore(
    appStore.temporal,
    useShallow((h) => ({ canUndo: h.pastStates.length > 0, canRedo: h.futureStates.length > 0 })),
  )
}
