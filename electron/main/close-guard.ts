// Decides whether the window may close now or must first ask the renderer (unsaved changes).

/** What to do when the user tries to close the window. */
export type CloseAttempt = 'close' | 'ask-renderer'

/** Tracks the document's dirty state and the renderer's answer to the unsaved-changes prompt. */
export class CloseGuard {
  #dirty = false
  #allowed = false

  /** Records the renderer's dirty flag (window:set-state). */
  setDirty(dirty: boolean): void {
    this.#dirty = dirty
  }

  /** Called from the window's close event. */
  onCloseAttempt(): CloseAttempt {
    return this.#allowed || !this.#dirty ? 'close' : 'ask-renderer'
  }

  /** The renderer's answer (window:close-decision); true means the window should now close. */
  decide(close: boolean): boolean {
    this.#allowed = close
    return close
  }

  /** The renderer crashed or hung: closing must not depend on it any more. */
  forceAllow(): void {
    this.#allowed = true
  }
}
