import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isAppUrl } from '../../../../electron/main/app-url'
import { createAutosave } from '../../../../electron/main/autosave'
import { registerAutosaveIpc } from '../../../../electron/main/autosave-ipc'
import { CloseGuard } from '../../../../electron/main/close-guard'
import { designContentProblem } from '../../../../electron/main/design-check'
import { createDocuments } from '../../../../electron/main/documents'
import { registerExportIpc } from '../../../../electron/main/export-ipc'
import { nodeFileIo } from '../../../../electron/main/file-io'
import { registerFilesIpc } from '../../../../electron/main/files-ipc'
import { createHandle } from '../../../../electron/main/ipc-guard'
import type { InvokeListener } from '../../../../electron/main/ipc-guard'
import { createRecentFiles } from '../../../../electron/main/recent-files'
import { registerWindowIpc } from '../../../../electron/main/window-ipc'
import { requestSchemas } from '../../../../shared/ipc'
import { listFiles, tempDir } from '../helpers'

const FRAME = { url: 'app://stackwright/index.html', processId: 3, routingId: 5, parent: null }

/** The whole main-process IPC surface, wired as in electron/main/index.ts but with test dialogs. */
async function wire(answers: { folder?: string; save?: string }) {
  const userData = await tempDir()
  const registered: string[] = []
  const listeners = new Map<string, InvokeListener>()
  const handle = createHandle({
    ipcMain: {
      handle: (channel, listener) => {
        registered.push(channel)
        listeners.set(channel, listener)
      },
    },
    trustedFrame: () => FRAME,
    isAppUrl,
    log: () => undefined,
  })
  const dialogs = {
    chooseDesignToOpen: async () => null,
    chooseDesignToSave: async () => answers.save ?? null,
    chooseExportFolder: async () => answers.folder ?? null,
    confirmOverwrite: async () => false,
    choosePdfPath: async () => null,
  }
  const autosave = createAutosave(path.join(userData, 'autosave'), nodeFileIo, () => new Date(0))
  const documents = createDocuments({
    io: nodeFileIo,
    dialogs,
    recent: createRecentFiles(path.join(userData, 'recent-files.json'), nodeFileIo),
    contentProblem: designContentProblem,
    afterSave: async () => {
      await autosave.clear()
    },
    onRecentChanged: () => undefined,
  })
  registerFilesIpc(handle, documents)
  registerAutosaveIpc(handle, autosave, documents)
  registerExportIpc(handle, { io: nodeFileIo, dialogs, renderPdf: async () => new Uint8Array() })
  registerWindowIpc(handle, {
    guard: new CloseGuard(),
    appName: 'Stackwright',
    setTitle: () => undefined,
    setDocumentEdited: () => undefined,
    close: () => undefined,
    openExternal: async () => undefined,
  })
  const invoke = (channel: string, payload: unknown, frame = FRAME) =>
    listeners.get(channel)?.({ senderFrame: frame }, payload)
  return { registered, invoke, userData }
}

describe('main IPC surface', () => {
  it('registers every channel of the contract exactly once', async () => {
    const { registered } = await wire({})
    expect([...registered].sort()).toEqual(Object.keys(requestSchemas).sort())
  })

  it('writes nothing outside the export folder, even for a message that bypassed the preload', async () => {
    const outer = await tempDir()
    const folder = path.join(outer, 'out')
    const { invoke } = await wire({ folder })
    const result = await invoke('export:write', {
      files: [
        { path: 'ok.yaml', content: 'x' },
        { path: 'sub/../../escape.yaml', content: 'pwned' },
      ],
      suggestedFolder: 'out',
    })
    expect(result).toHaveProperty('error')
    expect(await listFiles(outer)).toEqual([])
  })

  it('clears the autosave after a successful save as', async () => {
    const dir = await tempDir()
    const target = path.join(dir, 'saved.stackwright.yaml')
    const { invoke } = await wire({ save: target })
    const design = await readFile(
      path.resolve('assets/examples/windows-swarm.stackwright.yaml'),
      'utf8',
    )
    expect(await invoke('autosave:write', { content: design })).toEqual({ ok: true })
    expect(await invoke('autosave:read', {})).toMatchObject({ content: design })
    expect(await invoke('file:save-as', { content: design, suggestedName: 'saved' })).toEqual({
      path: target,
    })
    expect(await invoke('autosave:read', {})).toBeNull()
  })

  it('answers an untrusted frame with a refusal on every channel', async () => {
    const { invoke, registered } = await wire({})
    for (const channel of registered) {
      expect(await invoke(channel, {}, { ...FRAME, url: 'https://evil.example/' })).toEqual({
        error: 'Request refused.',
      })
    }
  })
})
