// Browser keyboard shortcuts map to the same menu commands the desktop menu sends.
import { describe, expect, it } from 'vitest'
import { commandForKey } from '../../../../renderer/platform/browser-shortcuts'

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
})

describe('commandForKey', () => {
  it.each([
    [key('s', { ctrl: true }), 'save'],
    [key('S', { ctrl: true, shift: true }), 'save-as'],
    [key('o', { meta: true }), 'open'],
    [key('z', { ctrl: true }), 'undo'],
    [key('Z', { meta: true, shift: true }), 'redo'],
    [key('y', { ctrl: true }), 'redo'],
    [key('p', { ctrl: true }), 'print-pdf'],
    [key('E', { ctrl: true, shift: true }), 'export'],
    [key('n', { alt: true }), 'new'],
  ] as const)('%o -> %s', (event, command) => {
    expect(commandForKey(event)).toBe(command)
  })

  it('leaves plain typing and unknown combinations alone', () => {
    expect(commandForKey(key('s'))).toBeUndefined()
    expect(commandForKey(key('z', { shift: true }))).toBeUndefined()
    expect(commandForKey(key('n', { ctrl: true }))).toBeUndefined()
    expect(commandForKey(key('s', { ctrl: true, alt: true }))).toBeUndefined()
  })
})
