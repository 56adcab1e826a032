// Writing generated artifacts into a folder the user picked, and the PDF document: every path is
// checked (shared/artifact-path.ts) to stay inside the folder, the files are written by the same
// all-or-nothing writer as the CLI's (shared/node/write-artifacts.ts), nothing is overwritten unasked.
import path from 'node:path'
import { artifactPathProblem } from '../../shared/artifact-path'
import type { Cancelled, Failure } from '../../shared/ipc'
import type { ArtifactFs } from '../../shared/node/artifact-fs'
import { ArtifactWriteError, planArtifacts } from '../../shared/node/artifact-plan'
import { describeError, errorCode, shownPath } from '../../shared/node/fs-errors'
import { writeArtifacts } from '../../shared/node/write-artifacts'
import { assertNever } from '../../shared/util/assert-never'
import type { FileIo } from './file-io'

export interface ExportDialogs {
  /** Asks for the destination folder, proposing `suggestedFolder`; null when cancelled. */
  chooseExportFolder(suggestedFolder: string): Promise<string | null>
  /** Asks whether to write into a folder that already holds `existing` entries. */
  confirmOverwrite(folder: string, existing: number): Promise<boolean>
  /** Asks where to save the PDF; null when cancelled. */
  choosePdfPath(suggestedFileName: string): Promise<string | null>
}

export interface ExportDeps {
  readonly io: FileIo
  readonly dialogs: ExportDialogs
  /** The artifact writer's file system; tests inject failures here. */
  readonly artifactFs?: ArtifactFs
}

/** The user-facing sentence for a refused or failed export into `root`. */
function exportFailure(error: unknown, root: string): Failure {
  if (!(error instanceof ArtifactWriteError))
    return { error: describeError(error, 'export to', root) }
  const shown = shownPath(error.path ?? '')
  switch (error.problem) {
    case 'unsafe-path':
      return {
        error: `Refused to export "${shown}": ${artifactPathProblem(error.path ?? '') ?? 'unsafe path'}.`,
      }
    case 'duplicate':
      return { error: `Refused to export: "${shown}" appears twice.` }
    case 'symlink':
      return {
        error: `Refused to export "${shown}": a symbolic link leads outside the export folder. Nothing was written.`,
      }
    case 'not-a-folder':
    case 'not-empty':
    case 'foreign-entries':
      return { error: `Could not export to "${shownPath(root)}": ${error.message}.` }
    case 'io':
      return {
        error: `${describeError(error.cause ?? error, 'export to', root)} Nothing was written.`,
      }
    default:
      return assertNever(error.problem)
  }
}

/**
 * Asks for a folder and writes the artifacts into it (export:write) with the shared artifact writer: a
 * new or empty folder receives all files or none; into a non-empty one (after the user agreed) every
 * file is written before any is moved in, replacing same-named files and keeping the others.
 */
export async function exportArtifacts(
  files: readonly { readonly path: string; readonly content: string }[],
  suggestedFolder: string,
  deps: ExportDeps,
): Promise<{ readonly folder: string; readonly written: number } | Cancelled | Failure> {
  const folder = await deps.dialogs.chooseExportFolder(suggestedFolder)
  if (folder === null) return { cancelled: true }
  const root = path.resolve(folder)
  try {
    planArtifacts(root, files)
  } catch (error) {
    return exportFailure(error, root)
  }
  let existing = 0
  try {
    existing = (await deps.io.readdir(root)).length
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return { error: describeError(error, 'export to', root) }
  }
  if (existing > 0 && !(await deps.dialogs.confirmOverwrite(root, existing))) {
    return { cancelled: true }
  }
  try {
    const result = await writeArtifacts(root, files, {
      mode: existing > 0 ? 'merge' : 'create',
      ...(deps.artifactFs === undefined ? {} : { fs: deps.artifactFs }),
    })
    return { folder: root, written: result.files.length }
  } catch (error) {
    return exportFailure(error, root)
  }
}

/** `name` ending in .pdf. */
export function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`
}

/** Asks where to save, renders the HTML to PDF and writes it atomically (export:pdf). */
export async function exportPdf(
  html: string,
  suggestedName: string,
  deps: {
    readonly io: FileIo
    readonly dialogs: ExportDialogs
    readonly renderPdf: (html: string) => Promise<Uint8Array>
  },
): Promise<{ readonly path: string } | Cancelled | Failure> {
  const file = await deps.dialogs.choosePdfPath(withPdfExtension(suggestedName))
  if (file === null) return { cancelled: true }
  let pdf: Uint8Array
  try {
    pdf = await deps.renderPdf(html)
  } catch (error) {
    return {
      error: `Could not create the PDF: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
  try {
    await deps.io.writeAtomic(file, pdf)
    return { path: file }
  } catch (error) {
    return { error: describeError(error, 'save the PDF', file) }
  }
}
