// The app store: one zustand store built from slices, with undo/redo (zundo) at the root over the
// design only. Created by a factory so tests build their own with a test platform and clock.
import { createStore } from 'zustand/vanilla'
import { temporal } from 'zundo'
import { newDesign } from '../../shared/model/index'
import type { Design } from '../../shared/model/schema'
import { createDesignActions, initialDesignState } from './design-slice'
import { createExportSlice } from './export-slice'
import { createFilesSlice, NEW_DESIGN_NAME } from './files-slice'
import { createOnboardingSlice } from './onboarding-slice'
import { withStartingPools } from './pool-edits'
import { createReviewSlice } from './review-slice'
import type { AppState, HistoryApi, HistoryState, Scratch, SliceContext, StoreDeps } from './types'
import { createUiSlice } from './ui-slice'

/** How many design edits can be undone. */
export const HISTORY_LIMIT = 200

/** Builds the app store around its dependencies, starting from `initial` or a new design. */
export function createAppStore(deps: StoreDeps, initial?: Design) {
  const scratch: Scratch = {
    lastCoalesce: undefined,
    autosaveTimer: undefined,
    recommendTimer: undefined,
    windowState: undefined,
  }
  let historyApi: HistoryApi | undefined
  const store = createStore<AppState>()(
    temporal(
      (set, get, api) => {
        const ctx: SliceContext = {
          set,
          get,
          deps,
          scratch,
          history: () => {
            historyApi ??= (api as unknown as { temporal: HistoryApi }).temporal
            return historyApi
          },
        }
        const design = initial ?? withStartingPools(newDesign(NEW_DESIGN_NAME), deps.catalog)
        // Slices read each other through get(); the design state needs savedDesign to exist first.
        const files = createFilesSlice(ctx)
        const base = { ...files, savedDesign: design } as AppState
        const designState = initialDesignState({ ...ctx, get: () => base }, design)
        return {
          ...createUiSlice(ctx),
          ...files,
          savedDesign: design,
          ...createReviewSlice(ctx),
          ...createExportSlice(ctx),
          ...createOnboardingSlice(ctx),
          ...designState,
          ...createDesignActions(ctx),
        }
      },
      {
        partialize: (state): HistoryState => ({ design: state.design }),
        equality: (past, current) => past.design === current.design,
        limit: HISTORY_LIMIT,
      },
    ),
  )
  return store
}

export type AppStore = ReturnType<typeof createAppStore>
export type { AppState, StoreDeps } from './types'
