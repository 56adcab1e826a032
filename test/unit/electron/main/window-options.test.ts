import { describe, expect, it } from 'vitest'
import { mainWindowGeometry } from '../../../../electron/main/window-options'
import { MIN_HEIGHT, MIN_WIDTH } from '../../../../electron/main/window-state'

describe('mainWindowGeometry', () => {
  it('places the window at its remembered bounds, hidden until ready', () => {
    expect(
      mainWindowGeometry({ x: 1, y: 2, width: 900, height: 700, maximized: false }, 'Stackwright'),
    ).toEqual({
      title: 'Stackwright',
      x: 1,
      y: 2,
      width: 900,
      height: 700,
      minWidth: MIN_WIDTH,
      minHeight: MIN_HEIGHT,
      show: false,
    })
  })

  it('lets the OS place a window without a remembered position', () => {
    const geometry = mainWindowGeometry({ width: 900, height: 700, maximized: true }, 't')
    expect(geometry).not.toHaveProperty('x')
    expect(geometry).not.toHaveProperty('y')
  })

  it('carries no webPreferences: those are written out where the window is created', () => {
    expect(
      mainWindowGeometry({ width: 900, height: 700, maximized: false }, 't'),
    ).not.toHaveProperty('webPreferences')
  })
})
