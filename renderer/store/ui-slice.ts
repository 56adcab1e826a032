// The UI slice: where the user is and what is open. Never part of undo.
import { scheduleRecommendations } from './effects'
import { stackKey } from './stack-edits'
import type { SliceContext, UiSlice } from './types'

/** At most this many stacks side by side, the current one included. */
export const MAX_COMPARED = 4

/** The UI slice with its initial state. */
export function createUiSlice(ctx: SliceContext): UiSlice {
  const { set, get } = ctx
  return {
    step: 'context',
    theme: 'system',
    selectedWorkload: null,
    inspect: null,
    notice: null,
    dialog: null,
    compare: [],
    setStep: (step) => {
      if (step === get().step) return
      set({ step, inspect: null })
      const { recommendations, design } = get()
      if (step === 'review' && recommendations?.forDesign !== design)
        scheduleRecommendations(ctx, 0)
      if (step === 'export') void get().generate()
    },
    setTheme: (theme) => set({ theme }),
    toggleTheme: (prefersDark) => {
      const { theme } = get()
      const dark = theme === 'dark' || (theme === 'system' && prefersDark)
      set({ theme: dark ? 'light' : 'dark' })
    },
    selectWorkload: (index) => set({ selectedWorkload: index }),
    setInspect: (inspect) => set({ inspect }),
    notify: (notice) => set({ notice }),
    closeDialog: () => set({ dialog: null }),
    toggleCompare: (stack) => {
      const { compare } = get()
      const key = stackKey(stack)
      if (compare.some((s) => stackKey(s) === key))
        set({ compare: compare.filter((s) => stackKey(s) !== key) })
      else if (compare.length < MAX_COMPARED - 1) set({ compare: [...compare, stack] })
      else set({ notice: { tone: 'info', text: `Compare shows at most ${MAX_COMPARED} stacks.` } })
    },
  }
}
