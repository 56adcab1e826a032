// Native dialogs behind the DocumentDialogs and ExportDialogs interfaces.
import path from 'node:path'
import { dialog } from 'electron'
import type {
  BrowserWindow,
  MessageBoxOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron'
import type { DocumentDialogs } from './documents'
import type { ExportDialogs } from './export'

const DESIGN_FILTERS = [
  { name: 'Stackwright design', extensions: ['yaml', 'yml', 'json'] },
  { name: 'All files', extensions: ['*'] },
]

/** Dialogs attached to the main window, proposing locations under `documentsDir`. */
export function electronDialogs(
  getWindow: () => BrowserWindow | null,
  documentsDir: () => string,
): DocumentDialogs & ExportDialogs {
  // Names come from the renderer: keep only the last segment so a default path stays in documentsDir.
  const proposed = (name: string): string => path.join(documentsDir(), path.basename(name))

  const open = (options: OpenDialogOptions): Promise<OpenDialogReturnValue> => {
    const window = getWindow()
    return window === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options)
  }
  const save = (options: SaveDialogOptions): Promise<SaveDialogReturnValue> => {
    const window = getWindow()
    return window === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(window, options)
  }
  const ask = async (options: MessageBoxOptions): Promise<number> => {
    const window = getWindow()
    const result =
      window === null
        ? await dialog.showMessageBox(options)
        : await dialog.showMessageBox(window, options)
    return result.response
  }
  const firstPath = (result: OpenDialogReturnValue): string | null =>
    result.canceled ? null : (result.filePaths[0] ?? null)
  const savedPath = (result: SaveDialogReturnValue): string | null =>
    result.canceled || result.filePath === '' ? null : result.filePath

  return {
    async chooseDesignToOpen() {
      return firstPath(await open({ properties: ['openFile'], filters: DESIGN_FILTERS }))
    },
    async chooseDesignToSave(suggestedFileName) {
      return savedPath(
        await save({
          defaultPath: proposed(suggestedFileName),
          filters: DESIGN_FILTERS,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        }),
      )
    },
    async chooseExportFolder(suggestedFolder) {
      return firstPath(
        await open({
          title: 'Export to folder',
          buttonLabel: 'Export Here',
          defaultPath: proposed(suggestedFolder),
          properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
        }),
      )
    },
    async confirmOverwrite(folder, existing) {
      const answer = await ask({
        type: 'warning',
        buttons: ['Cancel', 'Write Into Folder'],
        defaultId: 0,
        cancelId: 0,
        message: `"${path.basename(folder)}" is not empty.`,
        detail: `It already holds ${existing} item${existing === 1 ? '' : 's'}. Exported files with the same names will be replaced; other files are left alone.`,
      })
      return answer === 1
    },
    async choosePdfPath(suggestedFileName) {
      return savedPath(
        await save({
          defaultPath: proposed(suggestedFileName),
          filters: [{ name: 'PDF document', extensions: ['pdf'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        }),
      )
    },
  }
}
