// Where the tour popover goes: beside its target (right, left, below, then above), kept inside the
// viewport; centred when the target is missing.

export interface Box {
  readonly top: number
  readonly left: number
  readonly width: number
  readonly height: number
}

export interface Placement {
  readonly top: number
  readonly left: number
  /** The highlight around the target, or null when there is none. */
  readonly ring: Box | null
}

const GAP = 14
const MARGIN = 12
const RING_PAD = 4

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max))

/** The popover's position for a target rectangle (viewport coordinates) and the popover's size. */
export function placePopover(
  target: Box | null,
  size: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
): Placement {
  const maxLeft = Math.max(MARGIN, viewport.width - size.width - MARGIN)
  const maxTop = Math.max(MARGIN, viewport.height - size.height - MARGIN)
  if (!target)
    return {
      top: clamp((viewport.height - size.height) / 2, MARGIN, maxTop),
      left: clamp((viewport.width - size.width) / 2, MARGIN, maxLeft),
      ring: null,
    }
  const ring = {
    top: target.top - RING_PAD,
    left: target.left - RING_PAD,
    width: target.width + 2 * RING_PAD,
    height: target.height + 2 * RING_PAD,
  }
  const right = target.left + target.width + GAP
  const besideTop = clamp(target.top, MARGIN, maxTop)
  if (right + size.width + MARGIN <= viewport.width) return { top: besideTop, left: right, ring }
  const left = target.left - GAP - size.width
  if (left >= MARGIN) return { top: besideTop, left, ring }
  const below = target.top + target.height + GAP
  const across = clamp(target.left, MARGIN, maxLeft)
  if (below + size.height + MARGIN <= viewport.height) return { top: below, left: across, ring }
  return { top: clamp(target.top - GAP - size.height, MARGIN, maxTop), left: across, ring }
}
