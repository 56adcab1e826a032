// A PlatformApi that keeps everything in memory, so store tests exercise real actions end to end
// without Electron or a browser. It records what the store asked of it.
import type {
  AutosaveEntry,
  MenuCommand,
  OpenedFile,
  PlatformApi,
  Responses,
} from '../../../../shared/ipc'

export class TestPlatform implements PlatformApi {
  readonly kind = 'browser' as const
  files = new Map<string, string>()
  recent: string[] = []
  autosave: AutosaveEntry | null = null
  exported: { files: { path: string; content: string }[]; folder: string }[] = []
  windowStates: { title: string; dirty: boolean }[] = []
  closeAnswers: boolean[] = []
  /** What the next Open dialog returns. */
  nextOpen: Responses['file:open'] = { cancelled: true }
  /** What the next Save As dialog picks: a path, or null to cancel. */
  nextSaveAsPath: string | null = null
  private menuListeners: ((c: MenuCommand) => void)[] = []
  private fileListeners: ((f: OpenedFile) => void)[] = []
  private closeListeners: (() => void)[] = []

  async openFile() {
    return this.nextOpen
  }
  async openRecent(path: string) {
    const content = this.files.get(path)
    return content === undefined ? { error: `${path} is gone` } : { path, content }
  }
  async saveFile(path: string, content: string) {
    this.files.set(path, content)
    this.recent = [path, ...this.recent.filter((p) => p !== path)]
    return { path }
  }
  async saveFileAs(content: string, suggestedName: string) {
    const path = this.nextSaveAsPath
    if (path === null) return { cancelled: true as const }
    void suggestedName
    return this.saveFile(path, content)
  }
  async checkChanged(path: string, content: string) {
    const disk = this.files.get(path)
    return { changed: disk !== undefined && disk !== content, missing: disk === undefined }
  }
  async listRecent() {
    return [...this.recent]
  }
  async writeAutosave(content: string, path?: string) {
    this.autosave = { content, savedAt: '2025-01-01T12:00:00.000Z', ...(path ? { path } : {}) }
    return { ok: true as const }
  }
  async readAutosave() {
    return this.autosave
  }
  async clearAutosave() {
    this.autosave = null
    return { ok: true as const }
  }
  async exportFiles(files: readonly { path: string; content: string }[], suggestedFolder: string) {
    this.exported.push({ files: [...files], folder: suggestedFolder })
    return { folder: suggestedFolder, written: files.length }
  }
  async exportPdf(_html: string, suggestedName: string) {
    return { path: suggestedName }
  }
  async setWindowState(title: string, dirty: boolean) {
    this.windowStates.push({ title, dirty })
    return { ok: true as const }
  }
  async answerClose(close: boolean) {
    this.closeAnswers.push(close)
    return { ok: true as const }
  }
  async openExternal() {
    return { ok: true as const }
  }
  onMenuCommand(listener: (command: MenuCommand) => void) {
    this.menuListeners.push(listener)
    return () => {
      this.menuListeners = this.menuListeners.filter((l) => l !== listener)
    }
  }
  onFileOpened(listener: (file: OpenedFile) => void) {
    this.fileListeners.push(listener)
    return () => {
      this.fileListeners = this.fileListeners.filter((l) => l !== listener)
    }
  }
  onCloseRequested(listener: () => void) {
    this.closeListeners.push(listener)
    return () => {
      this.closeListeners = this.closeListeners.filter((l) => l !== listener)
    }
  }
  /** Simulates main sending a menu command. */
  sendMenu(command: MenuCommand) {
    this.menuListeners.forEach((l) => l(command))
  }
  /** Simulates main asking whether the window may close. */
  requestClose() {
    this.closeListeners.forEach((l) => l())
  }
  /** Simulates main sending a file opened elsewhere (command line, second launch). */
  sendFile(file: OpenedFile) {
    this.fileListeners.forEach((l) => l(file))
  }
}
