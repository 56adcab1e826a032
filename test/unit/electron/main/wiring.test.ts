// Runs the bundled main process (dist-style main.cjs) against a recording stand-in for the electron
// module, so the wiring in electron/main/index.ts is exercised here, where the Electron binary is
// missing. The real-Electron check is test/electron/smoke.spec.ts.
import { EventEmitter } from 'node:events'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { createRequire } from 'node:module'
import Module from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../../electron/main/security-policy'
import { requestSchemas } from '../../../../shared/ipc'

const EXAMPLE = path.resolve('assets/examples/payments-eks.stackwright.yaml')

type Listener = (...args: unknown[]) => unknown

class FakeWebContents extends EventEmitter {
  readonly sent: [string, unknown][] = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  readonly mainFrame = {
    url: 'app://stackwright/index.html',
    processId: 7,
    routingId: 1,
    parent: null,
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload])
  }
  isDestroyed() {
    return false
  }
}

/** A recording stand-in for the parts of the electron module that main uses. */
function fakeElectron(userData: string) {
  const appEvents = new Map<string, Listener[]>()
  let ready: () => void = () => undefined
  const readyPromise = new Promise<void>((resolve) => {
    ready = resolve
  })
  const record = {
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, Listener>(),
    ipc: new Map<string, Listener>(),
    windows: [] as {
      options: Record<string, unknown>
      webContents: FakeWebContents
      url?: string
    }[],
    menus: [] as unknown[],
    opened: [] as string[],
    sandboxEnabled: false,
    permissionHandler: undefined as Listener | undefined,
    headersHandler: undefined as Listener | undefined,
    sessionEvents: new Map<string, Listener>(),
  }
  const session = {
    setPermissionRequestHandler: (h: Listener) => void (record.permissionHandler = h),
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    on: (name: string, l: Listener) => void record.sessionEvents.set(name, l),
    webRequest: {
      onHeadersReceived: (h: Listener) => void (record.headersHandler = h),
      onBeforeRequest: () => undefined,
    },
    protocol: { handle: () => undefined },
  }
  class BrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents()
    constructor(readonly options: Record<string, unknown>) {
      super()
      const entry: (typeof record.windows)[number] = { options, webContents: this.webContents }
      record.windows.push(entry)
      for (const l of appEvents.get('web-contents-created') ?? []) l({}, this.webContents)
    }
    async loadURL(url: string) {
      record.windows.at(-1)!.url = url
    }
    isDestroyed() {
      return false
    }
    maximize() {}
    show() {}
  }
  const electron = {
    app: {
      on: (name: string, l: Listener) =>
        void appEvents.set(name, [...(appEvents.get(name) ?? []), l]),
      whenReady: () => readyPromise,
      isReady: () => true,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => void (record.sandboxEnabled = true),
      getPath: (name: string) => path.join(userData, name),
      isPackaged: true,
      addRecentDocument: () => undefined,
      clearRecentDocuments: () => undefined,
      quit: () => undefined,
      exit: (code: number) => {
        throw new Error(`app.exit(${code})`)
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void record.privileged.push(...schemes),
      handle: (scheme: string, h: Listener) => void record.protocolHandlers.set(scheme, h),
    },
    net: { fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))) },
    ipcMain: { handle: (channel: string, l: Listener) => void record.ipc.set(channel, l) },
    session: { defaultSession: session, fromPartition: () => session },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => void record.menus.push(m),
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, body: string) => {
        throw new Error(`${title}: ${body}`)
      },
    },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    shell: { openExternal: async (url: string) => void record.opened.push(url) },
  }
  return { electron, record, ready: () => ready(), appEvents }
}

let fake: ReturnType<typeof fakeElectron>
let dir: string
const originalLoad = (Module as unknown as { _load: Listener })._load
const originalArgv = process.argv

beforeAll(async () => {
  // Not tempDir(): that folder is removed after each test, and this one lives for the whole file.
  dir = await mkdtemp(path.join(os.tmpdir(), 'stackwright-wiring-'))
  const out = path.join(dir, 'dist', 'electron')
  await promisify(execFile)(process.execPath, ['scripts/build-electron.mjs', '--outdir', out])
  await mkdir(path.join(dir, 'dist', 'renderer'), { recursive: true })
  await writeFile(
    path.join(dir, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>t</title>',
  )
  await writeFile(path.join(dir, 'secret.txt'), 'secret')
  fake = fakeElectron(path.join(dir, 'user-data'))
  ;(Module as unknown as { _load: Listener })._load = function (
    request: unknown,
    ...rest: unknown[]
  ) {
    return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest)
  }
  // As if launched as `stackwright payments-eks.stackwright.yaml`.
  process.argv = ['/opt/Stackwright/stackwright', EXAMPLE]
  createRequire(import.meta.url)(path.join(out, 'main.cjs'))
  expect(fake.record.windows).toEqual([])
  fake.ready()
  await vi.waitFor(() => {
    if ((fake.record.windows[0]?.webContents.sent.length ?? 0) === 0)
      throw new Error('not opened yet')
  })
}, 30_000)

afterAll(async () => {
  ;(Module as unknown as { _load: Listener })._load = originalLoad
  process.argv = originalArgv
  await rm(dir, { recursive: true, force: true })
})

describe('main process wiring (bundled main.cjs, stand-in electron)', () => {
  it('registers app:// as a secure standard scheme before ready, and sandboxes every renderer', () => {
    expect(fake.record.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(fake.record.sandboxEnabled).toBe(true)
  })

  it('registers every IPC channel of the contract', () => {
    expect([...fake.record.ipc.keys()].sort()).toEqual(Object.keys(requestSchemas).sort())
  })

  it('creates one locked-down window on app:// and opens the command-line design in it', () => {
    const [window] = fake.record.windows
    expect(fake.record.windows).toHaveLength(1)
    expect(window?.url).toBe('app://stackwright/index.html')
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      devTools: false,
      preload: expect.stringMatching(/preload\.cjs$/),
    })
    expect(window?.webContents.sent).toEqual([
      ['file:opened', { path: EXAMPLE, content: expect.stringContaining('kind: Design') }],
    ])
  })

  it('hardens every web contents: no windows, no navigation, no webviews; https goes to the browser', async () => {
    const contents = fake.record.windows[0]!.webContents
    expect(contents.windowOpenHandler?.({ url: 'https://kubernetes.io/' })).toEqual({
      action: 'deny',
    })
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    await expect.poll(() => fake.record.opened).toEqual(['https://kubernetes.io/'])
    for (const event of [
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
    ]) {
      let prevented = false
      contents.emit(
        event,
        { preventDefault: () => void (prevented = true) },
        'https://evil.example/',
      )
      expect(prevented).toBe(true)
    }
  })

  it('cancels every download a page starts', () => {
    let prevented = false
    fake.record.sessionEvents.get('will-download')?.({
      preventDefault: () => void (prevented = true),
    })
    expect(prevented).toBe(true)
  })

  it('denies permissions and adds the CSP to responses', () => {
    let granted: boolean | undefined
    fake.record.permissionHandler?.({}, 'camera', (ok: boolean) => void (granted = ok))
    expect(granted).toBe(false)
    let headers: unknown
    fake.record.headersHandler?.(
      { responseHeaders: {} },
      (r: { responseHeaders: unknown }) => void (headers = r.responseHeaders),
    )
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('serves the renderer with the CSP header and refuses to leave dist/renderer', async () => {
    const handler = fake.record.protocolHandlers.get('app')!
    const ok = (await handler({ url: 'app://stackwright/index.html', method: 'GET' })) as Response
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await ok.text()).toContain('<title>t</title>')
    const escape = (await handler({
      url: 'app://stackwright/..%2f..%2fsecret.txt',
      method: 'GET',
    })) as Response
    expect(escape.status).toBeGreaterThanOrEqual(400)
    const post = (await handler({
      url: 'app://stackwright/index.html',
      method: 'POST',
    })) as Response
    expect(post.status).toBe(405)
    const missing = (await handler({
      url: 'app://stackwright/missing.js',
      method: 'GET',
    })) as Response
    expect(missing.status).toBe(404)
  })

  it('answers the main window and refuses any other sender', async () => {
    const list = fake.record.ipc.get('recent:list')!
    const contents = fake.record.windows[0]!.webContents
    expect(await list({ senderFrame: contents.mainFrame }, {})).toEqual([EXAMPLE])
    expect(await list({ senderFrame: { ...contents.mainFrame, routingId: 2 } }, {})).toEqual({
      error: 'Request refused.',
    })
  })

  it('builds the menu with the recent design', () => {
    const menu = JSON.stringify(fake.record.menus.at(-1))
    expect(menu).toContain('payments-eks.stackwright.yaml')
    expect(menu).not.toContain('toggleDevTools')
  })
})
