import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveInside, unsafeReason, UnsafePathError } from '../../../../cli/io/safe-path'

const root = path.join(os.tmpdir(), 'stackwright-out')

describe('resolveInside', () => {
  it.each([
    ['design.md', 'design.md'],
    ['kubernetes/base/kustomization.yaml', 'kubernetes/base/kustomization.yaml'],
    ['..hidden/file', '..hidden/file'],
  ])('resolves %s inside the root', (relative, expected) => {
    expect(resolveInside(root, relative)).toBe(path.join(root, ...expected.split('/')))
  })

  it.each([
    ['../x', '".."'],
    ['/abs', 'absolute'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/x', 'absolute'],
    ['a/../../b', '".."'],
    ['a/../b', '".."'],
    ['..', '".."'],
    ['a\\b', 'backslash'],
    ['..\\x', 'backslash'],
    ['a\0b', 'NUL'],
    ['', 'empty'],
    ['a//b', 'empty'],
    ['./a', '"."'],
  ])('rejects %j', (relative, reason) => {
    expect(() => resolveInside(root, relative)).toThrow(UnsafePathError)
    expect(unsafeReason(relative)).toContain(reason)
  })

  it('never returns a path outside the root, whatever the input', () => {
    const segment = fc.constantFrom('a', 'b', '..', '.', '', 'c.txt', '\\', '\0', '/', 'C:')
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => {
        const relative = parts.join('/')
        let target: string
        try {
          target = resolveInside(root, relative)
        } catch (error) {
          expect(error).toBeInstanceOf(UnsafePathError)
          return
        }
        expect(target.startsWith(root + path.sep)).toBe(true)
      }),
    )
  })
})
