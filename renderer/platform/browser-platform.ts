// PlatformApi for a plain browser: file input instead of dialogs, downloads instead of writes,
// localStorage instead of an autosave file, the print dialog instead of printToPDF.
//
// Differences from the desktop app, by design of the web platform:
// - Save and Save As download the file; the browser, not the app, decides where it lands.
// - Open Recent reopens the copy kept in localStorage (files over MAX_RECENT_CHARS keep only their name).
// - Export downloads one zip of every file instead of writing a folder.
// - Export PDF opens the print dialog for the HTML document ("Save as PDF" there).
// - Closing the tab with unsaved changes gets the browser's own "Leave site?" prompt; the
//   in-app close prompt is for the desktop app, where main asks first.
import type { MenuCommand, OpenedFile, PlatformApi } from '../../shared/ipc'
import { baseName, download, pickTextFile, zipFiles } from './browser-files'
import { printHtml } from './browser-print'
import { commandForKey } from './browser-shortcuts'
import {
  clearAutosaveEntry,
  readAutosaveEntry,
  readRecent,
  rememberRecent,
  writeAutosaveEntry,
} from './browser-storage'

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** The browser edition of the platform API, bound to one window. */
export function createBrowserPlatform(win: Window): PlatformApi {
  const doc = win.document
  const storage = win.localStorage
  let dirty = false

  win.addEventListener('beforeunload', (e) => {
    if (!dirty) return
    e.preventDefault()
  })

  const saveAsDownload = (content: string, name: string) => {
    download(doc, name, new Blob([content], { type: 'application/yaml' }))
    rememberRecent(storage, name, content)
    return { path: name }
  }

  return {
    kind: 'browser',
    async openFile() {
      const result = await pickTextFile(doc)
      if ('content' in result) rememberRecent(storage, result.path, result.content)
      return result
    },
    async openRecent(path) {
      const entry = readRecent(storage).find((e) => e.path === path)
      if (entry?.content === undefined)
        return {
          error: `The browser kept no copy of ${path} (it was too large, or the list was cleared). Open it again from disk.`,
        }
      rememberRecent(storage, path, entry.content)
      return { path, content: entry.content }
    },
    async saveFile(path, content) {
      return saveAsDownload(content, baseName(path))
    },
    async saveFileAs(content, suggestedName) {
      return saveAsDownload(content, suggestedName)
    },
    async checkChanged() {
      // A download cannot be watched: the browser never sees the file again.
      return { changed: false, missing: false }
    },
    async listRecent() {
      return readRecent(storage).map((e) => e.path)
    },
    async writeAutosave(content, path) {
      const entry = { content, savedAt: new Date().toISOString(), ...(path ? { path } : {}) }
      const error = writeAutosaveEntry(storage, entry)
      return error ? { error } : { ok: true }
    },
    async readAutosave() {
      return readAutosaveEntry(storage)
    },
    async clearAutosave() {
      clearAutosaveEntry(storage)
      return { ok: true }
    },
    async exportFiles(files, suggestedFolder) {
      try {
        const zip = await zipFiles(files)
        const name = `${suggestedFolder}.zip`
        download(doc, name, zip)
        return { folder: name, written: files.length }
      } catch (e) {
        return { error: `Could not build the zip: ${errorText(e)}` }
      }
    },
    async exportPdf(html, suggestedName) {
      try {
        await printHtml(doc, html)
        return { path: suggestedName }
      } catch (e) {
        return { error: `Could not open the print dialog: ${errorText(e)}` }
      }
    },
    async setWindowState(title, isDirty) {
      dirty = isDirty
      doc.title = `${isDirty ? '● ' : ''}${title} — Stackwright`
      return { ok: true }
    },
    async answerClose() {
      return { ok: true }
    },
    async openExternal(url) {
      if (!/^https:\/\/[^\s]+$/.test(url)) return { error: 'Only https links can be opened.' }
      win.open(url, '_blank', 'noopener,noreferrer')
      return { ok: true }
    },
    onMenuCommand(listener: (command: MenuCommand) => void) {
      const onKey = (e: KeyboardEvent) => {
        const command = commandForKey(e)
        if (!command) return
        e.preventDefault()
        listener(command)
      }
      win.addEventListener('keydown', onKey)
      return () => win.removeEventListener('keydown', onKey)
    },
    onFileOpened(listener: (file: OpenedFile) => void) {
      // Files reach the browser edition only through Open and drag-and-drop, which the UI handles.
      void listener
      return () => undefined
    },
    onCloseRequested(listener: () => void) {
      // See the header: the browser shows its own prompt from `beforeunload`.
      void listener
      return () => undefined
    },
  }
}
