import { describe, expect, it } from 'vitest'
import { createPlatformApi } from '../../../../electron/preload/api'
import type { IpcRendererLike } from '../../../../electron/preload/api'
import { requestSchemas } from '../../../../shared/ipc'
import type { OpenedFile, PlatformApi } from '../../../../shared/ipc'

type Listener = (event: unknown, ...args: unknown[]) => void

/** A fake ipcRenderer: records invocations, answers with `reply`, and can emit events. */
function fakeIpc(reply: (channel: string, payload: unknown) => unknown = () => ({ ok: true })) {
  const invoked: [string, unknown[]][] = []
  const listeners = new Map<string, Set<Listener>>()
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push([channel, args])
      return reply(channel, args[0])
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener)
    },
  }
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-event' }, payload)
  }
  const count = (channel: string) => listeners.get(channel)?.size ?? 0
  return { ipc, invoked, emit, count }
}

const FILE: OpenedFile = { path: '/d/a.stackwright.yaml', content: 'x' }

// Every request method, called with realistic arguments, and the channel it must use.
const CALLS: [string, (api: PlatformApi) => Promise<unknown>][] = [
  ['file:open', (api) => api.openFile()],
  ['file:open-recent', (api) => api.openRecent('/d/a.yaml')],
  ['file:save', (api) => api.saveFile('/d/a.yaml', 'content')],
  ['file:save-as', (api) => api.saveFileAs('content', 'payments')],
  ['file:check-changed', (api) => api.checkChanged('/d/a.yaml', 'content')],
  ['recent:list', (api) => api.listRecent()],
  ['autosave:write', (api) => api.writeAutosave('content', '/d/a.yaml')],
  ['autosave:read', (api) => api.readAutosave()],
  ['autosave:clear', (api) => api.clearAutosave()],
  ['export:write', (api) => api.exportFiles([{ path: 'a/b.yaml', content: 'x' }], 'out')],
  ['export:pdf', (api) => api.exportPdf('<p>x</p>', 'design')],
  ['window:set-state', (api) => api.setWindowState('Payments', true)],
  ['window:close-decision', (api) => api.answerClose(true)],
  ['shell:open-external', (api) => api.openExternal('https://kubernetes.io/')],
]

describe('preload PlatformApi', () => {
  it('covers every channel of the contract exactly once', () => {
    expect(CALLS.map(([c]) => c).sort()).toEqual(Object.keys(requestSchemas).sort())
  })

  it.each(CALLS)('sends %s one payload that main will accept', async (channel, call) => {
    const { ipc, invoked } = fakeIpc()
    await call(createPlatformApi(ipc))
    expect(invoked.map(([c]) => c)).toEqual([channel])
    const args = invoked[0]?.[1] ?? []
    expect(args).toHaveLength(1)
    const schema = requestSchemas[channel as keyof typeof requestSchemas]
    expect(schema.safeParse(args[0]).success).toBe(true)
  })

  it('is an Electron API with one function per message and no generic invoke', () => {
    const api = createPlatformApi(fakeIpc().ipc)
    expect(api.kind).toBe('electron')
    expect(Object.keys(api)).not.toContain('invoke')
    expect(Object.keys(api)).not.toContain('send')
  })

  it('omits an absent autosave path and strips extra properties from artifacts', async () => {
    const { ipc, invoked } = fakeIpc()
    const api = createPlatformApi(ipc)
    await api.writeAutosave('content')
    const artifact = Object.assign({ path: 'a.yaml', content: 'x' }, { controls: ['extra'] })
    await api.exportFiles([artifact], 'out')
    expect(invoked[0]?.[1][0]).toEqual({ content: 'content' })
    expect(invoked[1]?.[1][0]).toEqual({
      files: [{ path: 'a.yaml', content: 'x' }],
      suggestedFolder: 'out',
    })
    expect(requestSchemas['export:write'].safeParse(invoked[1]?.[1][0]).success).toBe(true)
  })

  it('returns failures as values where the contract allows them, and rejects elsewhere', async () => {
    const api = createPlatformApi(fakeIpc(() => ({ error: 'Disk full' })).ipc)
    await expect(api.saveFile('/a', 'x')).resolves.toEqual({ error: 'Disk full' })
    await expect(api.listRecent()).rejects.toThrow('Disk full')
    await expect(api.readAutosave()).rejects.toThrow('Disk full')
  })

  it('passes list and null results through unchanged', async () => {
    const lists = createPlatformApi(fakeIpc(() => ['/a', '/b']).ipc)
    await expect(lists.listRecent()).resolves.toEqual(['/a', '/b'])
    const nulls = createPlatformApi(fakeIpc(() => null).ipc)
    await expect(nulls.readAutosave()).resolves.toBeNull()
  })
})

describe('preload subscriptions', () => {
  it('delivers payloads without the IPC event and unsubscribes', () => {
    const { ipc, emit, count } = fakeIpc()
    const api = createPlatformApi(ipc)
    const got: unknown[] = []
    const off = api.onMenuCommand((c) => void got.push(c))
    const offClose = api.onCloseRequested(
      (...args: unknown[]) => void got.push(['close', args.length]),
    )
    emit('menu:command', 'save')
    emit('window:close-requested', {})
    off()
    offClose()
    emit('menu:command', 'open')
    emit('window:close-requested', {})
    expect(got).toEqual(['save', ['close', 0]])
    expect(count('menu:command')).toBe(0)
    expect(count('window:close-requested')).toBe(0)
  })

  it('keeps files opened before the renderer subscribed and hands them over once', () => {
    const { ipc, emit } = fakeIpc()
    const api = createPlatformApi(ipc)
    emit('file:opened', FILE)
    const first: OpenedFile[] = []
    const off = api.onFileOpened((f) => void first.push(f))
    expect(first).toEqual([FILE])
    const second: OpenedFile[] = []
    api.onFileOpened((f) => void second.push(f))
    expect(second).toEqual([])
    emit('file:opened', { ...FILE, path: '/d/b.yaml' })
    off()
    emit('file:opened', { ...FILE, path: '/d/c.yaml' })
    expect(first.map((f) => f.path)).toEqual(['/d/a.stackwright.yaml', '/d/b.yaml'])
    expect(second.map((f) => f.path)).toEqual(['/d/b.yaml', '/d/c.yaml'])
  })

  it('keeps only the last few files while nobody listens', () => {
    const { ipc, emit } = fakeIpc()
    const api = createPlatformApi(ipc)
    for (let i = 0; i < 20; i++) emit('file:opened', { path: `/f${i}`, content: '' })
    const got: string[] = []
    api.onFileOpened((f) => void got.push(f.path))
    expect(got).toEqual(['/f15', '/f16', '/f17', '/f18', '/f19'])
  })
})
