// Files in the browser edition: located parse errors that keep the design, drag and drop,
// crash recovery from the autosave, the unsaved-changes guard, and a thousand workloads.
/// <reference types="node" />
import { writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { newDesign, serializeDesign } from '../../shared/model/index'
import { workloadSchema } from '../../shared/model/schema'
import { AppPage } from './pages/app-page'
import { ContextPage } from './pages/context-page'

test('a broken file shows its errors with line and column and keeps the design', async ({
  page,
}) => {
  const app = new AppPage(page)
  await app.open()
  await new ContextPage(page).setTitle('Keep me')
  const broken = test.info().outputPath('broken.stackwright.yaml')
  writeFileSync(
    broken,
    'apiVersion: stackwright.dev/v1\nkind: Design\nmetadata:\n  name: ok\nchoices:\n  orchestrator: kubernetez\n',
  )
  const chooser = page.waitForEvent('filechooser')
  await app.button('Open').click()
  await expect(page.getByTestId('discard-dialog')).toBeVisible()
  await app.button('Discard changes').click()
  await (await chooser).setFiles(broken)
  const dialog = page.getByTestId('open-error-dialog')
  await expect(dialog).toContainText('broken.stackwright.yaml could not be opened')
  await expect(dialog).toContainText('Line 6, column 17')
  await expect(dialog).toContainText('choices.orchestrator')
  await dialog.getByRole('button', { name: 'OK' }).click()
  await expect(app.designName).toHaveText('Keep me')
  await expect(page.getByTestId('dirty-marker')).toBeVisible()
})

test('dropping a design file on the window opens it', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  const text = serializeDesign(newDesign('dropped', 'Dropped design'), 'yaml')
  const transfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer()
    dt.items.add(new File([content], 'dropped.stackwright.yaml', { type: 'application/yaml' }))
    return dt
  }, text)
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer })
  await expect(app.designName).toHaveText('Dropped design')
})

test('unsaved work survives a reload through the autosave', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await new ContextPage(page).setTitle('Recover me')
  await expect
    .poll(() => page.evaluate(() => window.localStorage.getItem('stackwright:autosave') ?? ''))
    .toContain('Recover me')
  await page.reload()
  await app.ready()
  const dialog = page.getByTestId('recovery-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await expect(app.designName).toHaveText('Recover me')
  await expect(page.getByTestId('dirty-marker')).toBeVisible()
})

test('New asks before discarding unsaved changes', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await new ContextPage(page).setTitle('Draft')
  await app.button('New').click()
  await app.button('Keep editing').click()
  await expect(app.designName).toHaveText('Draft')
  await app.button('New').click()
  await app.button('Discard changes').click()
  await expect(app.designName).toHaveText('my-platform')
})

test('the wizard works from the keyboard', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  await page.getByTestId('step-runtime').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Runtime')
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  const crio = page.getByTestId('option-runtime-cri-o').locator('input')
  await crio.focus()
  await page.keyboard.press('Space')
  await expect(crio).toBeChecked()
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('option-runtime-containerd').locator('input')).toBeChecked()
  await page.getByTestId('overall-score').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('inspect-dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('inspect-dialog')).toHaveCount(0)
})

test('a thousand workloads stay in a virtual list and edit live', async ({ page }) => {
  const app = new AppPage(page)
  await app.open()
  const base = newDesign('big-platform', 'Big platform')
  const workloads = Array.from({ length: 1000 }, (_, i) =>
    workloadSchema.parse({
      name: `svc-${i}`,
      image: `ghcr.io/acme/svc-${i}:1.0.0`,
      team: `team-${i % 20}`,
      ports: [8080],
      talksTo: i > 0 ? [`svc-${i - 1}`] : [],
    }),
  )
  const file = test.info().outputPath('big.stackwright.yaml')
  writeFileSync(file, serializeDesign({ ...base, workloads }, 'yaml'))
  const chooser = page.waitForEvent('filechooser')
  await app.button('Open').click()
  await (await chooser).setFiles(file)
  await expect(app.designName).toHaveText('Big platform')
  await app.goTo('workloads')
  const list = page.getByTestId('workload-list-scroller')
  await expect(list).toBeVisible()
  expect(await list.getByRole('button').count()).toBeLessThan(60)
  await list.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  const last = page.getByTestId('workload-row-999')
  await expect(last).toBeVisible()
  await last.click()
  const name = page.getByTestId('workload-name')
  await expect(name).toHaveValue('svc-999')
  await name.fill('svc-last')
  await expect(last).toContainText('svc-last')
  await app.goTo('export')
  const files = page.getByTestId('file-list-scroller')
  await expect(files).toBeVisible()
  expect(await files.getByRole('button').count()).toBeLessThan(60)
})

test('Print / Save as PDF prints the design document from a frame that runs no scripts', async ({
  page,
}) => {
  const app = new AppPage(page)
  await app.open()
  await app.goTo('export')
  await app.button('Print / Save as PDF').click()
  await expect(app.notice).toContainText('Save as PDF')
  const frame = page.locator('iframe[title="Design document for printing"]')
  await expect(frame).toHaveAttribute('sandbox', 'allow-same-origin allow-modals')
  expect(await frame.getAttribute('srcdoc')).toContain('<!DOCTYPE html>')
})
