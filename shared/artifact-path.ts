// The one check of a generated file's relative path, for every writer (CLI, Electron export, the
// generators' last guard and the IPC contract): a path from data must not reach outside its folder or
// name something other than an ordinary file on any of the systems the output may be copied to.
import { isWindowsDeviceName } from './generate/file-names'

/** Longest artifact path accepted, in UTF-16 code units (well under every system's path limit). */
export const MAX_ARTIFACT_PATH = 1024
/** Longest path segment (a file or folder name) accepted: the common file-system limit. */
export const MAX_ARTIFACT_SEGMENT = 255

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

function segmentProblem(segment: string): string | undefined {
  if (segment === '' || segment === '.') return 'the path has an empty or "." segment'
  if (segment === '..') return 'the path contains ".."'
  if (segment.length > MAX_ARTIFACT_SEGMENT)
    return `a segment is longer than ${MAX_ARTIFACT_SEGMENT} characters`
  // NTFS reads `name:stream` as an alternate data stream.
  if (segment.includes(':')) return 'a segment contains ":"'
  if (isWindowsDeviceName(segment)) return `"${segment}" is a reserved device name on Windows`
  // Windows drops a trailing dot or space, so `a.` and `a` would be the same file there.
  if (/[. ]$/.test(segment)) return 'a segment ends with "." or a space'
  return undefined
}

/**
 * Why `relativePath` must not be written below an output folder, or undefined when it is a plain
 * '/'-separated relative path: not empty, absolute, a drive or UNC path, not holding `..`, `.`, empty
 * segments, backslashes, NUL or other controls, `:`, Windows device names, or overlong parts.
 */
export function artifactPathProblem(relativePath: string): string | undefined {
  if (relativePath.length === 0) return 'the path is empty'
  if (relativePath.length > MAX_ARTIFACT_PATH)
    return `the path is longer than ${MAX_ARTIFACT_PATH} characters`
  if (relativePath.includes('\0')) return 'the path contains a NUL byte'
  if (CONTROL.test(relativePath)) return 'the path contains a control character'
  if (relativePath.includes('\\')) return 'the path contains a backslash'
  if (relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath)) return 'the path is absolute'
  for (const segment of relativePath.split('/')) {
    const problem = segmentProblem(segment)
    if (problem !== undefined) return problem
  }
  return undefined
}
