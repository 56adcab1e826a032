// Keeps generated files inside the output folder: artifact paths come from data, so each one is checked.
import path from 'node:path'

/** Why an artifact path was refused. */
export class UnsafePathError extends Error {
  constructor(
    readonly relativePath: string,
    reason: string,
  ) {
    super(`refusing to write ${JSON.stringify(relativePath)}: ${reason}`)
    this.name = 'UnsafePathError'
  }
}

/** The reason a relative artifact path is unsafe, or undefined when it is a plain relative path. */
export function unsafeReason(relativePath: string): string | undefined {
  if (relativePath.length === 0) return 'the path is empty'
  if (relativePath.includes('\0')) return 'the path contains a NUL byte'
  if (relativePath.includes('\\')) return 'the path contains a backslash'
  // Covers POSIX absolute paths and Windows drive or UNC paths written with forward slashes.
  if (relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath)) return 'the path is absolute'
  const segments = relativePath.split('/')
  if (segments.includes('..')) return 'the path contains ".."'
  if (segments.some((s) => s === '' || s === '.')) return 'the path has an empty or "." segment'
  return undefined
}

/**
 * Resolves `relativePath` inside `root` and returns the absolute path, or throws UnsafePathError when the
 * path is absolute, climbs out with '..', holds a NUL or a backslash, or would otherwise land outside root.
 */
export function resolveInside(root: string, relativePath: string): string {
  const reason = unsafeReason(relativePath)
  if (reason !== undefined) throw new UnsafePathError(relativePath, reason)
  const base = path.resolve(root)
  const target = path.resolve(base, relativePath)
  // Belt and braces: the textual checks above should make this unreachable.
  const rel = path.relative(base, target)
  if (rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel))
    throw new UnsafePathError(relativePath, 'the path resolves outside the output folder')
  return target
}
