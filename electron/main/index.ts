// Main process entry: wiring only. Each feature registers its own IPC; logic lives in plain modules.
import path from 'node:path'
import { app, dialog, Menu, nativeTheme, session, shell } from 'electron'
import type { BrowserWindow } from 'electron'
import type { Failure, OpenedFile } from '../../shared/ipc'
import { registerAppScheme, serveApp } from './app-protocol'
import { createAutosave } from './autosave'
import { registerAutosaveIpc } from './autosave-ipc'
import { CloseGuard } from './close-guard'
import { designContentProblem } from './design-check'
import { electronDialogs } from './dialogs'
import { createDocuments } from './documents'
import { registerExportIpc } from './export-ipc'
import { nodeFileIo } from './file-io'
import { describeError } from '../../shared/node/fs-errors'
import { registerFilesIpc } from './files-ipc'
import { createElectronHandle, sendEvent } from './ipc'
import { designFileFromArgv } from './launch-args'
import { buildMenuTemplate, DOCUMENTATION_URL } from './menu'
import { renderPdf } from './pdf'
import { createRecentFiles } from './recent-files'
import { createMainWindow, hardenSession, hardenWebContents } from './window'
import { registerWindowIpc } from './window-ipc'

const APP_NAME = 'Stackwright'
// Bundled layout: dist/electron/main.cjs, dist/electron/preload.cjs, dist/renderer/index.html.
const RENDERER_DIR = path.join(__dirname, '..', 'renderer')
const PRELOAD = path.join(__dirname, 'preload.cjs')

const log = (message: string): void => console.warn(`[stackwright] ${message}`)

registerAppScheme()
app.enableSandbox()

if (app.requestSingleInstanceLock()) {
  start()
} else {
  // Another instance is running; it received our argv through 'second-instance'.
  app.quit()
}

function start(): void {
  let mainWindow: BrowserWindow | null = null
  let rendererLoaded: Promise<BrowserWindow> | null = null
  let quitting = false
  const pendingFiles: string[] = []
  const initial = designFileFromArgv(process.argv, process.cwd())
  if (initial !== null) pendingFiles.push(initial)
  const guard = new CloseGuard()
  const io = nodeFileIo

  const dialogs = electronDialogs(
    () => mainWindow,
    () => app.getPath('documents'),
  )
  const userData = (): string => app.getPath('userData')
  const recent = createRecentFiles(path.join(userData(), 'recent-files.json'), io)
  const autosave = createAutosave(path.join(userData(), 'autosave'), io, () => new Date())
  const documents = createDocuments({
    io,
    dialogs,
    recent,
    contentProblem: designContentProblem,
    afterSave: async () => {
      await autosave.clear()
    },
    onRecentChanged: (files) => {
      refreshMenu(files)
      if (files[0] !== undefined) app.addRecentDocument(files[0])
    },
  })

  function refreshMenu(files: readonly string[]): void {
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: APP_NAME,
      recent: files,
      developerTools: !app.isPackaged,
      actions: {
        send: (command) => {
          if (mainWindow !== null) sendEvent(mainWindow.webContents, 'menu:command', command)
        },
        openRecent: (file) => void openInWindow(() => documents.openRecent(file)),
        clearRecent: () => {
          recent.clear().then(() => refreshMenu([]), log)
          app.clearRecentDocuments()
        },
        toggleDarkMode: () => {
          nativeTheme.themeSource = nativeTheme.shouldUseDarkColors ? 'light' : 'dark'
        },
        openDocumentation: () => {
          shell.openExternal(DOCUMENTATION_URL).catch(log)
        },
      },
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  /** Opens a file named outside the renderer and hands it over with the file:opened event. */
  async function openInWindow(read: () => Promise<OpenedFile | Failure>): Promise<void> {
    try {
      const window = await (rendererLoaded ?? showWindow())
      const result = await read()
      if ('error' in result) {
        dialog.showErrorBox('Could not open the design', result.error)
        return
      }
      sendEvent(window.webContents, 'file:opened', result)
    } catch (error) {
      dialog.showErrorBox('Could not open the design', describeError(error, 'open the design'))
    }
  }

  function showWindow(): Promise<BrowserWindow> {
    const loading = createMainWindow({
      preload: PRELOAD,
      userData: userData(),
      title: APP_NAME,
      devTools: !app.isPackaged,
      guard,
      log,
    })
    rendererLoaded = loading
    loading.then(
      (window) => {
        mainWindow = window
        window.on('closed', () => {
          mainWindow = null
          rendererLoaded = null
        })
        for (const file of pendingFiles.splice(0)) void openInWindow(() => documents.open(file))
      },
      (error: unknown) => log(`main window failed to load: ${String(error)}`),
    )
    return loading
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow !== null) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
    const file = designFileFromArgv(argv, workingDirectory)
    if (file !== null) void openInWindow(() => documents.open(file))
  })
  // macOS delivers files opened from Finder (or dropped on the Dock icon) this way, even before ready.
  app.on('open-file', (event, file) => {
    event.preventDefault()
    if (app.isReady()) void openInWindow(() => documents.open(file))
    else pendingFiles.push(file)
  })
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit()
  })
  app.on('activate', () => {
    if (mainWindow === null && rendererLoaded === null && app.isReady()) void showWindow()
  })

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession)
      serveApp(RENDERER_DIR, log)
      const handle = createElectronHandle(() => mainWindow, log)
      registerFilesIpc(handle, documents)
      registerAutosaveIpc(handle, autosave, documents)
      registerExportIpc(handle, { io, dialogs, renderPdf })
      registerWindowIpc(handle, {
        guard,
        appName: APP_NAME,
        setTitle: (title) => mainWindow?.setTitle(title),
        setDocumentEdited: (dirty) => {
          if (process.platform === 'darwin') mainWindow?.setDocumentEdited(dirty)
        },
        close: () => mainWindow?.close(),
        openExternal: (url) => shell.openExternal(url),
      })
      refreshMenu(await recent.list())
      await showWindow()
    })
    .catch((error: unknown) => {
      log(
        `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      app.exit(1)
    })
}
