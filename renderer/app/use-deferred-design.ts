// The design and its evaluation for views that compute something per option (a dozen evaluations):
// deferred, so the live panel shows the new score first and the cards follow in the next render.
import { useDeferredValue } from 'react'
import type { Evaluation } from '../../shared/engine/types'
import type { Design } from '../../shared/model/schema'
import { useAppShallow } from './app-store'

/** The current design and evaluation, as one pair, at transition priority. */
export function useDeferredDesign(): { readonly design: Design; readonly evaluation: Evaluation } {
  const current = useAppShallow((s) => ({ design: s.design, evaluation: s.evaluation }))
  return useDeferredValue(current)
}
