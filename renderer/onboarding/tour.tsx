// The guided tour: a small non-modal popover beside each stop's target, with a ring around the
// target. Keyboard: focus lands on Next at every stop, Escape ends the tour.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { useApp, useAppShallow } from '../app/app-store'
import { TOUR_STEPS } from '../store/tour-steps'
import { placePopover } from './place-popover'
import type { Placement, Box } from './place-popover'

/** The tour popover for the current stop; nothing when no tour runs. */
export default function Tour() {
  const index = useApp((s) => s.tourStep)
  const wizardStep = useApp((s) => s.step)
  const { moveTour, endTour } = useAppShallow((s) => ({ moveTour: s.moveTour, endTour: s.endTour }))
  const stop = index === null ? undefined : TOUR_STEPS[index]
  const popover = useRef<HTMLDivElement>(null)
  const next = useRef<HTMLButtonElement>(null)
  const [placement, setPlacement] = useState<Placement | null>(null)
  const titleId = useId()
  const bodyId = useId()

  useLayoutEffect(() => {
    if (!stop) return
    const place = () => {
      const target = document.querySelector(stop.target)
      const box = popover.current
      if (!box) return
      const rect: Box | null = target ? target.getBoundingClientRect() : null
      setPlacement(
        placePopover(rect, { width: box.offsetWidth, height: box.offsetHeight }, viewport()),
      )
    }
    document.querySelector(stop.target)?.scrollIntoView({ block: 'nearest' })
    place()
    window.addEventListener('resize', place)
    window.addEventListener('scroll', place, true)
    return () => {
      window.removeEventListener('resize', place)
      window.removeEventListener('scroll', place, true)
    }
  }, [stop, wizardStep])

  // Runs after the step view's own focus move, so a stop that changes the step keeps focus here.
  // (Before placement the popover is transparent, not hidden, so it can take focus.)
  useEffect(() => {
    if (index !== null) next.current?.focus()
  }, [index])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      e.preventDefault()
      endTour()
    }
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('keydown', onKey)
      // Back to the top of the current step rather than to the document body.
      document.querySelector<HTMLElement>('#main h1')?.focus()
    }
  }, [endTour])

  if (!stop || index === null) return null
  const last = index === TOUR_STEPS.length - 1
  return (
    <>
      {placement?.ring ? (
        <div
          className="tour-ring"
          aria-hidden="true"
          style={{
            top: placement.ring.top,
            left: placement.ring.left,
            width: placement.ring.width,
            height: placement.ring.height,
          }}
        />
      ) : null}
      <div
        ref={popover}
        className="tour-popover"
        role="dialog"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid="tour-popover"
        data-tour-stop={stop.id}
        style={
          placement ? { top: placement.top, left: placement.left } : { top: 0, left: 0, opacity: 0 }
        }
      >
        <p className="tour-count">
          Tour: {index + 1} of {TOUR_STEPS.length}
        </p>
        <h2 id={titleId} className="tour-title">
          {stop.title}
        </h2>
        <p id={bodyId} className="tour-body">
          {stop.body}
        </p>
        <div className="tour-actions">
          <button type="button" className="button subtle" onClick={endTour}>
            Skip tour
          </button>
          <span className="tour-spacer" />
          <button
            type="button"
            className="button"
            onClick={() => moveTour(-1)}
            disabled={index === 0}
          >
            Back
          </button>
          <button ref={next} type="button" className="button primary" onClick={() => moveTour(1)}>
            {last ? 'Finish' : 'Next'}
          </button>
        </div>
      </div>
    </>
  )
}

function viewport(): { width: number; height: number } {
  return { width: window.innerWidth, height: window.innerHeight }
}
