// Data integrity and honest states (issue 11): a design with errors is never shown as buildable,
// never exported silently, and whatever Save writes opens again; an impossible design's score does
// not read as good; the export carries the design file. Screenshots in light and dark.
/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { newDesign, parseDesign, serializeDesign } from '../../shared/model/index'
import { AppPage } from './pages/app-page'
import { ContextPage } from './pages/context-page'
import { ExportPage } from './pages/export-page'
import { OptionsPage } from './pages/options-page'
import { ReviewPage } from './pages/review-page'
import { WorkloadsPage } from './pages/workloads-page'
import { expectAccessible, screenshot } from './support/checks'

async function openFile(app: AppPage, path: string): Promise<void> {
  const chooser = app.page.waitForEvent('filechooser')
  await app.button('Open').click()
  await (await chooser).setFiles(path)
}

/** An EKS design whose only pool offers gVisor, which EKS cannot run. */
function eksWithGvisor(): string {
  const base = newDesign('eks-gvisor', 'EKS with gVisor')
  const workers = base.nodePools.find((p) => p.role === 'workers')
  if (!workers) throw new Error('newDesign has no workers pool')
  return serializeDesign(
    {
      ...base,
      context: { ...base.context, cloud: 'aws' },
      choices: { ...base.choices, orchestrator: 'eks' },
      nodePools: [{ ...workers, os: 'bottlerocket', sandboxes: ['gvisor'] }],
    },
    'yaml',
  )
}

for (const theme of ['light', 'dark'] as const) {
  test(`a duplicate workload name is not buildable, blocks export, and saves a file that reopens (${theme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme })
    const app = new AppPage(page)
    const workloads = new WorkloadsPage(page)
    await app.open()
    await app.goTo('workloads')
    await workloads.add({ name: 'web', image: 'ghcr.io/acme/web:1.0.0', ports: '8080' })
    await workloads.add({ name: 'api', image: 'ghcr.io/acme/api:1.0.0', ports: '9090' })
    await workloads.editor.getByLabel('Name', { exact: true }).fill('web')

    const state = page.getByTestId('build-state')
    await expect(state).toHaveText('Not buildable')
    await expect(app.overallScore).toHaveAttribute('data-buildable', 'false')
    await expect(page.getByTestId('field-problems')).toContainText('workloads[1].name')
    await expect(page.getByTestId('field-problems')).toContainText('already named "web"')
    await expectAccessible(page, `${theme} duplicate name`)
    await screenshot(page, `${theme}-trust-1-duplicate-name`)

    await app.goTo('export')
    await expect(page.getByTestId('export-blocked')).toContainText('workloads[1].name')
    await expect(page.getByTestId('export-all')).toBeDisabled()
    await expectAccessible(page, `${theme} export blocked`)
    await screenshot(page, `${theme}-trust-2-export-blocked`)

    const download = page.waitForEvent('download')
    await app.button('Save').click()
    const file = await download
    const savedPath = test.info().outputPath(file.suggestedFilename())
    await file.saveAs(savedPath)
    const text = readFileSync(savedPath, 'utf8')
    expect(text.match(/^ {2}- name: web$/gm)).toHaveLength(2)

    await page.reload()
    await app.ready()
    await openFile(app, savedPath)
    const dialog = page.getByTestId('open-error-dialog')
    await expect(dialog).toContainText('opened with problems')
    await expect(dialog).toContainText('workloads[1].name')
    await expect(dialog).toContainText('duplicate name "web"')
    await expectAccessible(page, `${theme} opened with problems`)
    await screenshot(page, `${theme}-trust-3-opened-with-problems`)
    await dialog.getByRole('button', { name: 'OK' }).click()
    await expect(state).toHaveText('Not buildable')
    await app.goTo('workloads')
    await expect(page.getByTestId('workload-row-0')).toContainText('web')
    await expect(page.getByTestId('workload-row-1')).toContainText('web')
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0)

    // Fixing the name makes it buildable and exportable again.
    await page.getByTestId('workload-row-1').click()
    await workloads.editor.getByLabel('Name', { exact: true }).fill('api')
    await expect(state).toHaveText('Buildable')
    await app.goTo('export')
    await expect(page.getByTestId('export-blocked')).toHaveCount(0)
    await expect(page.getByTestId('export-all')).toBeEnabled()
  })

  test(`an incompatible design says Not buildable, its number muted, not a green score (${theme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme })
    const app = new AppPage(page)
    await app.open()
    const path = test.info().outputPath('eks-gvisor.stackwright.yaml')
    writeFileSync(path, eksWithGvisor())
    await openFile(app, path)
    await expect(app.designName).toHaveText('EKS with gVisor')
    await expect(page.getByTestId('build-state')).toHaveText('Not buildable')
    await expect(app.overallScore).toHaveAttribute('data-buildable', 'false')
    await expect(app.overallScore).toHaveClass(/tone-void/)
    await expect(app.overallScore).toHaveAttribute(
      'aria-label',
      /^Not buildable: 1 incompatibility/,
    )
    await expect(page.getByTestId('violations')).toContainText('Amazon EKS cannot run gVisor')
    // The number is not drawn in the good tone.
    const color = await page
      .locator('.overall-number')
      .evaluate((el) => getComputedStyle(el).textDecorationLine)
    expect(color).toBe('line-through')
    await expectAccessible(page, `${theme} incompatible design`)
    await screenshot(page, `${theme}-trust-4-not-buildable`)

    await app.overallScore.click()
    const inspect = page.getByTestId('inspect-dialog')
    await expect(inspect).toContainText('not buildable')
    await expect(page.getByTestId('inspect-not-buildable')).toContainText('1 incompatibility')
    await screenshot(page, `${theme}-trust-4a-score-dialog`)
    await page.keyboard.press('Escape')
    await expect(inspect).toHaveCount(0)

    // Compared side by side, the impossible current stack says so instead of a number to beat.
    await app.goTo('review')
    const review = new ReviewPage(page)
    await review.compare(1)
    await expect(review.compareTable.getByTestId('compare-not-buildable')).toHaveCount(1)
    await review.compareTable.scrollIntoViewIfNeeded()
    await screenshot(page, `${theme}-trust-4b-compare-not-buildable`)

    await app.goTo('export')
    await expect(page.getByTestId('export-warning')).toContainText('Not buildable')
    const zip = await new ExportPage(page).downloadAll()
    void zip
    await expect(app.notice).toContainText('not buildable')
  })

  test(`the export zip contains the design file itself (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme })
    const app = new AppPage(page)
    const exporter = new ExportPage(page)
    await app.open()
    await app.goTo('export')
    await expect(exporter.files.first()).toContainText('my-platform.stackwright.yaml')
    await exporter.files.first().click()
    await expect(exporter.preview).toContainText('apiVersion: stackwright.dev/v2')
    await screenshot(page, `${theme}-trust-5-export-design-file`)
    const zip = await exporter.downloadAll()
    const zipPath = test.info().outputPath('export.zip')
    await zip.saveAs(zipPath)
    const entries = unzipSync(new Uint8Array(readFileSync(zipPath)))
    const designFile = entries['my-platform.stackwright.yaml']
    expect(designFile).toBeDefined()
    const reopened = parseDesign(strFromU8(designFile ?? new Uint8Array()))
    expect(reopened.ok && reopened.design.metadata.name).toBe('my-platform')
  })

  test(`impossible options are folded under Not possible here, numbers muted (${theme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme })
    const app = new AppPage(page)
    await app.open()
    await new ContextPage(page).setCloud('AWS')
    await app.goTo('orchestrator')
    const group = page.getByTestId('options-orchestrator')
    const possible = group.locator(':scope > .option-grid')
    const fold = page.getByTestId('options-orchestrator-not-possible')
    const autopilot = page.getByTestId('option-orchestrator-gke-autopilot')
    await expect(possible.getByTestId('option-orchestrator-eks')).toBeVisible()
    await expect(possible.locator('[data-blocked]')).toHaveCount(0)
    await expect(fold.locator(':scope > summary')).toHaveText(/^Not possible here \(\d+\)/)
    await expect(fold.locator('[data-testid="option-orchestrator-gke-autopilot"]')).toHaveCount(1)
    await expect(autopilot).toBeHidden()
    await screenshot(page, `${theme}-trust-6-options-folded`)
    await fold.locator(':scope > summary').click()
    await expect(autopilot).toBeVisible()
    await expect(autopilot).toContainText('Not possible here:')
    await expect(autopilot.locator('.option-delta')).toHaveClass(/delta-void/)
    const blocked = await fold.locator('[data-blocked]').count()
    await expect(fold.locator(':scope > summary')).toContainText(`Not possible here (${blocked})`)
    await expectAccessible(page, `${theme} folded options`)
    await autopilot.scrollIntoViewIfNeeded()
    await screenshot(page, `${theme}-trust-7-options-not-possible-open`)

    await app.goTo('os')
    const osPossible = page.getByTestId('options-os').locator(':scope > .option-grid')
    await expect(osPossible.locator('[data-blocked]')).toHaveCount(0)
    const osFold = page.getByTestId('options-os-not-possible')
    const osBlocked = await osFold.locator('[data-blocked]').count()
    expect(osBlocked).toBeGreaterThan(0)
    await expect(osFold.locator(':scope > summary')).toContainText(
      `Not possible here (${osBlocked})`,
    )
    await screenshot(page, `${theme}-trust-8-os-folded`)
  })

  test(`an empty design leaves every choice open and says what is missing (${theme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme })
    // The tour counts as seen; the welcome does not, so it opens with its "empty design" button.
    await page.addInitScript(() => window.localStorage.setItem('stackwright:tour-done', '1'))
    const app = new AppPage(page)
    await page.goto('./')
    await app.ready()
    await page
      .getByTestId('welcome-dialog')
      .getByRole('button', { name: 'Start an empty design' })
      .click()
    await expect(page.getByTestId('welcome-dialog')).toHaveCount(0)

    const missing = page.getByTestId('missing-choices')
    await expect(page.getByTestId('build-state')).toHaveText('Not buildable')
    await expect(page.locator('.overall-number')).toHaveText('–')
    await expect(app.overallScore).toHaveAttribute('aria-label', /^No score yet: 5 choices to make/)
    await expect(missing.getByRole('listitem')).toHaveText([
      'Cloud',
      'Orchestrator',
      'Container runtime',
      'Host OS',
      'Network plugin (CNI)',
    ])
    await expect(page.getByTestId('cloud').locator('input:checked')).toHaveCount(0)
    await expectAccessible(page, `${theme} empty design`)
    await screenshot(page, `${theme}-trust-9-empty-design`)

    await app.goTo('orchestrator')
    await expect(page.getByTestId('options-orchestrator').locator('input:checked')).toHaveCount(0)
    await expect(page.getByTestId('step-view-orchestrator')).toContainText('Not chosen yet')
    await screenshot(page, `${theme}-trust-10-empty-orchestrator`)
    await app.goTo('os')
    await expect(page.getByTestId('options-os').locator('input:checked')).toHaveCount(0)
    await app.goTo('plugins')
    await expect(page.getByTestId('plugins-cni').locator('input:checked')).toHaveCount(0)

    await app.goTo('export')
    await expect(page.getByTestId('export-blocked')).toContainText('Choose: Orchestrator')
    await expect(page.getByTestId('export-all')).toBeDisabled()

    // Each choice, once made, leaves the list; with all made the design is scored.
    await app.goTo('context')
    await page.getByTestId('cloud').getByLabel('On-premises', { exact: true }).check()
    await expect(missing).not.toContainText('Cloud')
    await app.goTo('orchestrator')
    await new OptionsPage(page).pick('orchestrator', 'kubernetes')
    await app.goTo('runtime')
    await new OptionsPage(page).pick('runtime', 'containerd')
    await app.goTo('os')
    await new OptionsPage(page).pick('os', 'bottlerocket')
    await expect(missing.getByRole('listitem')).toHaveText(['Network plugin (CNI)'])
    await app.goTo('plugins')
    await new OptionsPage(page).pick('plugin', 'cilium')
    await expect(missing).toHaveCount(0)
    await expect(page.locator('.overall-number')).toHaveText(/^\d+$/)
  })
}
