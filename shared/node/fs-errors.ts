// File-system errors as words, for the CLI (a short reason after "cannot read FILE:") and the desktop
// app (a sentence a user can act on: disk full, read-only, permission, moved). Paths are shown with
// their control characters escaped, so a hostile file name cannot drive a terminal or reorder text.
import path from 'node:path'
import { escapeControlChars } from '../util/control-chars'

/** An error whose message is already written for the user. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError'
}

/** The code readBounded gives a FIFO, socket or device: not an errno, so it never clashes with one. */
export const NOT_REGULAR_FILE = 'ERR_STACKWRIGHT_NOT_REGULAR_FILE'

/** The errno-style code of an error (`ENOENT`), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const code = (error as { code: unknown }).code
  return typeof code === 'string' ? code : undefined
}

/** A path or value as it may be quoted in a message: control and bidi characters escaped. */
export function shownPath(file: string): string {
  return escapeControlChars(file)
}

/** A short, user-facing reason for a file-system error (`no such file or directory`). */
export function describeFsError(error: unknown): string {
  const code = errorCode(error)
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'ENOTDIR':
      return 'a parent of the path is not a directory'
    case 'ELOOP':
      return 'too many symbolic links'
    case 'ENAMETOOLONG':
      return 'the path is too long'
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space left on the device'
    case 'EROFS':
      return 'read-only file system'
    case NOT_REGULAR_FILE:
      return 'not a regular file'
    default:
      return escapeControlChars(code ?? (error instanceof Error ? error.message : String(error)))
  }
}

/**
 * A readable sentence for `error`, which happened while trying to `action` (e.g. "save") the file at
 * `file`. Unknown errors keep their own message so nothing is hidden.
 */
export function describeError(error: unknown, action: string, file?: string): string {
  if (error instanceof UserFacingError) return error.message
  const target = file === undefined ? '' : ` "${shownPath(file)}"`
  const folder = file === undefined ? 'the folder' : `"${shownPath(path.dirname(file))}"`
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not ${action}${target}: the disk is full (or your quota is used up). Free some space and try again; the existing file was left unchanged.`
    case 'EROFS':
      return `Could not ${action}${target}: ${folder} is on a read-only disk. Choose another location.`
    case 'EACCES':
    case 'EPERM':
      return `Could not ${action}${target}: permission denied. Check that you may write to ${folder}, or choose another location.`
    case 'ENOENT':
      return `Could not ${action}${target}: it or its folder no longer exists (it may have been moved or deleted).`
    case 'EISDIR':
      return `Could not ${action}${target}: it is a folder, not a file.`
    case 'ENOTDIR':
      return `Could not ${action}${target}: part of the path is a file, not a folder.`
    case 'ENAMETOOLONG':
      return `Could not ${action}${target}: the path is too long.`
    case 'EMFILE':
    case 'ENFILE':
      return `Could not ${action}${target}: too many files are open. Close some programs and try again.`
    case 'EBUSY':
      return `Could not ${action}${target}: the file is in use by another program.`
    case NOT_REGULAR_FILE:
      return `Could not ${action}${target}: it is not a regular file (a pipe, socket or device).`
    default: {
      const detail = error instanceof Error ? error.message : String(error)
      return `Could not ${action}${target}: ${escapeControlChars(detail)}`
    }
  }
}
