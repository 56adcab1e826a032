// Onboarding overlays: the welcome screen, "Take the tour?" and the tour itself. The welcome (with
// the bundled examples) and the tour load on demand, off the first screen's budget.
import { lazy, Suspense } from 'react'
import { useApp, useAppShallow } from '../app/app-store'
import { Modal } from '../components/modal'

const Welcome = lazy(() => import('./welcome'))
const Tour = lazy(() => import('./tour'))

/** Whichever onboarding overlay the store has open. */
export function Onboarding() {
  const welcomeOpen = useApp((s) => s.welcomeOpen)
  const tourOffered = useApp((s) => s.tourOffered)
  const touring = useApp((s) => s.tourStep !== null)
  const a = useAppShallow((s) => ({ startTour: s.startTour, endTour: s.endTour }))
  return (
    <Suspense fallback={null}>
      {welcomeOpen ? <Welcome /> : null}
      {tourOffered && !welcomeOpen ? (
        <Modal
          title="Take the 1-minute tour?"
          onClose={a.endTour}
          testId="tour-offer"
          actions={
            <>
              <button type="button" className="button" onClick={a.endTour}>
                No thanks
              </button>
              <button type="button" className="button primary" onClick={a.startTour}>
                Take the tour
              </button>
            </>
          }
        >
          <p>Five short stops show where the steps, score changes, reasons and exports are.</p>
        </Modal>
      ) : null}
      {touring ? <Tour /> : null}
    </Suspense>
  )
}
