// Remembers the main window's size, position and maximised state between runs (userData JSON).
import path from 'node:path'
import { z } from 'zod'
import type { FileIo } from './file-io'

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface WindowState {
  /** Absent when the window should be centred by the OS. */
  readonly x?: number
  readonly y?: number
  readonly width: number
  readonly height: number
  readonly maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }
export const MIN_WIDTH = 800
export const MIN_HEIGHT = 560

const coordinate = z.int().min(-100_000).max(100_000)
const stateSchema = z.strictObject({
  version: z.literal(1),
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: z.int().min(1).max(100_000),
  height: z.int().min(1).max(100_000),
  maximized: z.boolean(),
})

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * Makes a remembered state usable on today's displays: the size is clamped to the largest work
 * area, and a window that would be mostly off-screen (a display was unplugged) is re-centred.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state
  const widest = Math.max(...workAreas.map((a) => a.width))
  const tallest = Math.max(...workAreas.map((a) => a.height))
  const width = Math.max(Math.min(state.width, widest), Math.min(MIN_WIDTH, widest))
  const height = Math.max(Math.min(state.height, tallest), Math.min(MIN_HEIGHT, tallest))
  if (state.x === undefined || state.y === undefined) {
    return { width, height, maximized: state.maximized }
  }
  const bounds = { x: state.x, y: state.y, width, height }
  const visible = Math.max(...workAreas.map((a) => overlap(bounds, a)))
  // Keep the position only if at least half the window is on some display.
  if (visible * 2 < width * height) return { width, height, maximized: state.maximized }
  return { ...bounds, maximized: state.maximized }
}

/** Reads the remembered state; anything missing or damaged gives the default. */
export async function loadWindowState(file: string, io: FileIo): Promise<WindowState> {
  try {
    const parsed = stateSchema.safeParse(
      JSON.parse(new TextDecoder().decode(await io.readLimited(file, 64 * 1024))),
    )
    if (!parsed.success) return DEFAULT_WINDOW_STATE
    const { x, y, width, height, maximized } = parsed.data
    return x === undefined || y === undefined
      ? { width, height, maximized }
      : { x, y, width, height, maximized }
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

/** Writes the state atomically (a crash mid-write keeps the previous state). */
export async function saveWindowState(file: string, state: WindowState, io: FileIo): Promise<void> {
  const record = {
    version: 1,
    ...(state.x === undefined || state.y === undefined
      ? {}
      : { x: Math.round(state.x), y: Math.round(state.y) }),
    width: Math.round(state.width),
    height: Math.round(state.height),
    maximized: state.maximized,
  }
  await io.mkdir(path.dirname(file))
  await io.writeAtomic(file, JSON.stringify(record, null, 2) + '\n')
}
