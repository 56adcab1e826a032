// Onboarding flags in localStorage: the renderer's origin is the same in both editions, and a flag
// that cannot be stored only means the welcome shows again next time.
import type { OnboardingFlag, Preferences } from '../store/types'

/** localStorage keys of the flags; e2e tests set them to skip onboarding. */
export const PREFERENCE_KEYS: Readonly<Record<OnboardingFlag, string>> = {
  welcomeSeen: 'stackwright:welcome-seen',
  tourDone: 'stackwright:tour-done',
}

/** Preferences kept in a Storage; reached lazily, since merely reading localStorage can throw. */
export function storagePreferences(storage: () => Storage): Preferences {
  return {
    getFlag: (name) => {
      try {
        return storage().getItem(PREFERENCE_KEYS[name]) === '1'
      } catch {
        return false
      }
    },
    setFlag: (name) => {
      try {
        storage().setItem(PREFERENCE_KEYS[name], '1')
      } catch {
        // Storage disabled or full: the flag lasts for this session only.
      }
    },
  }
}
