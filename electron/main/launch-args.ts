// Finds the design file a user asked to open on the command line (or via a file association).
import path from 'node:path'

const DESIGN_FILE = /\.(stackwright\.ya?ml|ya?ml|json)$/i

/**
 * The design file named in `argv` (resolved against `cwd`), or null. Flags, the executable and the
 * app's own script are skipped; when several files are given, the last one wins.
 */
export function designFileFromArgv(argv: readonly string[], cwd: string): string | null {
  const candidates = argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && DESIGN_FILE.test(arg) && !arg.includes('\0'))
  const last = candidates.at(-1)
  return last === undefined ? null : path.resolve(cwd, last)
}
