// The CLI's side of the bounded reader: a file argument resolved against the working folder, and any
// failure as a usage error (exit 2) that quotes the name with its control characters escaped.
import path from 'node:path'
import { describeFsError, shownPath } from '../../shared/node/fs-errors'
import { readBounded } from '../../shared/node/read-bounded'
import type { BoundedRead } from '../../shared/node/read-bounded'
import { CliError, EXIT } from '../errors'
import type { CliIo } from './types'

/** Reads `file` (relative to io.cwd), at most `maxBytes`; unreadable or non-regular files exit 2. */
export async function readInputFile(
  file: string,
  io: CliIo,
  maxBytes: number,
): Promise<BoundedRead> {
  try {
    return await readBounded(path.resolve(io.cwd, file), maxBytes)
  } catch (error) {
    throw new CliError(`cannot read ${shownPath(file)}: ${describeFsError(error)}`, EXIT.usage)
  }
}
