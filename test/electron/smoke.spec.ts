// Smoke test of the packaged shape: launch Electron on the built app, open an example from the command
// line, export its generated files and its PDF through the real menus, IPC and dialogs (stubbed in main).
// Needs the Electron binary; where it was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD) it is skipped
// with the reason printed.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, expect, test } from '@playwright/test'
import type { ElectronApplication, Page } from '@playwright/test'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security-policy'
import { electronBinaryPath } from './electron-binary'

const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): the Electron smoke test needs it'
const binary = electronBinaryPath()
if (binary === null) console.log(`[electron smoke test] SKIPPED: ${SKIP_REASON}`)

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const MAIN = path.join(ROOT, 'dist', 'electron', 'main.cjs')
const EXAMPLE = path.join(ROOT, 'assets', 'examples', 'payments-eks.stackwright.yaml')

test.describe('Electron app', () => {
  test.skip(binary === null, SKIP_REASON)

  let app: ElectronApplication
  let page: Page
  let scratch: string

  test.beforeAll(async () => {
    expect(existsSync(MAIN), 'run `npm run build` first').toBe(true)
    scratch = await mkdtemp(path.join(os.tmpdir(), 'stackwright-smoke-'))
    // Chromium refuses to start its sandbox as root (containers); only then is it turned off.
    const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : []
    app = await electron.launch({
      executablePath: binary ?? '',
      args: [...rootOnly, `--user-data-dir=${path.join(scratch, 'user-data')}`, MAIN, EXAMPLE],
    })
    page = await app.firstWindow()
    await page.locator('html[data-app-state="ready"]').waitFor({ timeout: 30_000 })
    // A fresh profile may show the first-run welcome; the design from the command line replaces it,
    // and Escape dismisses it if it is still up, so the menus below reach the app.
    const welcome = page.getByRole('dialog', { name: /welcome/i })
    if (await welcome.isVisible()) await page.keyboard.press('Escape')
  })

  test.afterAll(async () => {
    await app?.close()
  })

  test('opens the design given on the command line', async () => {
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
      .toContain('payments-eks.stackwright.yaml')
  })

  test('runs the renderer locked down, from app://, with the CSP header', async () => {
    expect(page.url()).toBe('app://stackwright/index.html')
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      kind: (globalThis as unknown as { stackwright: { kind: string } }).stackwright.kind,
      popup: window.open('https://example.com/') === null,
    }))
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      kind: 'electron',
      popup: true,
    })
    const csp = await page.evaluate(async () =>
      (await fetch(location.href)).headers.get('content-security-policy'),
    )
    expect(csp).toBe(CONTENT_SECURITY_POLICY)
    // Navigation away from the app is blocked.
    await page.evaluate(() => {
      location.href = 'https://example.com/'
    })
    await expect.poll(() => page.url()).toBe('app://stackwright/index.html')
  })

  test('exports the generated files and the PDF through the menu and dialogs', async () => {
    const folder = path.join(scratch, 'export')
    const pdf = path.join(scratch, 'design.pdf')
    await app.evaluate(
      ({ dialog, Menu }, targets) => {
        // Native dialogs cannot be driven by Playwright: answer them in main.
        dialog.showOpenDialog = (async () => ({
          canceled: false,
          filePaths: [targets.folder],
        })) as never
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: targets.pdf })) as never
        const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined => {
          for (const item of items) {
            if (item.label.replaceAll('&', '') === 'Export…') return item
            const inner = item.submenu ? find(item.submenu.items) : undefined
            if (inner) return inner
          }
          return undefined
        }
        find(Menu.getApplicationMenu()?.items ?? [])?.click()
      },
      { folder, pdf },
    )
    const exportAll = page.getByTestId('export-all')
    await expect(exportAll).toBeEnabled({ timeout: 30_000 })
    await exportAll.click()
    await expect
      .poll(async () => (existsSync(folder) ? (await readdir(folder)).length : 0))
      .toBeGreaterThan(0)
    const written = await readdir(folder, { recursive: true })
    expect(written.some((f) => f.endsWith('.md') || f.endsWith('.html'))).toBe(true)
    expect((await readdir(scratch)).sort()).toEqual(['export', 'user-data'])

    await page.getByRole('button', { name: 'Export PDF…' }).click()
    await expect.poll(() => existsSync(pdf), { timeout: 30_000 }).toBe(true)
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
