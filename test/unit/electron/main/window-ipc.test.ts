import { describe, expect, it } from 'vitest'
import { CloseGuard } from '../../../../electron/main/close-guard'
import { isAppUrl } from '../../../../electron/main/app-url'
import { createHandle } from '../../../../electron/main/ipc-guard'
import type { InvokeListener } from '../../../../electron/main/ipc-guard'
import { registerWindowIpc, windowTitle } from '../../../../electron/main/window-ipc'

const FRAME = { url: 'app://stackwright/index.html', processId: 1, routingId: 1, parent: null }

function setup() {
  const listeners = new Map<string, InvokeListener>()
  const handle = createHandle({
    ipcMain: { handle: (c, l) => void listeners.set(c, l) },
    trustedFrame: () => FRAME,
    isAppUrl,
    log: () => undefined,
  })
  const effects: string[] = []
  const guard = new CloseGuard()
  registerWindowIpc(handle, {
    guard,
    appName: 'Stackwright',
    setTitle: (t) => void effects.push(`title:${t}`),
    setDocumentEdited: (d) => void effects.push(`edited:${d}`),
    close: () => void effects.push('close'),
    openExternal: async (url) => void effects.push(`open:${url}`),
  })
  const invoke = (channel: string, payload: unknown) =>
    listeners.get(channel)?.({ senderFrame: FRAME }, payload)
  return { invoke, effects, guard }
}

describe('CloseGuard', () => {
  it('closes a clean window at once and asks the renderer about a dirty one', () => {
    const guard = new CloseGuard()
    expect(guard.onCloseAttempt()).toBe('close')
    guard.setDirty(true)
    expect(guard.onCloseAttempt()).toBe('ask-renderer')
    expect(guard.decide(false)).toBe(false)
    expect(guard.onCloseAttempt()).toBe('ask-renderer')
    expect(guard.decide(true)).toBe(true)
    expect(guard.onCloseAttempt()).toBe('close')
  })

  it('lets a crashed renderer no longer block closing', () => {
    const guard = new CloseGuard()
    guard.setDirty(true)
    guard.forceAllow()
    expect(guard.onCloseAttempt()).toBe('close')
  })
})

describe('window IPC', () => {
  it('sets the title with a dirty marker and tracks the dirty state', async () => {
    const { invoke, effects, guard } = setup()
    expect(await invoke('window:set-state', { title: 'Payments', dirty: true })).toEqual({
      ok: true,
    })
    expect(effects).toEqual(['title:• Payments — Stackwright', 'edited:true'])
    expect(guard.onCloseAttempt()).toBe('ask-renderer')
  })

  it('closes only when the renderer answers yes', async () => {
    const { invoke, effects } = setup()
    await invoke('window:set-state', { title: 'x', dirty: true })
    await invoke('window:close-decision', { close: false })
    expect(effects).not.toContain('close')
    await invoke('window:close-decision', { close: true })
    expect(effects).toContain('close')
  })

  it('opens https links and refuses anything else', async () => {
    const { invoke, effects } = setup()
    expect(await invoke('shell:open-external', { url: 'https://kubernetes.io/' })).toEqual({
      ok: true,
    })
    expect(await invoke('shell:open-external', { url: 'https://u:p@evil.example/' })).toEqual({
      error: expect.stringMatching(/https/),
    })
    expect(effects).toEqual(['open:https://kubernetes.io/'])
  })

  it('names an untitled document', () => {
    expect(windowTitle('  ', false, 'Stackwright')).toBe('Untitled — Stackwright')
  })
})
