// The header: the app mark, the design and its saved state, file actions, undo/redo and theme.
import { useApp, useAppShallow, useHistoryAvailability } from '../app/app-store'
import {
  LogoMark,
  MoonIcon,
  NewIcon,
  OpenIcon,
  RedoIcon,
  SaveIcon,
  SunIcon,
  UndoIcon,
} from '../components/icons'
import { timeOf } from '../lib/format'
import { RecentMenu } from './recent-menu'

const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches

/** The app header. */
export function TopBar({ dark }: { readonly dark: boolean }) {
  const name = useApp((s) => s.design.metadata.title.trim() || s.design.metadata.name)
  const filePath = useApp((s) => s.filePath)
  const dirty = useApp((s) => s.dirty)
  const lastSaved = useApp((s) => s.lastSaved)
  const { newDesign, openFile, save, saveAs, undo, redo, toggleTheme } = useAppShallow((s) => ({
    newDesign: s.newDesign,
    openFile: s.openFile,
    save: s.save,
    saveAs: s.saveAs,
    undo: s.undo,
    redo: s.redo,
    toggleTheme: s.toggleTheme,
  }))
  const { canUndo, canRedo } = useHistoryAvailability()
  const fileName = filePath?.split(/[\\/]/).pop()

  return (
    <header className="top-bar">
      <div className="brand">
        <LogoMark />
        <span className="brand-name">Stackwright</span>
      </div>
      <div className="design-identity">
        <span className="design-name" data-testid="design-name">
          {name}
        </span>
        <span className="design-file muted">
          {fileName ?? 'Not saved yet'}
          {dirty ? (
            <span className="dirty-marker" data-testid="dirty-marker">
              {' '}
              · Unsaved changes
            </span>
          ) : lastSaved ? (
            <span> · Saved {timeOf(lastSaved)}</span>
          ) : null}
        </span>
      </div>
      <nav className="toolbar" aria-label="File and edit">
        <button type="button" className="tool-button" onClick={() => newDesign()}>
          <NewIcon />
          <span>New</span>
        </button>
        <button type="button" className="tool-button" onClick={() => void openFile()}>
          <OpenIcon />
          <span>Open</span>
        </button>
        <RecentMenu />
        <button type="button" className="tool-button" onClick={() => void save()}>
          <SaveIcon />
          <span>Save</span>
        </button>
        <button type="button" className="tool-button" onClick={() => void saveAs()}>
          <span>Save As…</span>
        </button>
        <span className="toolbar-divider" aria-hidden="true" />
        <button
          type="button"
          className="tool-button icon-only"
          onClick={undo}
          disabled={!canUndo}
          aria-label="Undo"
          title="Undo (Ctrl+Z)"
        >
          <UndoIcon />
        </button>
        <button
          type="button"
          className="tool-button icon-only"
          onClick={redo}
          disabled={!canRedo}
          aria-label="Redo"
          title="Redo (Ctrl+Shift+Z)"
        >
          <RedoIcon />
        </button>
        <button
          type="button"
          className="tool-button icon-only"
          onClick={() => toggleTheme(prefersDark())}
          aria-label={dark ? 'Switch to light theme' : 'Switch to dark theme'}
          title={dark ? 'Light theme' : 'Dark theme'}
        >
          {dark ? <SunIcon /> : <MoonIcon />}
        </button>
      </nav>
    </header>
  )
}
