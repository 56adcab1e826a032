import { describe, expect, it } from 'vitest'
import { UserFacingError, describeError } from '../../../../shared/node/fs-errors'
import { errno } from '../../electron/helpers'

describe('describeError', () => {
  it.each([
    ['ENOSPC', /disk is full.*left unchanged/],
    ['EDQUOT', /disk is full/],
    ['EROFS', /"\/home\/me" is on a read-only disk/],
    ['EACCES', /permission denied.*"\/home\/me"/],
    ['EPERM', /permission denied/],
    ['ENOENT', /no longer exists/],
    ['EISDIR', /is a folder/],
    ['ENOTDIR', /part of the path is a file/],
    ['EBUSY', /in use/],
  ])('explains %s', (code, message) => {
    const text = describeError(errno(code), 'save', '/home/me/a.stackwright.yaml')
    expect(text).toMatch(message)
    expect(text).toContain('"/home/me/a.stackwright.yaml"')
    expect(text).not.toContain(code)
  })

  it('keeps the detail of an unknown error and the text of a user-facing one', () => {
    expect(describeError(errno('EWEIRD', 'EWEIRD: strange'), 'open')).toBe(
      'Could not open: EWEIRD: strange',
    )
    expect(describeError(new UserFacingError('Too large.'), 'open', '/x')).toBe('Too large.')
    expect(describeError('text', 'open')).toBe('Could not open: text')
  })
})
