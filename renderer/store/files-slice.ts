// The files slice: New, Open, Open Recent, Save, Save As, recovery and the close prompt.
// A failed open never touches the design in memory.
import { isCancelled, isFailure } from '../../shared/ipc'
import type { MenuCommand } from '../../shared/ipc'
import {
  CURRENT_API_VERSION,
  newDesign,
  parseDesign,
  serializeDesign,
} from '../../shared/model/index'
import type { Design } from '../../shared/model/schema'
import { assertNever } from '../../shared/util/assert-never'
import { cancelAutosave, replaceDesign, syncWindow } from './effects'
import { withStartingPools } from './pool-edits'
import { ALL_DRAFT_DIMENSIONS } from './design-slice'
import type { AfterDiscard, FilesSlice, SliceContext } from './types'

/** The name a new design starts with (a DNS label, so it is valid as is). */
export const NEW_DESIGN_NAME = 'my-platform'

/** The file name Save As suggests for a design. */
export function suggestedFileName(name: string): string {
  return `${name}.stackwright.yaml`
}

/** A brand-new design, with the node pools its orchestrator needs. */
export function freshDesign(ctx: SliceContext): Design {
  return withStartingPools(newDesign(NEW_DESIGN_NAME), ctx.deps.catalog)
}

/**
 * An empty design for New: nothing picked. The model needs an orchestrator, a cloud and pools with
 * an OS and runtime, so those hold placeholders (listed in `unchosen`); no CNI is added.
 */
export function emptyDesign(ctx: SliceContext): Design {
  const design = freshDesign(ctx)
  return { ...design, choices: { ...design.choices, plugins: [] } }
}

/** The files slice with its initial state. */
export function createFilesSlice(ctx: SliceContext): FilesSlice {
  const { set, get, deps } = ctx
  const { platform } = deps

  const refreshRecent = async () => set({ recent: await platform.listRecent() })

  /** Unsaved work asks first; true when the caller may go ahead now. */
  const mayReplace = (force: boolean | undefined, then: AfterDiscard) => {
    if (force || !get().dirty) return true
    set({ dialog: { kind: 'discard', then } })
    return false
  }

  const afterSaved = async (design: Design, path: string) => {
    const migration = get().migration
    set({
      savedDesign: design,
      filePath: path,
      lastSaved: deps.now().toISOString(),
      dirty: get().design !== design,
      migration: null,
      notice: {
        tone: 'success',
        text:
          (migration ? `Saved ${path} in format ${migration.to}` : `Saved ${path}`) +
          placeholderNote(get().unchosen.length),
      },
    })
    cancelAutosave(ctx)
    syncWindow(ctx)
    await platform.clearAutosave()
    await refreshRecent()
  }

  const slice: FilesSlice = {
    filePath: null,
    savedDesign: null,
    dirty: false,
    lastSaved: null,
    recent: [],
    openFailure: null,
    migration: null,
    booted: false,

    boot: async () => {
      const [recent, autosave] = await Promise.all([platform.listRecent(), platform.readAutosave()])
      const current = serializeDesign(get().design, 'yaml')
      set({
        recent,
        booted: true,
        dialog:
          autosave && autosave.content !== current ? { kind: 'recovery', entry: autosave } : null,
      })
      get().startOnboarding()
    },

    connect: () => {
      const off = [
        platform.onMenuCommand((command) => get().runCommand(command)),
        platform.onFileOpened((file) =>
          get().openText(baseName(file.path), file.content, file.path),
        ),
        platform.onCloseRequested(() => get().requestClose()),
      ]
      return () => off.forEach((unsubscribe) => unsubscribe())
    },

    newDesign: (force) => {
      if (!mayReplace(force, { kind: 'new' })) return
      replaceDesign(ctx, emptyDesign(ctx), { filePath: null, saved: true })
      set({
        step: 'context',
        openFailure: null,
        dialog: null,
        lastSaved: null,
        migration: null,
        unchosen: ALL_DRAFT_DIMENSIONS,
      })
      void platform.clearAutosave()
    },

    openFile: async (force) => {
      if (!mayReplace(force, { kind: 'open' })) return
      set({ dialog: null })
      const result = await platform.openFile()
      if (isCancelled(result)) return
      if (isFailure(result)) return set({ notice: { tone: 'error', text: result.error } })
      get().openText(baseName(result.path), result.content, result.path, true)
      await refreshRecent()
    },

    openRecent: async (path, force) => {
      if (!mayReplace(force, { kind: 'recent', path })) return
      set({ dialog: null })
      const result = await platform.openRecent(path)
      if (isFailure(result)) return set({ notice: { tone: 'error', text: result.error } })
      get().openText(baseName(result.path), result.content, result.path, true)
      await refreshRecent()
    },

    openText: (fileName, text, path, force) => {
      if (!mayReplace(force, { kind: 'text', fileName, text, path })) return
      const result = parseDesign(text, { fileName })
      if (!result.ok && !result.draft) {
        set({ openFailure: { fileName, errors: result.errors, opened: false }, dialog: null })
        return
      }
      // A file whose parts disagree (a name used twice, a flow to nothing) opens anyway, so the
      // app reopens whatever it saved: the errors are listed once and stay marked on their fields.
      const opened = result.ok ? result : result.draft
      if (!opened) return
      replaceDesign(ctx, opened.design, { filePath: path, saved: true })
      // A design the user opened (command line, dialog, drop, recent) replaces the welcome screen.
      // A migrated file says so once, in the banner, until it is saved in the current format.
      set({
        openFailure: result.ok ? null : { fileName, errors: result.errors, opened: true },
        dialog: null,
        welcomeOpen: false,
        lastSaved: null,
        migration: migrationOf(fileName, opened.migratedFrom),
        notice: result.ok
          ? { tone: 'success', text: `Opened ${fileName}` }
          : {
              tone: 'error',
              text: `Opened ${fileName} with ${problemCount(result.errors.length)} to fix`,
            },
      })
      void platform.clearAutosave()
    },

    discardAndContinue: () => {
      const dialog = get().dialog
      if (dialog?.kind !== 'discard') return
      const then = dialog.then
      set({ dialog: null })
      switch (then.kind) {
        case 'new':
          return get().newDesign(true)
        case 'open':
          return void get().openFile(true)
        case 'recent':
          return void get().openRecent(then.path, true)
        case 'text':
          return get().openText(then.fileName, then.text, then.path, true)
        default:
          return assertNever(then)
      }
    },

    save: async (force) => {
      const { filePath, design } = get()
      if (!filePath) return get().saveAs()
      const content = serializeDesign(design, 'yaml')
      if (!force && get().savedDesign) {
        const disk = await platform.checkChanged(
          filePath,
          serializeDesign(get().savedDesign ?? design, 'yaml'),
        )
        if (disk.changed && !disk.missing) {
          set({ dialog: { kind: 'overwrite', path: filePath } })
          return false
        }
      }
      const result = await platform.saveFile(filePath, content)
      if (isFailure(result)) {
        set({ notice: { tone: 'error', text: result.error } })
        return false
      }
      await afterSaved(design, result.path)
      return true
    },

    saveAs: async () => {
      const { design } = get()
      const result = await platform.saveFileAs(
        serializeDesign(design, 'yaml'),
        suggestedFileName(design.metadata.name),
      )
      if (isCancelled(result)) return false
      if (isFailure(result)) {
        set({ notice: { tone: 'error', text: result.error } })
        return false
      }
      await afterSaved(design, result.path)
      return true
    },

    restoreRecovery: () => {
      const dialog = get().dialog
      if (dialog?.kind !== 'recovery') return
      const result = parseDesign(dialog.entry.content, { fileName: 'autosave' })
      const restored = result.ok ? result : result.draft
      if (!result.ok && !restored) {
        set({
          dialog: null,
          openFailure: { fileName: 'the autosaved copy', errors: result.errors, opened: false },
        })
        return
      }
      if (!restored) return
      // Unsaved work with a name used twice comes back as it was, its errors marked.
      replaceDesign(ctx, restored.design, { filePath: dialog.entry.path ?? null, saved: false })
      set({
        dialog: null,
        migration: migrationOf(baseName(dialog.entry.path ?? 'autosave'), restored.migratedFrom),
        notice: result.ok
          ? { tone: 'success', text: 'Restored your unsaved work.' }
          : {
              tone: 'error',
              text: `Restored your unsaved work, with ${problemCount(result.errors.length)} to fix`,
            },
      })
    },

    discardRecovery: async () => {
      set({ dialog: null })
      await platform.clearAutosave()
    },

    requestClose: () => {
      if (!get().dirty) return void platform.answerClose(true)
      set({ dialog: { kind: 'close' } })
    },

    answerClose: async (choice) => {
      set({ dialog: null })
      switch (choice) {
        case 'save':
          await platform.answerClose(await get().save())
          return
        case 'discard':
          cancelAutosave(ctx)
          await platform.clearAutosave()
          await platform.answerClose(true)
          return
        case 'cancel':
          await platform.answerClose(false)
          return
        default:
          return assertNever(choice)
      }
    },

    dismissOpenFailure: () => set({ openFailure: null }),
    dismissMigration: () => set({ migration: null }),

    runCommand: (command: MenuCommand) => {
      const s = get()
      switch (command) {
        case 'new':
          return s.newDesign()
        case 'open':
          return void s.openFile()
        case 'save':
          return void s.save()
        case 'save-as':
          return void s.saveAs()
        case 'export':
          return s.setStep('export')
        case 'print-pdf':
          return void s.printPdf()
        case 'undo':
          return s.undo()
        case 'redo':
          return s.redo()
        case 'toggle-theme':
          return s.toggleTheme(deps.prefersDark())
        case 'about':
          return set({ dialog: { kind: 'about' } })
        default:
          return assertNever(command)
      }
    },
  }
  return slice
}

function migrationOf(fileName: string, from: string | undefined) {
  return from === undefined ? null : { fileName, from, to: CURRENT_API_VERSION }
}

/** A saved draft records a placeholder for each open choice: Save says so rather than hide it. */
function placeholderNote(open: number): string {
  if (open === 0) return ''
  return open === 1
    ? '; the file holds a placeholder for the choice still open'
    : `; the file holds placeholders for the ${open} choices still open`
}

function problemCount(n: number): string {
  return n === 1 ? '1 problem' : `${n} problems`
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path
}
