import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildMenuTemplate } from '../../../../electron/main/menu'
import type { MenuActions } from '../../../../electron/main/menu'
import { MENU_COMMANDS } from '../../../../shared/ipc'

type Item = MenuItemConstructorOptions

function build(platform: NodeJS.Platform, recent: string[] = [], developerTools = false) {
  const done: string[] = []
  const actions: MenuActions = {
    send: (c) => void done.push(`send:${c}`),
    openRecent: (f) => void done.push(`recent:${f}`),
    clearRecent: () => void done.push('clear-recent'),
    toggleDarkMode: () => void done.push('dark-mode'),
    openDocumentation: () => void done.push('docs'),
  }
  const template = buildMenuTemplate({
    platform,
    appName: 'Stackwright',
    recent,
    developerTools,
    actions,
  })
  return { template, done }
}

function items(list: Item[]): Item[] {
  return list.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])])
}

function find(template: Item[], label: string): Item {
  const item = items(template).find((i) => (i.label ?? '').replaceAll('&', '') === label)
  if (item === undefined) throw new Error(`no menu item ${label}`)
  return item
}

function click(item: Item): void {
  // The handlers ignore their arguments; Electron passes (menuItem, window, event).
  ;(item.click as unknown as () => void)()
}

// What the brief asks for: label -> accelerator -> what it does.
const EXPECTED: [string, string, string][] = [
  ['New', 'CmdOrCtrl+N', 'send:new'],
  ['Open…', 'CmdOrCtrl+O', 'send:open'],
  ['Save', 'CmdOrCtrl+S', 'send:save'],
  ['Save As…', 'CmdOrCtrl+Shift+S', 'send:save-as'],
  ['Export…', 'CmdOrCtrl+E', 'send:export'],
  ['Print / Export PDF…', 'CmdOrCtrl+P', 'send:print-pdf'],
  ['Undo', 'CmdOrCtrl+Z', 'send:undo'],
  ['Toggle Dark Mode', 'CmdOrCtrl+Shift+D', 'dark-mode'],
  ['Documentation', 'F1', 'docs'],
]

describe.each(['darwin', 'win32', 'linux'] as const)('menu on %s', (platform) => {
  it.each(EXPECTED)('%s has %s and does %s', (label, accelerator, effect) => {
    const { template, done } = build(platform)
    const item = find(template, label)
    expect(item.accelerator).toBe(accelerator)
    click(item)
    expect(done).toEqual([effect])
  })

  it('gives every actionable item an accelerator or a role, except About, Open Recent and roles without one', () => {
    const { template } = build(platform, ['/d/a.stackwright.yaml'])
    const unaccelerated = new Set(['services', 'unhide', 'windowMenu', 'help'])
    for (const item of items(template)) {
      if (item.type === 'separator' || Array.isArray(item.submenu) || item.enabled === false)
        continue
      if (item.role !== undefined && unaccelerated.has(item.role)) continue
      if (/About|Clear Menu|a\.stackwright\.yaml/.test(item.label ?? '')) continue
      expect({ label: item.label ?? item.role, accelerator: item.accelerator }).toEqual({
        label: item.label ?? item.role,
        accelerator: expect.any(String),
      })
      expect(item.click !== undefined || item.role !== undefined).toBe(true)
    }
  })

  it('has the standard edit, view and window roles', () => {
    const roles = items(build(platform).template).map((i) => i.role)
    for (const role of [
      'cut',
      'copy',
      'paste',
      'selectAll',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
      'close',
      'quit',
    ] as const) {
      expect(roles).toContain(role)
    }
  })

  it('sends every menu command except toggle-theme (main owns the theme) from some item', () => {
    const { template, done } = build(platform)
    for (const item of items(template))
      if (item.click !== undefined && item.label !== undefined) click(item)
    const sent = new Set(done.filter((d) => d.startsWith('send:')).map((d) => d.slice(5)))
    expect([...sent].sort()).toEqual(MENU_COMMANDS.filter((c) => c !== 'toggle-theme').sort())
  })

  it('lists recent files, newest first, and opens the one clicked', () => {
    const { template, done } = build(platform, ['/d/b&c.stackwright.yaml', '/e/a.stackwright.yaml'])
    const submenu = find(template, 'Open Recent').submenu as Item[]
    expect(submenu.map((i) => i.label)).toEqual([
      'b&&c.stackwright.yaml',
      'a.stackwright.yaml',
      undefined,
      'Clear Menu',
    ])
    click(submenu[1] as Item)
    click(submenu[3] as Item)
    expect(done).toEqual(['recent:/e/a.stackwright.yaml', 'clear-recent'])
  })

  it('shows a disabled placeholder when there are no recent files', () => {
    const submenu = find(build(platform).template, 'Open Recent').submenu as Item[]
    expect(submenu).toEqual([{ label: 'No Recent Designs', enabled: false }])
  })

  it('offers developer tools only in development builds', () => {
    const roles = (dev: boolean) => items(build(platform, [], dev).template).map((i) => i.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
  })
})

describe('platform conventions', () => {
  it('puts About and Quit in the app menu on macOS, and redo on Ctrl+Y on Windows', () => {
    const mac = build('darwin').template
    expect(mac[0]?.label).toBe('Stackwright')
    expect(find(mac, 'Quit Stackwright').accelerator).toBe('Command+Q')
    expect(find(mac, 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z')
    const win = build('win32').template
    expect(win[0]?.label).toBe('&File')
    expect(find(win, 'Quit').accelerator).toBe('CmdOrCtrl+Q')
    expect(find(win, 'Redo').accelerator).toBe('Ctrl+Y')
    expect(find(build('linux').template, 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z')
  })
})
