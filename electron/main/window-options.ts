// The main window's geometry as data (its locked-down webPreferences are written out literally where the
// window is created, in window.ts, so reviewers and Electronegativity see them at the call site).
import type { BrowserWindowConstructorOptions } from 'electron'
import type { WindowState } from './window-state'
import { MIN_HEIGHT, MIN_WIDTH } from './window-state'

/** Size, position and title of the main window for a remembered `state`; hidden until ready. */
export function mainWindowGeometry(
  state: WindowState,
  title: string,
): Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
  return {
    title,
    width: state.width,
    height: state.height,
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
  }
}
