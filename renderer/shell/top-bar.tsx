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
import { getPlatform } from '../platform/index'
import { RecentMenu } from './recent-menu'

const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches
// Browsers keep Ctrl+N for a new window, so the browser edition uses Alt+N.
const NEW_KEY = getPlatform().kind === 'browser' ? 'Alt+N' : 'Ctrl+N'

/** The app header. */
export function TopBar({ dark }: { readonly dark: boolean }) {
  const name = useApp((s) => s.design.metadata.title.trim() || s.design.metadata.name)
  const filePath = useApp((s) => s.filePath)
  const dirty = useApp((s) => s.dirty)
  const lastSaved = useApp((s) => s.lastSaved)
  const { newDesign, openFile, save, saveAs, undo, redo, toggleTheme, showWelcome } = useAppShallow(
    (s) => ({
      newDesign: s.newDesign,
      openFile: s.openFile,
      save: s.save,
      saveAs: s.saveAs,
      undo: s.undo,
      redo: s.redo,
      toggleTheme: s.toggleTheme,
      showWelcome: s.showWelcome,
    }),
  )
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
        <button
          type="button"
          className="tool-button"
          onClick={() => newDesign()}
          title={`New design (${NEW_KEY})`}
        >
          <NewIcon />
          <span className="tool-label">New</span>
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => void openFile()}
          title="Open a design file (Ctrl+O)"
        >
          <OpenIcon />
          <span className="tool-label">Open</span>
        </button>
        <RecentMenu />
        <button
          type="button"
          className="tool-button"
          onClick={() => void save()}
          title="Save (Ctrl+S)"
        >
          <SaveIcon />
          <span className="tool-label">Save</span>
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={() => void saveAs()}
          title="Save as a new file (Ctrl+Shift+S)"
        >
          <span>Save As…</span>
        </button>
        <button
          type="button"
          className="tool-button"
          onClick={showWelcome}
          title="Welcome: example designs and the guided tour"
        >
          <span>Examples</span>
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
