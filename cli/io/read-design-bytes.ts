// The CLI's side of the bounded reader: a file argument resolved against the working folder, and any
// failure as a usage error (exit 2) that quotes the name with its control characters escaped.
import path from 'node:path'
import { describeFsError, shownPath } from '../../shared/node/fs-errors'
import { readBounded } from '../../shared/node/read-bounded'
import type { BoundedRead } from '../../shared/node/read-bounded'
import { CliError, EXIT } from '../errors'
import type { CliIo } from './types'

/** Standard input, at most `maxBytes`: reading stops at the first byte past the bound. */
async function readStdin(
  stdin: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<BoundedRead> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    size += bytes.length
    if (size > maxBytes) return { ok: false, size }
    chunks.push(bytes)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const c of chunks) {
    bytes.set(c, offset)
    offset += c.length
  }
  return { ok: true, bytes }
}

/**
 * Reads `file` (relative to io.cwd), at most `maxBytes`; `-` reads standard input. Unreadable or
 * non-regular files exit 2.
 */
export async function readInputFile(
  file: string,
  io: CliIo,
  maxBytes: number,
): Promise<BoundedRead> {
  if (file === '-') {
    if (io.stdin === undefined) throw new CliError('cannot read -: no standard input', EXIT.usage)
    return readStdin(io.stdin, maxBytes)
  }
  try {
    return await readBounded(path.resolve(io.cwd, file), maxBytes)
  } catch (error) {
    throw new CliError(`cannot read ${shownPath(file)}: ${describeFsError(error)}`, EXIT.usage)
  }
}
