// Exit codes and the one error type commands throw to stop with a clean message.
import { escapeControlChars } from '../shared/util/control-chars'
import type { CliIo } from './io/types'

/** Exit codes, the same for every command. */
export const EXIT = {
  ok: 0,
  /** Invalid design, violations, or a `--fail-on` threshold reached. */
  invalid: 1,
  /** Unknown command or option, missing or unreadable file, output folder not empty. */
  usage: 2,
  /** A bug in Stackwright: never a verdict about the design. */
  internal: 3,
} as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** An expected failure: printed as one short line on stderr, then the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** Writes one error line to stderr, prefixed with the program name; control characters escaped. */
export function printError(io: CliIo, message: string): void {
  io.stderr.write(`stackwright: ${escapeControlChars(message)}\n`)
}

/** Runs a command body, turning CliError and unexpected errors into a message and an exit code. */
export async function guard(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body()
  } catch (error) {
    if (error instanceof CliError) {
      printError(io, error.message)
      return error.exitCode
    }
    // No stack trace for users; the message is enough to report the bug.
    printError(io, `internal error: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.internal
  }
}
