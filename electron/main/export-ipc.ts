// IPC for exporting generated files and the PDF document (export:*).
import { exportArtifacts, exportPdf } from './export'
import type { ExportDialogs } from './export'
import type { FileIo } from './file-io'
import type { Handle } from './ipc-guard'

export interface ExportIpcDeps {
  readonly io: FileIo
  readonly dialogs: ExportDialogs
  readonly renderPdf: (html: string) => Promise<Uint8Array>
}

/** Registers export:write and export:pdf. */
export function registerExportIpc(handle: Handle, deps: ExportIpcDeps): void {
  handle('export:write', ({ files, suggestedFolder }) =>
    exportArtifacts(files, suggestedFolder, deps),
  )
  handle('export:pdf', ({ html, suggestedName }) => exportPdf(html, suggestedName, deps))
}
