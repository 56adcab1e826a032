// Terminal colours, only when stdout is a terminal and NO_COLOR is unset (https://no-color.org).
import type { CliIo } from '../io/types'

export interface Style {
  readonly bold: (s: string) => string
  readonly dim: (s: string) => string
  readonly red: (s: string) => string
  readonly yellow: (s: string) => string
  readonly green: (s: string) => string
  readonly cyan: (s: string) => string
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`

const COLOURS: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
  cyan: sgr(36, 39),
}

const identity = (s: string) => s
const PLAIN: Style = {
  bold: identity,
  dim: identity,
  red: identity,
  yellow: identity,
  green: identity,
  cyan: identity,
}

/** Whether output to this stdout may carry colour codes. */
export function colourEnabled(io: CliIo): boolean {
  const env = io.env ?? {}
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.TERM === 'dumb') return false
  return io.stdout.isTTY === true
}

/** The style to use for this invocation's stdout. */
export function styleFor(io: CliIo): Style {
  return colourEnabled(io) ? COLOURS : PLAIN
}

/** The plain style, for tests and machine-facing text. */
export const plainStyle: Style = PLAIN
