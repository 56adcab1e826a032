// The onboarding slice: the welcome screen on first run and the guided tour. UI state only (never
// undone); whether each was seen is remembered through the injected preferences.
import { TOUR_STEPS } from './tour-steps'
import type { OnboardingSlice, Preferences, SliceContext } from './types'

/** Without stored preferences (tests, embedding) onboarding never starts by itself. */
const NO_PREFERENCES: Preferences = { getFlag: () => true, setFlag: () => undefined }

/** The onboarding slice with its initial state. */
export function createOnboardingSlice(ctx: SliceContext): OnboardingSlice {
  const { set, get } = ctx
  const prefs = ctx.deps.preferences ?? NO_PREFERENCES

  const leaveWelcome = () => {
    set({ welcomeOpen: false })
    prefs.setFlag('welcomeSeen')
  }
  // The tour is offered once a design is open, unless it was taken or skipped before.
  const offerTour = () => {
    if (!prefs.getFlag('tourDone')) set({ tourOffered: true })
  }
  const showTourStep = (index: number) => {
    const stop = TOUR_STEPS[index]
    if (!stop) return
    set({ tourStep: index, tourOffered: false, inspect: null })
    if (stop.wizardStep) get().setStep(stop.wizardStep)
  }

  return {
    welcomeOpen: false,
    tourOffered: false,
    tourStep: null,

    startOnboarding: () => {
      // A pending recovery offer comes first; the welcome waits for a later start.
      if (get().dialog?.kind === 'recovery') return
      if (!prefs.getFlag('welcomeSeen')) set({ welcomeOpen: true })
    },
    showWelcome: () => set({ welcomeOpen: true, tourOffered: false, tourStep: null }),
    closeWelcome: leaveWelcome,

    openExample: (fileName, text) => {
      leaveWelcome()
      const before = get().design
      // No path: an example opens as an untitled design, so Save asks where to put it.
      get().openText(fileName, text, null)
      if (get().design !== before) offerTour()
    },

    startEmptyDesign: () => {
      leaveWelcome()
      const before = get().design
      get().newDesign()
      if (get().design !== before) offerTour()
    },

    startTour: () => showTourStep(0),

    moveTour: (delta) => {
      const current = get().tourStep
      if (current === null) return
      const next = current + delta
      if (next >= TOUR_STEPS.length) return get().endTour()
      if (next >= 0) showTourStep(next)
    },

    endTour: () => {
      set({ tourStep: null, tourOffered: false })
      prefs.setFlag('tourDone')
    },
  }
}
