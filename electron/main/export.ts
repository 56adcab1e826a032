// Writing generated artifacts into a folder the user picked, and the PDF document: every path is
// checked to stay inside the folder, every file is written atomically, nothing is overwritten unasked.
import path from 'node:path'
import { artifactSchema } from '../../shared/ipc'
import type { Cancelled, Failure } from '../../shared/ipc'
import type { FileIo } from './file-io'
import { describeError } from './fs-errors'

export interface ExportDialogs {
  /** Asks for the destination folder, proposing `suggestedFolder`; null when cancelled. */
  chooseExportFolder(suggestedFolder: string): Promise<string | null>
  /** Asks whether to write into a folder that already holds `existing` entries. */
  confirmOverwrite(folder: string, existing: number): Promise<boolean>
  /** Asks where to save the PDF; null when cancelled. */
  choosePdfPath(suggestedFileName: string): Promise<string | null>
}

export interface ExportTarget {
  readonly file: string
  readonly content: string
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/** Why `relative` must not be written under an export folder, or null when it is safe. */
export function artifactPathProblem(relative: string): string | null {
  if (!artifactSchema.shape.path.safeParse(relative).success) {
    return 'must be a relative path without "..", ".", empty segments, backslashes or NUL'
  }
  if (path.isAbsolute(relative) || /^[A-Za-z]:/.test(relative)) return 'must be relative'
  for (const segment of relative.split('/')) {
    if (segment.includes(':')) return 'must not contain ":"'
    if (WINDOWS_RESERVED.test(segment)) return `"${segment}" is a reserved file name on Windows`
    if (/[. ]$/.test(segment)) return 'segments must not end with "." or a space'
  }
  return null
}

/**
 * Resolves every artifact under `folder`, refusing the whole export if any path is unsafe, escapes
 * the folder or collides with another (case-insensitively, as on Windows and macOS disks).
 */
export function planExport(
  folder: string,
  files: readonly { readonly path: string; readonly content: string }[],
): { readonly targets: ExportTarget[] } | Failure {
  const root = path.resolve(folder)
  const seen = new Set<string>()
  const targets: ExportTarget[] = []
  for (const artifact of files) {
    const problem = artifactPathProblem(artifact.path)
    if (problem !== null) return { error: `Refused to export "${artifact.path}": it ${problem}.` }
    const file = path.resolve(root, ...artifact.path.split('/'))
    const rel = path.relative(root, file)
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
      return { error: `Refused to export "${artifact.path}": it is outside the export folder.` }
    }
    const key = rel.toLowerCase()
    if (seen.has(key)) return { error: `Refused to export: "${artifact.path}" appears twice.` }
    seen.add(key)
    targets.push({ file, content: artifact.content })
  }
  return { targets }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

async function isSymlink(io: FileIo, file: string): Promise<boolean> {
  try {
    return (await io.lstat(file)).isSymbolicLink()
  } catch {
    return false
  }
}

/** Writes the planned files; symlinks (which could lead outside the folder) are refused, not followed. */
async function writeTargets(
  root: string,
  targets: readonly ExportTarget[],
  io: FileIo,
): Promise<{ readonly written: number } | Failure> {
  const realRoot = await io.realpath(root)
  let written = 0
  for (const target of targets) {
    const shown = path.relative(root, target.file)
    try {
      await io.mkdir(path.dirname(target.file))
      const realDir = await io.realpath(path.dirname(target.file))
      if (!isInside(realRoot, realDir) || (await isSymlink(io, target.file))) {
        return {
          error: `Refused to export "${shown}": a symbolic link leads outside the export folder. ${written} of ${targets.length} files were written.`,
        }
      }
      await io.writeAtomic(target.file, target.content)
      written += 1
    } catch (error) {
      return {
        error: `${describeError(error, 'write', target.file)} ${written} of ${targets.length} files were written.`,
      }
    }
  }
  return { written }
}

/** Asks for a folder and writes the artifacts into it (export:write). */
export async function exportArtifacts(
  files: readonly { readonly path: string; readonly content: string }[],
  suggestedFolder: string,
  deps: { readonly io: FileIo; readonly dialogs: ExportDialogs },
): Promise<{ readonly folder: string; readonly written: number } | Cancelled | Failure> {
  const folder = await deps.dialogs.chooseExportFolder(suggestedFolder)
  if (folder === null) return { cancelled: true }
  const plan = planExport(folder, files)
  if ('error' in plan) return plan
  const root = path.resolve(folder)
  try {
    await deps.io.mkdir(root)
    const existing = (await deps.io.readdir(root)).length
    if (existing > 0 && !(await deps.dialogs.confirmOverwrite(root, existing))) {
      return { cancelled: true }
    }
  } catch (error) {
    return { error: describeError(error, 'export to', root) }
  }
  const result = await writeTargets(root, plan.targets, deps.io)
  return 'error' in result ? result : { folder: root, written: result.written }
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
