import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_ARTIFACT_PATH,
  MAX_ARTIFACT_SEGMENT,
  artifactPathProblem,
} from '../../../shared/artifact-path'

describe('artifactPathProblem accepts', () => {
  it.each([
    'design.md',
    'kubernetes/base/kustomization.yaml',
    'kubernetes/apps/t0-svc-1/deployment.yaml',
    '..hidden/file',
    '.hidden',
    'a..b',
    'con_.json',
    'com10.yaml',
    'lpt/console.yaml',
    'connect.yaml',
    ' leading-space',
    '~/x',
    'PROGRA~1',
    'caf\u00e9/\u65e5\u672c.yaml',
    // C1 controls and bidi overrides are legal names everywhere; messages escape them.
    'a\u0085b',
    'a\u202eb',
    'a'.repeat(MAX_ARTIFACT_SEGMENT),
  ])('%j', (p) => {
    expect(artifactPathProblem(p)).toBeUndefined()
  })

  it('a path of exactly the longest length', () => {
    const p = `${'a/'.repeat(MAX_ARTIFACT_PATH / 2 - 1)}bc`
    expect(p).toHaveLength(MAX_ARTIFACT_PATH)
    expect(artifactPathProblem(p)).toBeUndefined()
  })
})

describe('artifactPathProblem refuses', () => {
  it.each([
    // Traversal and empty or "." segments.
    ['..', 'the path contains ".."'],
    ['../x', 'the path contains ".."'],
    ['a/../../b', 'the path contains ".."'],
    ['a/../b', 'the path contains ".."'],
    ['a/..', 'the path contains ".."'],
    ['./a', 'the path has an empty or "." segment'],
    ['a/./b', 'the path has an empty or "." segment'],
    ['a//b', 'the path has an empty or "." segment'],
    ['a/', 'the path has an empty or "." segment'],
    ['', 'the path is empty'],
    // Absolute, drive, drive-relative and UNC paths.
    ['/etc/passwd', 'the path is absolute'],
    ['/', 'the path is absolute'],
    ['//server/share/x', 'the path is absolute'],
    ['C:/Windows/x', 'the path is absolute'],
    ['c:x', 'the path is absolute'],
    ['z:', 'the path is absolute'],
    // Backslashes: Windows separators, so traversal and UNC there.
    ['a\\b', 'the path contains a backslash'],
    ['..\\x', 'the path contains a backslash'],
    ['\\\\server\\share\\x', 'the path contains a backslash'],
    ['C:\\Windows\\x', 'the path contains a backslash'],
    // NUL and other C0 controls, and DEL.
    ['a\0b', 'the path contains a NUL byte'],
    ['a\x1b]0;pwn\x07b', 'the path contains a control character'],
    ['a\nb', 'the path contains a control character'],
    ['a\tb', 'the path contains a control character'],
    ['a\x7fb', 'the path contains a control character'],
    // Names NTFS reads as streams, or Windows forbids.
    ['a:b', 'the path is absolute'],
    ['ab:c', 'a segment contains ":"'],
    ['dir/file.yaml:stream', 'a segment contains ":"'],
    ['a?b', 'a segment contains ?, which Windows does not allow in names'],
    ['a*b', 'a segment contains *, which Windows does not allow in names'],
    ['a<b', 'a segment contains <, which Windows does not allow in names'],
    ['a>b', 'a segment contains >, which Windows does not allow in names'],
    ['a|b', 'a segment contains |, which Windows does not allow in names'],
    ['a"b', 'a segment contains ", which Windows does not allow in names'],
    // Reserved Windows device names, in any case and with any extension or spaces before it.
    ['CON', '"CON" is a reserved device name on Windows'],
    ['con.txt', '"con.txt" is a reserved device name on Windows'],
    ['a/nul.tar.gz', '"nul.tar.gz" is a reserved device name on Windows'],
    ['Aux/x', '"Aux" is a reserved device name on Windows'],
    ['prn.yaml', '"prn.yaml" is a reserved device name on Windows'],
    ['COM1', '"COM1" is a reserved device name on Windows'],
    ['lpt9.json', '"lpt9.json" is a reserved device name on Windows'],
    ['COM\u00b9', '"COM\u00b9" is a reserved device name on Windows'],
    ['nul .txt', '"nul .txt" is a reserved device name on Windows'],
    ['CONIN$', '"CONIN$" is a reserved device name on Windows'],
    ['conout$.log', '"conout$.log" is a reserved device name on Windows'],
    // Names Windows would trim into another name.
    ['a.', 'a segment ends with "." or a space'],
    ['a..', 'a segment ends with "." or a space'],
    ['...', 'a segment ends with "." or a space'],
    ['dir /x', 'a segment ends with "." or a space'],
    ['con ', '"con " is a reserved device name on Windows'],
  ])('%j: %s', (p, problem) => {
    expect(artifactPathProblem(p)).toBe(problem)
  })

  it('over-long segments, counted in UTF-8 bytes (ext4 allows 255 bytes, not characters)', () => {
    const tooLong = `a segment is longer than ${MAX_ARTIFACT_SEGMENT} bytes`
    expect(artifactPathProblem('a'.repeat(MAX_ARTIFACT_SEGMENT + 1))).toBe(tooLong)
    // 128 two-byte letters: 128 characters but 256 bytes, one past what ext4 takes.
    expect(artifactPathProblem(`dir/${'\u00e9'.repeat(128)}`)).toBe(tooLong)
    expect(artifactPathProblem('\u00e9'.repeat(127))).toBeUndefined()
    // 85 three-byte characters are 255 bytes; 86 are too many.
    expect(artifactPathProblem('\u65e5'.repeat(85))).toBeUndefined()
    expect(artifactPathProblem('\u65e5'.repeat(86))).toBe(tooLong)
  })

  it('an over-long path', () => {
    expect(artifactPathProblem('a/'.repeat(MAX_ARTIFACT_PATH / 2) + 'b')).toBe(
      `the path is longer than ${MAX_ARTIFACT_PATH} characters`,
    )
  })
})

describe('artifactPathProblem, for any path', () => {
  const root = path.resolve('/srv/stackwright-out')
  const segment = fc.oneof(
    fc.constantFrom('a', 'b.yaml', '..', '.', '', '\\', '\0', '/', 'C:', 'con', ' ', '\u202e'),
    fc.string({ maxLength: 4 }),
  )

  it('an accepted path resolves strictly inside the folder and stays one file per path', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => {
        const relative = parts.join('/')
        if (artifactPathProblem(relative) !== undefined) return
        const posix = path.posix.resolve('/srv/out', relative)
        expect(posix.startsWith('/srv/out/')).toBe(true)
        // Read as a Windows path, it can neither climb out nor switch drives.
        const win = path.win32.resolve('C:\\out', relative)
        expect(win.startsWith('C:\\out\\')).toBe(true)
        expect(path.join(root, ...relative.split('/')).startsWith(root + path.sep)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})
