// The tour popover sits beside its target and never leaves the viewport.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { placePopover } from '../../../../renderer/onboarding/place-popover'

const viewport = { width: 1440, height: 900 }
const size = { width: 340, height: 180 }

describe('placePopover', () => {
  it('goes right of a target on the left and left of a target on the right', () => {
    const rail = placePopover({ top: 60, left: 0, width: 240, height: 800 }, size, viewport)
    expect(rail.left).toBeGreaterThanOrEqual(240)
    const panel = placePopover({ top: 80, left: 1150, width: 270, height: 120 }, size, viewport)
    expect(panel.left + size.width).toBeLessThanOrEqual(1150)
  })

  it('centres when the target is missing', () => {
    const p = placePopover(null, size, viewport)
    expect(p.ring).toBeNull()
    expect(p.left).toBe((viewport.width - size.width) / 2)
  })

  it('stays inside the viewport for any target inside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1400 }),
        fc.integer({ min: 0, max: 880 }),
        fc.integer({ min: 1, max: 1440 }),
        fc.integer({ min: 1, max: 900 }),
        (left, top, w, h) => {
          const target = {
            left,
            top,
            width: Math.min(w, 1440 - left),
            height: Math.min(h, 900 - top),
          }
          const p = placePopover(target, size, viewport)
          expect(p.left).toBeGreaterThanOrEqual(0)
          expect(p.top).toBeGreaterThanOrEqual(0)
          expect(p.left + size.width).toBeLessThanOrEqual(viewport.width)
          expect(p.top + size.height).toBeLessThanOrEqual(viewport.height)
        },
      ),
    )
  })
})
