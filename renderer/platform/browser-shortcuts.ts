// Keyboard shortcuts for the browser edition, where there is no native menu to send commands.
import type { MenuCommand } from '../../shared/ipc'

/** The menu command a key press stands for, or undefined. Ctrl+N is the browser's, so New is Alt+N. */
export function commandForKey(e: {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}): MenuCommand | undefined {
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
  if (e.altKey && !mod && key === 'n') return 'new'
  if (!mod || e.altKey) return undefined
  switch (key) {
    case 'o':
      return e.shiftKey ? undefined : 'open'
    case 's':
      return e.shiftKey ? 'save-as' : 'save'
    case 'z':
      return e.shiftKey ? 'redo' : 'undo'
    case 'y':
      return e.shiftKey ? undefined : 'redo'
    case 'p':
      return e.shiftKey ? undefined : 'print-pdf'
    case 'e':
      return e.shiftKey ? 'export' : undefined
    default:
      return undefined
  }
}
