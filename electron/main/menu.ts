// The native menu as a pure template: items send menu commands to the renderer or use Electron roles.
import path from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/ipc'

/** Where Help > Documentation leads (opened in the user's browser). */
export const DOCUMENTATION_URL = 'https://github.com/stackwright/stackwright#readme'

/** What menu items do; the wiring supplies Electron-backed implementations. */
export interface MenuActions {
  send(command: MenuCommand): void
  openRecent(file: string): void
  clearRecent(): void
  toggleDarkMode(): void
  openDocumentation(): void
}

export interface MenuOptions {
  readonly platform: NodeJS.Platform
  readonly appName: string
  readonly recent: readonly string[]
  /** Development builds get the developer tools item; packaged builds do not. */
  readonly developerTools: boolean
  readonly actions: MenuActions
}

type Item = MenuItemConstructorOptions
const separator: Item = { type: 'separator' }

function command(label: string, accelerator: string, cmd: MenuCommand, actions: MenuActions): Item {
  return { label, accelerator, click: () => actions.send(cmd) }
}

function recentSubmenu(recent: readonly string[], actions: MenuActions): Item[] {
  if (recent.length === 0) return [{ label: 'No Recent Designs', enabled: false }]
  return [
    ...recent.map((file): Item => ({
      // A bare '&' would mark a keyboard mnemonic on Windows and Linux.
      label: path.basename(file).replaceAll('&', '&&'),
      sublabel: path.dirname(file),
      toolTip: file,
      click: () => actions.openRecent(file),
    })),
    separator,
    { label: 'Clear Menu', click: () => actions.clearRecent() },
  ]
}

/** The whole application menu for `options.platform`. */
export function buildMenuTemplate(options: MenuOptions): Item[] {
  const { actions } = options
  const mac = options.platform === 'darwin'

  const appMenu: Item = {
    label: options.appName,
    submenu: [
      { label: `About ${options.appName}`, click: () => actions.send('about') },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide', accelerator: 'Command+H' },
      { role: 'hideOthers', accelerator: 'Command+Alt+H' },
      { role: 'unhide' },
      separator,
      { role: 'quit', label: `Quit ${options.appName}`, accelerator: 'Command+Q' },
    ],
  }

  const fileMenu: Item = {
    label: '&File',
    submenu: [
      command('&New', 'CmdOrCtrl+N', 'new', actions),
      command('&Open…', 'CmdOrCtrl+O', 'open', actions),
      { label: 'Open &Recent', submenu: recentSubmenu(options.recent, actions) },
      separator,
      command('&Save', 'CmdOrCtrl+S', 'save', actions),
      command('Save &As…', 'CmdOrCtrl+Shift+S', 'save-as', actions),
      separator,
      command('&Export…', 'CmdOrCtrl+E', 'export', actions),
      command('&Print / Export PDF…', 'CmdOrCtrl+P', 'print-pdf', actions),
      separator,
      { role: 'close', label: '&Close', accelerator: 'CmdOrCtrl+W' },
      ...(mac
        ? []
        : [separator, { role: 'quit', label: '&Quit', accelerator: 'CmdOrCtrl+Q' } as Item]),
    ],
  }

  const editMenu: Item = {
    label: '&Edit',
    submenu: [
      // Undo and redo act on the design (the renderer's history), not only on a text field.
      command('&Undo', 'CmdOrCtrl+Z', 'undo', actions),
      command(
        '&Redo',
        options.platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z',
        'redo',
        actions,
      ),
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  }

  const viewMenu: Item = {
    label: '&View',
    submenu: [
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      separator,
      {
        label: 'Toggle &Dark Mode',
        accelerator: 'CmdOrCtrl+Shift+D',
        click: () => actions.toggleDarkMode(),
      },
      { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Command+F' : 'F11' },
      ...(options.developerTools
        ? [separator, { role: 'toggleDevTools', accelerator: 'CmdOrCtrl+Shift+I' } as Item]
        : []),
    ],
  }

  const helpMenu: Item = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: '&Documentation', accelerator: 'F1', click: () => actions.openDocumentation() },
      ...(mac
        ? []
        : [separator, { label: `&About ${options.appName}`, click: () => actions.send('about') }]),
    ],
  }

  return [
    ...(mac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    ...(mac ? [{ role: 'windowMenu' } as Item] : []),
    helpMenu,
  ]
}
