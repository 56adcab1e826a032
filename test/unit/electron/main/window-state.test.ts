import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeFileIo } from '../../../../electron/main/file-io'
import {
  DEFAULT_WINDOW_STATE,
  MIN_HEIGHT,
  MIN_WIDTH,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
} from '../../../../electron/main/window-state'
import { tempDir } from '../helpers'

const LAPTOP = { x: 0, y: 0, width: 1440, height: 900 }
const MONITOR = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('fitToDisplays', () => {
  it('keeps a window that is on screen', () => {
    const state = { x: 100, y: 80, width: 1200, height: 800, maximized: false }
    expect(fitToDisplays(state, [LAPTOP])).toEqual(state)
  })

  it('re-centres a window left on a display that was unplugged', () => {
    const state = { x: 2000, y: 100, width: 1200, height: 800, maximized: true }
    expect(fitToDisplays(state, [LAPTOP])).toEqual({ width: 1200, height: 800, maximized: true })
    expect(fitToDisplays(state, [LAPTOP, MONITOR])).toEqual(state)
  })

  it('shrinks a window larger than every display, but not below the minimum', () => {
    expect(fitToDisplays({ width: 5000, height: 3000, maximized: false }, [LAPTOP])).toEqual({
      width: 1440,
      height: 900,
      maximized: false,
    })
    expect(fitToDisplays({ width: 10, height: 10, maximized: false }, [LAPTOP])).toEqual({
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
      maximized: false,
    })
  })

  it('leaves the state alone when no display is known', () => {
    const state = { x: 5, y: 5, width: 900, height: 700, maximized: false }
    expect(fitToDisplays(state, [])).toEqual(state)
  })
})

describe('window state file', () => {
  it('round-trips through userData', async () => {
    const file = path.join(await tempDir(), 'window-state.json')
    const state = { x: 10.4, y: 20.6, width: 1000, height: 700, maximized: true }
    await saveWindowState(file, state, nodeFileIo)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 })
    expect(await loadWindowState(file, nodeFileIo)).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 700,
      maximized: true,
    })
  })

  it('creates userData on first save', async () => {
    const file = path.join(await tempDir(), 'new', 'window-state.json')
    await saveWindowState(file, DEFAULT_WINDOW_STATE, nodeFileIo)
    expect(await loadWindowState(file, nodeFileIo)).toEqual(DEFAULT_WINDOW_STATE)
  })

  it.each([
    ['missing', null],
    ['not JSON', 'nope'],
    ['absurd sizes', JSON.stringify({ version: 1, width: -5, height: 1e12, maximized: false })],
    [
      'an unknown version',
      JSON.stringify({ version: 9, width: 900, height: 700, maximized: false }),
    ],
  ])('falls back to the default when the file is %s', async (_name, text) => {
    const file = path.join(await tempDir(), 'window-state.json')
    if (text !== null) await writeFile(file, text)
    expect(await loadWindowState(file, nodeFileIo)).toEqual(DEFAULT_WINDOW_STATE)
  })
})
