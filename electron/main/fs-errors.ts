// Turns file-system errors into sentences a user can act on (disk full, read-only, permission, moved).
import path from 'node:path'

/** An error whose message is already written for the user. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError'
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const code = (error as { code: unknown }).code
  return typeof code === 'string' ? code : undefined
}

/**
 * A readable message for `error`, which happened while trying to `action` (e.g. "save") the file at
 * `file`. Unknown errors keep their own message so nothing is hidden.
 */
export function describeError(error: unknown, action: string, file?: string): string {
  if (error instanceof UserFacingError) return error.message
  const target = file === undefined ? '' : ` "${file}"`
  const folder = file === undefined ? 'the folder' : `"${path.dirname(file)}"`
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
    default: {
      const detail = error instanceof Error ? error.message : String(error)
      return `Could not ${action}${target}: ${detail}`
    }
  }
}
