// The PlatformApi the renderer sees, built on a minimal ipcRenderer so it can be tested without Electron.
// One named method per message (never a generic invoke); subscriptions return an unsubscribe function.
import type {
  Channel,
  EventName,
  Events,
  Failure,
  OpenedFile,
  PlatformApi,
  Request,
  Responses,
} from '../../shared/ipc'

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/** Files announced before the renderer subscribed are kept (a few) and delivered on subscription. */
const MAX_PENDING_FILES = 5

function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'error' in x
}

/** Builds the API exposed as `window.stackwright`. */
export function createPlatformApi(ipc: IpcRendererLike): PlatformApi {
  // Channels whose result type includes Failure pass it through as a value.
  const call = <C extends Channel>(channel: C, request: Request<C>): Promise<Responses[C]> =>
    ipc.invoke(channel, request) as Promise<Responses[C]>

  // Channels whose result type has no Failure reject with the readable message instead.
  const callOrThrow = async <C extends Channel>(
    channel: C,
    request: Request<C>,
  ): Promise<Responses[C]> => {
    const result: unknown = await ipc.invoke(channel, request)
    if (isFailure(result)) throw new Error(result.error)
    return result as Responses[C]
  }

  const subscribe = <E extends EventName>(
    name: E,
    listener: (payload: Events[E]) => void,
  ): (() => void) => {
    const wrapped = (_event: unknown, payload: unknown): void => listener(payload as Events[E])
    ipc.on(name, wrapped)
    return () => {
      ipc.removeListener(name, wrapped)
    }
  }

  // file:opened may arrive (command line, second launch) before the renderer has subscribed.
  const fileListeners = new Set<(file: OpenedFile) => void>()
  const pendingFiles: OpenedFile[] = []
  ipc.on('file:opened', (_event, payload) => {
    const file = payload as OpenedFile
    if (fileListeners.size === 0) {
      pendingFiles.push(file)
      if (pendingFiles.length > MAX_PENDING_FILES) pendingFiles.shift()
      return
    }
    for (const listener of fileListeners) listener(file)
  })

  return {
    kind: 'electron',
    openFile: () => call('file:open', {}),
    openRecent: (path) => call('file:open-recent', { path }),
    saveFile: (path, content) => call('file:save', { path, content }),
    saveFileAs: (content, suggestedName) => call('file:save-as', { content, suggestedName }),
    checkChanged: (path, content) => callOrThrow('file:check-changed', { path, content }),
    listRecent: () => callOrThrow('recent:list', {}),
    writeAutosave: (content, path) =>
      call('autosave:write', path === undefined ? { content } : { content, path }),
    readAutosave: () => callOrThrow('autosave:read', {}),
    clearAutosave: () => callOrThrow('autosave:clear', {}),
    exportFiles: (files, suggestedFolder) =>
      call('export:write', {
        // Plain copies: the strict schema in main refuses any extra property.
        files: files.map((file) => ({ path: file.path, content: file.content })),
        suggestedFolder,
      }),
    exportPdf: (html, suggestedName) => call('export:pdf', { html, suggestedName }),
    setWindowState: (title, dirty) => callOrThrow('window:set-state', { title, dirty }),
    answerClose: (close) => callOrThrow('window:close-decision', { close }),
    openExternal: (url) => call('shell:open-external', { url }),
    onMenuCommand: (listener) => subscribe('menu:command', listener),
    onFileOpened: (listener) => {
      fileListeners.add(listener)
      for (const file of pendingFiles.splice(0)) listener(file)
      return () => {
        fileListeners.delete(listener)
      }
    },
    onCloseRequested: (listener) => subscribe('window:close-requested', () => listener()),
  }
}
