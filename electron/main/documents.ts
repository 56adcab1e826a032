// The design documents the user works on: open (dialog, recent, command line), save, save as, and
// the path grants that keep the renderer to the files the user actually chose.
import path from 'node:path'
import type { Cancelled, Failure, OpenedFile } from '../../shared/ipc'
import type { FileIo } from './file-io'
import { checkChanged, readDesignFile, withDesignExtension, writeDesignFile } from './files'
import { PathGrants } from './path-grants'
import type { RecentFiles } from './recent-files'

/** Native dialogs, injected (Electron's dialog module in the app, fakes in tests). */
export interface DocumentDialogs {
  /** Asks for a design file to open; null when cancelled. */
  chooseDesignToOpen(): Promise<string | null>
  /** Asks where to save, proposing `suggestedFileName`; null when cancelled. */
  chooseDesignToSave(suggestedFileName: string): Promise<string | null>
}

export interface DocumentDeps {
  readonly io: FileIo
  readonly dialogs: DocumentDialogs
  readonly recent: RecentFiles
  /** Why content must not be written (see design-check.ts), or null. */
  readonly contentProblem: (content: string) => string | null
  /** Called after every successful save (clears the autosave). */
  readonly afterSave: () => Promise<void>
  /** Called when the recent list changed (rebuilds the menu). */
  readonly onRecentChanged: (files: readonly string[]) => void
}

const CANCELLED: Cancelled = { cancelled: true }

function notGranted(file: string): Failure {
  return {
    error: `"${path.basename(file)}" was not opened or saved in this session; use Open or Save As.`,
  }
}

/** The document operations behind the file:* and recent:* channels. */
export function createDocuments(deps: DocumentDeps) {
  const grants = new PathGrants()

  async function remember(file: string): Promise<void> {
    grants.grant(file)
    try {
      deps.onRecentChanged(await deps.recent.add(file))
    } catch {
      // The recent list is a convenience: failing to store it must not fail an open or a save.
    }
  }

  async function open(file: string): Promise<OpenedFile | Failure> {
    const result = await readDesignFile(file, deps.io)
    if ('error' in result) return result
    await remember(file)
    return result
  }

  return {
    /** Opens a file the user named outside the renderer (command line, second launch, menu). */
    open,

    async openWithDialog(): Promise<OpenedFile | Cancelled | Failure> {
      const file = await deps.dialogs.chooseDesignToOpen()
      return file === null ? CANCELLED : open(file)
    },

    async openRecent(file: string): Promise<OpenedFile | Failure> {
      const resolved = path.resolve(file)
      if (!(await deps.recent.list()).includes(resolved)) return notGranted(file)
      const result = await open(resolved)
      if ('error' in result && !(await deps.io.exists(resolved))) {
        deps.onRecentChanged(await deps.recent.remove(resolved))
      }
      return result
    },

    async save(file: string, content: string): Promise<{ readonly path: string } | Failure> {
      if (!grants.has(file)) return notGranted(file)
      const result = await writeDesignFile(file, content, deps.io, deps.contentProblem)
      if ('error' in result) return result
      await remember(file)
      await deps.afterSave()
      return result
    },

    async saveAs(
      content: string,
      suggestedName: string,
    ): Promise<{ readonly path: string } | Cancelled | Failure> {
      // Refuse before asking where: a dialog for content that will not be written wastes the user's time.
      const problem = deps.contentProblem(content)
      if (problem !== null) return { error: problem }
      const chosen = await deps.dialogs.chooseDesignToSave(withDesignExtension(suggestedName))
      if (chosen === null) return CANCELLED
      const result = await writeDesignFile(chosen, content, deps.io, deps.contentProblem)
      if ('error' in result) return result
      await remember(chosen)
      await deps.afterSave()
      return result
    },

    async checkChanged(
      file: string,
      content: string,
    ): Promise<{ readonly changed: boolean; readonly missing: boolean }> {
      // An ungranted path is reported as unchanged: the renderer learns nothing about other files.
      if (!grants.has(file)) return { changed: false, missing: false }
      return checkChanged(file, content, deps.io)
    },

    listRecent: () => deps.recent.list(),

    /**
     * Lets a recovered autosave be saved back to its original file, but only when that file is in
     * the recent list: the autosave metadata came from the renderer, so it alone grants nothing.
     */
    async adoptRecovered(file: string): Promise<boolean> {
      const resolved = path.resolve(file)
      if (!path.isAbsolute(file) || !(await deps.recent.list()).includes(resolved)) return false
      grants.grant(resolved)
      return true
    },
  }
}

export type Documents = ReturnType<typeof createDocuments>
