// The one IPC contract: channels, their payload schemas and results, and the platform API built on them.
// Main validates every request with these schemas; the preload and the browser edition implement PlatformApi.
import { z } from 'zod'
import { artifactPathProblem } from './artifact-path'

/** Design files and exported documents are text; this bounds what crosses the bridge. */
export const MAX_IPC_TEXT = 8 * 1024 * 1024
const MAX_EXPORT_FILES = 20000

const text = z.string().max(MAX_IPC_TEXT)
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL')
const fileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._ -]+$/, 'must be a plain file name')

/** A generated file as it crosses the bridge (same shape as shared/generate Artifact). */
export const artifactSchema = z.strictObject({
  path: z.string().superRefine((p, ctx) => {
    const problem = artifactPathProblem(p)
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem })
  }),
  content: text,
})

/** Request schemas, one per channel (renderer -> main, invoke/handle). */
export const requestSchemas = {
  'file:open': z.strictObject({}),
  'file:open-recent': z.strictObject({ path: filePath }),
  'file:save': z.strictObject({ path: filePath, content: text }),
  'file:save-as': z.strictObject({ content: text, suggestedName: fileName }),
  'file:check-changed': z.strictObject({ path: filePath, content: text }),
  'recent:list': z.strictObject({}),
  'autosave:write': z.strictObject({ content: text, path: filePath.optional() }),
  'autosave:read': z.strictObject({}),
  'autosave:clear': z.strictObject({}),
  'export:write': z.strictObject({
    files: z.array(artifactSchema).min(1).max(MAX_EXPORT_FILES),
    suggestedFolder: fileName,
  }),
  'export:pdf': z.strictObject({ html: text, suggestedName: fileName }),
  'window:set-state': z.strictObject({ title: z.string().max(300), dirty: z.boolean() }),
  'window:close-decision': z.strictObject({ close: z.boolean() }),
  'shell:open-external': z.strictObject({
    url: z
      .string()
      .max(2048)
      .refine((u) => /^https:\/\/[^\s]+$/.test(u), 'only https URLs'),
  }),
} as const

export type Channel = keyof typeof requestSchemas
export type Request<C extends Channel> = z.infer<(typeof requestSchemas)[C]>

export interface OpenedFile {
  readonly path: string
  readonly content: string
}
export interface Cancelled {
  readonly cancelled: true
}
/** A failure the user should read (disk full, permission denied, file changed on disk). */
export interface Failure {
  readonly error: string
}
export interface AutosaveEntry {
  readonly content: string
  readonly path?: string
  readonly savedAt: string
}

/** Results, one per channel. */
export interface Responses {
  'file:open': OpenedFile | Cancelled | Failure
  'file:open-recent': OpenedFile | Failure
  'file:save': { readonly path: string } | Failure
  'file:save-as': { readonly path: string } | Cancelled | Failure
  'file:check-changed': { readonly changed: boolean; readonly missing: boolean }
  'recent:list': readonly string[]
  'autosave:write': { readonly ok: true } | Failure
  'autosave:read': AutosaveEntry | null
  'autosave:clear': { readonly ok: true }
  'export:write': { readonly folder: string; readonly written: number } | Cancelled | Failure
  'export:pdf': { readonly path: string } | Cancelled | Failure
  'window:set-state': { readonly ok: true }
  'window:close-decision': { readonly ok: true }
  'shell:open-external': { readonly ok: true } | Failure
}

/** Commands main sends to the renderer (menus, accelerators). */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'export',
  'print-pdf',
  'undo',
  'redo',
  'toggle-theme',
  'about',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** Events main sends to the renderer (main -> renderer, one-way). */
export interface Events {
  'menu:command': MenuCommand
  /** A file opened from the command line, a second launch, a drop or Open Recent in the menu. */
  'file:opened': OpenedFile
  /** The window is closing: the renderer answers with `window:close-decision` (unsaved-changes prompt). */
  'window:close-requested': Record<string, never>
}
export type EventName = keyof Events

/**
 * What the renderer may ask of its platform: one named method per message, subscriptions return an
 * unsubscribe function. Implemented by the Electron preload and by the browser edition.
 */
export interface PlatformApi {
  readonly kind: 'electron' | 'browser'
  openFile(): Promise<Responses['file:open']>
  openRecent(path: string): Promise<Responses['file:open-recent']>
  saveFile(path: string, content: string): Promise<Responses['file:save']>
  saveFileAs(content: string, suggestedName: string): Promise<Responses['file:save-as']>
  checkChanged(path: string, content: string): Promise<Responses['file:check-changed']>
  listRecent(): Promise<Responses['recent:list']>
  writeAutosave(content: string, path?: string): Promise<Responses['autosave:write']>
  readAutosave(): Promise<Responses['autosave:read']>
  clearAutosave(): Promise<Responses['autosave:clear']>
  exportFiles(
    files: readonly { path: string; content: string }[],
    suggestedFolder: string,
  ): Promise<Responses['export:write']>
  exportPdf(html: string, suggestedName: string): Promise<Responses['export:pdf']>
  setWindowState(title: string, dirty: boolean): Promise<Responses['window:set-state']>
  answerClose(close: boolean): Promise<Responses['window:close-decision']>
  openExternal(url: string): Promise<Responses['shell:open-external']>
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  onFileOpened(listener: (file: OpenedFile) => void): () => void
  onCloseRequested(listener: () => void): () => void
}

/** True when a result is a user-readable failure. */
export function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && 'error' in x
}
/** True when the user cancelled a dialog. */
export function isCancelled(x: unknown): x is Cancelled {
  return typeof x === 'object' && x !== null && 'cancelled' in x
}
