import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isAppUrl } from '../../../../electron/main/app-url'
import { createHandle, untrustedSenderReason } from '../../../../electron/main/ipc-guard'
import type { FrameRef, InvokeListener } from '../../../../electron/main/ipc-guard'
import { UserFacingError } from '../../../../shared/node/fs-errors'
import { MAX_IPC_TEXT, isFailure, requestSchemas } from '../../../../shared/ipc'
import { errno } from '../helpers'

const MAIN_FRAME: FrameRef = {
  url: 'app://stackwright/index.html',
  processId: 4,
  routingId: 1,
  parent: null,
}

/** A fake ipcMain that records listeners and lets the test invoke them like a renderer would. */
function setup(trusted: FrameRef | null = MAIN_FRAME) {
  const listeners = new Map<string, InvokeListener>()
  const logs: string[] = []
  const calls: unknown[] = []
  const handle = createHandle({
    ipcMain: { handle: (channel, listener) => void listeners.set(channel, listener) },
    trustedFrame: () => trusted,
    isAppUrl,
    log: (m) => void logs.push(m),
  })
  const invoke = (channel: string, frame: FrameRef | null, ...args: unknown[]) => {
    const listener = listeners.get(channel)
    if (listener === undefined) throw new Error(`no handler for ${channel}`)
    return listener({ senderFrame: frame }, ...args)
  }
  return { handle, invoke, logs, calls }
}

describe('IPC guard: sender', () => {
  const untrusted: [string, FrameRef | null][] = [
    ['no frame', null],
    ['a subframe of the main window', { ...MAIN_FRAME, parent: MAIN_FRAME }],
    ['another process', { ...MAIN_FRAME, processId: 9 }],
    ['another frame in the same process', { ...MAIN_FRAME, routingId: 7 }],
    ['the main frame after navigating to https', { ...MAIN_FRAME, url: 'https://evil.example/' }],
    ['the main frame on file://', { ...MAIN_FRAME, url: 'file:///tmp/index.html' }],
    ['a look-alike host', { ...MAIN_FRAME, url: 'app://stackwright.evil/index.html' }],
    ['credentials in the URL', { ...MAIN_FRAME, url: 'app://x@stackwright/index.html' }],
  ]
  it.each(untrusted)('refuses %s without calling the handler', async (_name, frame) => {
    const { handle, invoke, logs, calls } = setup()
    handle('recent:list', () => {
      calls.push('called')
      return []
    })
    const result = await invoke('recent:list', frame, {})
    expect(isFailure(result)).toBe(true)
    expect(calls).toEqual([])
    expect(logs.join('\n')).toMatch(/recent:list refused/)
  })

  it('refuses everything while there is no main window', async () => {
    const { handle, invoke, calls } = setup(null)
    handle('recent:list', () => {
      calls.push('called')
      return []
    })
    expect(isFailure(await invoke('recent:list', MAIN_FRAME, {}))).toBe(true)
    expect(calls).toEqual([])
  })

  it('treats a sender frame that throws on access as untrusted', async () => {
    const calls: string[] = []
    const listeners = new Map<string, InvokeListener>()
    const guarded = createHandle({
      ipcMain: { handle: (c, l) => void listeners.set(c, l) },
      trustedFrame: () => MAIN_FRAME,
      isAppUrl,
      log: () => undefined,
    })
    guarded('recent:list', () => {
      calls.push('called')
      return []
    })
    const event = {
      get senderFrame(): FrameRef | null {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    const result = await listeners.get('recent:list')?.(event, {})
    expect(isFailure(result)).toBe(true)
    expect(calls).toEqual([])
  })

  it('accepts the main window top frame on the app origin', () => {
    expect(untrustedSenderReason(MAIN_FRAME, MAIN_FRAME, isAppUrl)).toBeNull()
  })
})

describe('IPC guard: payload', () => {
  const tooLong = 'x'.repeat(MAX_IPC_TEXT + 1)
  const malformed: [string, string, unknown[]][] = [
    ['no argument', 'file:save', []],
    ['two arguments', 'file:save', [{ path: '/a', content: 'x' }, 'extra']],
    ['null', 'file:save', [null]],
    ['a string instead of an object', 'file:save', ['/etc/passwd']],
    ['a wrongly typed field', 'file:save', [{ path: '/a', content: 42 }]],
    ['a missing field', 'file:save', [{ path: '/a' }]],
    ['an unknown extra field', 'file:save', [{ path: '/a', content: 'x', mode: 0o777 }]],
    ['an oversized text', 'file:save', [{ path: '/a', content: tooLong }]],
    ['a NUL in a path', 'file:save', [{ path: '/a\0b', content: 'x' }]],
    ['an empty path', 'file:open-recent', [{ path: '' }]],
    ['a suggested name with a slash', 'file:save-as', [{ content: 'x', suggestedName: '../x' }]],
    [
      'an artifact escaping upwards',
      'export:write',
      [{ files: [{ path: '../x', content: '' }], suggestedFolder: 'out' }],
    ],
    [
      'an absolute artifact',
      'export:write',
      [{ files: [{ path: '/etc/x', content: '' }], suggestedFolder: 'out' }],
    ],
    [
      'a backslash artifact',
      'export:write',
      [{ files: [{ path: 'a\\..\\x', content: '' }], suggestedFolder: 'out' }],
    ],
    ['no artifacts', 'export:write', [{ files: [], suggestedFolder: 'out' }]],
    ['a javascript: URL', 'shell:open-external', [{ url: 'javascript:alert(1)' }]],
    ['a file: URL', 'shell:open-external', [{ url: 'file:///etc/passwd' }]],
    ['a non-boolean decision', 'window:close-decision', [{ close: 'yes' }]],
    ['an array for an object', 'autosave:read', [[]]],
  ]

  it.each(malformed)(
    'refuses %s (%s) without calling the handler',
    async (_name, channel, args) => {
      const { handle, invoke, logs } = setup()
      let called = false
      for (const c of Object.keys(requestSchemas) as (keyof typeof requestSchemas)[]) {
        handle(c, () => {
          called = true
          return { ok: true } as never
        })
      }
      const result = await invoke(channel, MAIN_FRAME, ...args)
      expect(isFailure(result)).toBe(true)
      expect(called).toBe(false)
      expect(logs.join('\n')).toMatch(new RegExp(`${channel} refused`))
    },
  )

  it('never calls the handler for a payload its schema rejects (any value)', async () => {
    const { handle, invoke } = setup()
    let calls = 0
    handle('file:save', (request) => {
      calls += 1
      return { path: request.path }
    })
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (payload) => {
        const before = calls
        const result = await invoke('file:save', MAIN_FRAME, payload)
        const valid = requestSchemas['file:save'].safeParse(payload).success
        expect(calls - before).toBe(valid ? 1 : 0)
        expect(isFailure(result)).toBe(!valid)
      }),
    )
  })

  it('passes the parsed request to the handler and returns its result', async () => {
    const { handle, invoke } = setup()
    handle('file:save', (request) => ({ path: `${request.path}:${request.content.length}` }))
    expect(await invoke('file:save', MAIN_FRAME, { path: '/d/a.yaml', content: 'abc' })).toEqual({
      path: '/d/a.yaml:3',
    })
  })
})

describe('IPC guard: handler errors', () => {
  it('turns a thrown error into a readable failure instead of crashing main', async () => {
    const { handle, invoke, logs } = setup()
    handle('recent:list', () => {
      throw errno('ENOSPC')
    })
    const result = await invoke('recent:list', MAIN_FRAME, {})
    expect(result).toEqual({ error: expect.stringMatching(/disk is full/) })
    expect(logs.join('\n')).toMatch(/recent:list failed/)
  })

  it('keeps the message of an error written for the user', async () => {
    const { handle, invoke } = setup()
    handle('autosave:clear', async () => {
      throw new UserFacingError('The autosave folder is locked.')
    })
    expect(await invoke('autosave:clear', MAIN_FRAME, {})).toEqual({
      error: 'The autosave folder is locked.',
    })
  })

  it('survives a handler that throws a non-Error value', async () => {
    const { handle, invoke } = setup()
    handle('recent:list', () => {
      throw 'boom' as unknown as Error
    })
    expect(await invoke('recent:list', MAIN_FRAME, {})).toEqual({
      error: expect.stringMatching(/boom/),
    })
  })
})
