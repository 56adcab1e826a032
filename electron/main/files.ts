// Reading and writing design files: size-limited, UTF-8 checked, written atomically, never with
// content that failed to serialise, and with errors a user can act on.
import type { Failure, OpenedFile } from '../../shared/ipc'
import { MAX_DESIGN_BYTES } from '../../shared/model/index'
import type { FileIo } from './file-io'
import { describeError, shownPath } from '../../shared/node/fs-errors'

/** The largest design file the app opens: the shared loader's limit (4 MiB; a real design is a few KiB). */
export const MAX_DESIGN_FILE_BYTES = MAX_DESIGN_BYTES
export const DESIGN_EXTENSION = '.stackwright.yaml'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** `name` with the design extension unless it already ends in .yaml, .yml or .json. */
export function withDesignExtension(name: string): string {
  return /\.(ya?ml|json)$/i.test(name) ? name : `${name}${DESIGN_EXTENSION}`
}

/** Reads a design file as text; refuses folders, files over the limit and non-UTF-8 content. */
export async function readDesignFile(file: string, io: FileIo): Promise<OpenedFile | Failure> {
  let bytes: Uint8Array
  try {
    bytes = await io.readLimited(file, MAX_DESIGN_FILE_BYTES)
  } catch (error) {
    return { error: describeError(error, 'open', file) }
  }
  try {
    return { path: file, content: utf8.decode(bytes) }
  } catch {
    return { error: `Could not open "${shownPath(file)}": it is not a UTF-8 text file.` }
  }
}

/**
 * Writes `content` to `file` atomically after `contentProblem` accepted it. Empty or invalid content
 * is refused, so a serialisation bug can never replace a good file.
 */
export async function writeDesignFile(
  file: string,
  content: string,
  io: FileIo,
  contentProblem: (content: string) => string | null,
): Promise<{ readonly path: string } | Failure> {
  const problem = contentProblem(content)
  if (problem !== null) return { error: problem }
  try {
    await io.writeAtomic(file, content)
    return { path: file }
  } catch (error) {
    return { error: describeError(error, 'save', file) }
  }
}

/**
 * Whether the file on disk still holds `content` (what the renderer last loaded or saved).
 * A file that cannot be read counts as changed, so the user is asked before it is overwritten.
 */
export async function checkChanged(
  file: string,
  content: string,
  io: FileIo,
): Promise<{ readonly changed: boolean; readonly missing: boolean }> {
  if (!(await io.exists(file))) return { changed: true, missing: true }
  const current = await readDesignFile(file, io)
  if ('error' in current) return { changed: true, missing: false }
  return { changed: current.content !== content, missing: false }
}
