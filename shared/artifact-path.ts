// The one check of a generated file's relative path, for every writer (CLI, Electron export, the
// generators' last guard and the IPC contract): a path from data must not reach outside its folder or
// name something other than an ordinary file on any of the systems the output may be copied to.
import { isWindowsDeviceName } from './generate/file-names'

/** Longest artifact path accepted, in UTF-16 code units (well under every system's path limit). */
export const MAX_ARTIFACT_PATH = 1024
/**
 * Longest path segment (a file or folder name) accepted, in UTF-8 bytes: the common file-system limit
 * (ext4 and most Linux file systems count bytes, NTFS and APFS characters; bytes are the stricter).
 */
export const MAX_ARTIFACT_SEGMENT = 255

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/
// Characters Windows does not allow in a file name (':' and '\\' have their own messages).
const WINDOWS_FORBIDDEN = /[<>"|?*]/
// Console devices Windows reserves beside those of generate/file-names.ts (CON, NUL, COM1, ...).
const WINDOWS_CONSOLE = /^(conin|conout)\$$/i
const utf8 = new TextEncoder()

/** Whether Windows opens a device for `segment`: it ignores the extension and spaces before it. */
function isDevice(segment: string): boolean {
  const stem = (segment.split('.')[0] ?? '').replace(/ +$/, '')
  return isWindowsDeviceName(stem) || WINDOWS_CONSOLE.test(stem)
}

function segmentProblem(segment: string): string | undefined {
  if (segment === '' || segment === '.') return 'the path has an empty or "." segment'
  if (segment === '..') return 'the path contains ".."'
  if (segment.length > MAX_ARTIFACT_SEGMENT || utf8.encode(segment).length > MAX_ARTIFACT_SEGMENT)
    return `a segment is longer than ${MAX_ARTIFACT_SEGMENT} bytes`
  // NTFS reads `name:stream` as an alternate data stream.
  if (segment.includes(':')) return 'a segment contains ":"'
  const forbidden = WINDOWS_FORBIDDEN.exec(segment)
  if (forbidden !== null)
    return `a segment contains ${forbidden[0]}, which Windows does not allow in names`
  if (isDevice(segment)) return `"${segment}" is a reserved device name on Windows`
  // Windows drops a trailing dot or space, so `a.` and `a` would be the same file there.
  if (/[. ]$/.test(segment)) return 'a segment ends with "." or a space'
  return undefined
}

/**
 * Why `relativePath` must not be written below an output folder, or undefined when it is a plain
 * '/'-separated relative path: not empty, absolute, a drive or UNC path, not holding `..`, `.`, empty
 * segments, backslashes, NUL or other controls, `:` or another character Windows forbids (`<>"|?*`),
 * Windows device names (also `nul .txt`, `CONIN$`), or overlong parts.
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
