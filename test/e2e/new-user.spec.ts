// A new user's first design, end to end: context, workloads and flows, every step, a score change,
// an explained incompatibility, compare and adopt, a risk treatment, undo/redo, save, reload, open,
// and an export that equals the CLI's generateAll for the saved design.
/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { unzipSync, strFromU8 } from 'fflate'
import { catalog } from '../../shared/catalog/index'
import { stackOf } from '../../shared/engine/stack'
import { generateAll } from '../../shared/generate/index'
import { parseDesign } from '../../shared/model/index'
import { AppPage } from './pages/app-page'
import { ContextPage } from './pages/context-page'
import { ExportPage } from './pages/export-page'
import { OptionsPage } from './pages/options-page'
import { ReviewPage } from './pages/review-page'
import { WorkloadsPage } from './pages/workloads-page'
import { cspViolations, watchCsp } from './support/checks'

test('a new user designs, compares, saves, reopens and exports a platform', async ({ page }) => {
  const app = new AppPage(page)
  const context = new ContextPage(page)
  const workloads = new WorkloadsPage(page)
  const options = new OptionsPage(page)
  const review = new ReviewPage(page)
  const exporter = new ExportPage(page)
  await watchCsp(page)

  await test.step('start empty', async () => {
    await app.open()
    await expect(app.designName).toHaveText('my-platform')
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0)
  })

  await test.step('fill the context', async () => {
    await context.setName('shop-platform')
    await context.setTitle('Shop platform')
    await context.setCloud('AWS')
    await context.check('Multi-tenant')
    await page.getByRole('checkbox', { name: 'PCI DSS' }).check()
    await context.setPriority('security', 5)
    await expect(app.designName).toHaveText('Shop platform')
    await expect(page.getByTestId('dirty-marker')).toBeVisible()
  })

  await test.step('add three workloads with flows', async () => {
    await app.goTo('workloads')
    await workloads.add({
      name: 'web',
      image: 'ghcr.io/shop/web:1.4.2',
      ports: '8080',
      exposure: 'Public',
    })
    await workloads.add({ name: 'api', image: 'ghcr.io/shop/api:2.0.0', ports: '9090' })
    await workloads.add({ name: 'db', image: 'postgres:16', ports: '5432' })
    await workloads.select('web')
    await workloads.addTalksTo('api')
    await workloads.select('api')
    await workloads.addTalksTo('db')
    await workloads.editor.getByLabel('Untrusted', { exact: true }).check()
    await expect(workloads.flows.locator('ul.flows').first().getByRole('listitem')).toHaveCount(2)
    await expect(workloads.flows).toContainText('web')
    // web is public: an internet endpoint with a load balancer brings the traffic in.
    await expect(page.getByTestId('step-workloads')).toContainText('needs attention')
    await page.getByTestId('add-endpoint-internet').click()
    await expect(page.getByTestId('endpoint-0-ingress')).toContainText('Load balancer')
    await expect(page.getByTestId('edge-flows')).toContainText('internet')
    await expect(page.getByTestId('step-workloads')).not.toContainText('needs attention')
    await expect(page.getByTestId('architecture-diagram').locator('svg')).toBeVisible()
  })

  await test.step('pick an orchestrator: EKS runs the control plane, so that pool goes', async () => {
    await app.goTo('orchestrator')
    await expect(options.card('orchestrator', 'eks')).toContainText('pool control-plane: removed')
    await options.pick('orchestrator', 'eks')
    await expect(options.card('orchestrator', 'eks')).toHaveClass(/selected/)
    await app.goTo('nodes')
    await expect(page.locator('.pool-card')).toHaveCount(1)
    await page.getByTestId('pool-0-size').fill('6')
    await expect(page.getByTestId('nodes-summary')).toContainText('6 nodes')
  })

  await test.step('offering Kata for the untrusted workload moves the score by what its card promised', async () => {
    await app.goTo('runtime')
    const before = await app.overall()
    const isolationBefore = await app.criterion('isolation')
    await expect(options.card('sandbox', 'kata')).toContainText('virtualization none → nested')
    const promised = await options.promisedDelta('sandbox', 'kata')
    await options.pick('sandbox', 'kata')
    await expect(app.overallScore).toContainText(String(before + promised))
    expect(await app.criterion('isolation')).toBeGreaterThan(isolationBefore)
    await expect(options.card('sandbox', 'kata')).toContainText('on workers')
  })

  await test.step('ECS cannot run Kata: the card is disabled and says why', async () => {
    await app.goTo('orchestrator')
    await options.pick('orchestrator', 'ecs-ec2')
    await app.goTo('runtime')
    const kata = options.card('sandbox', 'kata')
    await expect(options.input('sandbox', 'kata')).toBeDisabled()
    await expect(kata).toContainText('Not possible here')
    await expect(kata).toContainText('COMPAT-SANDBOX-UNSUPPORTED')
    await expect(kata).toContainText('Fix:')
    await app.goTo('orchestrator')
    await options.pick('orchestrator', 'eks')
    await app.goTo('runtime')
    await options.pick('sandbox', 'kata')
  })

  await test.step('walk the remaining steps', async () => {
    await app.goTo('os')
    await options.pick('os', 'bottlerocket')
    await app.goTo('plugins')
    await options.pick('plugin', 'cilium')
    await options.pick('plugin', 'kyverno')
    await app.goTo('isolation')
    await expect(options.card('podSecurity', 'restricted')).toHaveClass(/selected/)
  })

  let adopted = ''
  await test.step('compare two stacks and adopt one', async () => {
    await app.goTo('review')
    await expect(review.diagram).toBeVisible()
    await expect(review.recommendation(2)).toBeVisible()
    await review.compare(1)
    await review.compare(2)
    await expect(review.compareTable.locator('thead th')).toHaveCount(4)
    adopted = (await review.comparedStack(1).getAttribute('data-stack')) ?? ''
    await review.adoptCompared(1)
    await expect(review.comparedStack(0)).toHaveAttribute('data-stack', adopted)
  })

  const riskId = await test.step('set a risk treatment', async () => {
    const id = await review.firstRiskId()
    expect(id).not.toBe('')
    await review.treat(id, 'accepted', 'Accepted by the platform board')
    await expect(review.risk(id)).toHaveClass(/risk-accepted/)
    return id
  })

  await test.step('undo and redo', async () => {
    await app.button('Undo').click()
    await expect(page.getByTestId(`note-${riskId}`)).toHaveValue('')
    await app.button('Undo').click()
    await expect(page.getByTestId(`treatment-${riskId}`)).toHaveValue('open')
    await app.button('Redo').click()
    await app.button('Redo').click()
    await expect(page.getByTestId(`treatment-${riskId}`)).toHaveValue('accepted')
    await expect(page.getByTestId(`note-${riskId}`)).toHaveValue('Accepted by the platform board')
  })

  const savedPath = await test.step('save (a download in the browser)', async () => {
    const download = page.waitForEvent('download')
    await app.button('Save').click()
    const file = await download
    expect(file.suggestedFilename()).toBe('shop-platform.stackwright.yaml')
    const path = test.info().outputPath('shop-platform.stackwright.yaml')
    await file.saveAs(path)
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0)
    return path
  })

  const saved = parseDesign(readFileSync(savedPath, 'utf8'))
  expect(saved.ok).toBe(true)
  if (!saved.ok) return
  expect(saved.design.metadata).toMatchObject({ name: 'shop-platform', title: 'Shop platform' })
  expect(saved.design.workloads.map((w) => w.name)).toEqual(['web', 'api', 'db'])
  expect(saved.design.risks[riskId]).toEqual({
    treatment: 'accepted',
    note: 'Accepted by the platform board',
  })
  const { orchestrator, runtime, os, plugins } = stackOf(saved.design, catalog)
  expect(`${orchestrator}|${runtime}|${os}|${[...plugins].sort().join(',')}`).toBe(adopted)

  await test.step('reload, then open the saved file', async () => {
    await page.reload()
    await app.ready()
    await expect(page.getByTestId('recovery-dialog')).toHaveCount(0)
    await expect(app.designName).toHaveText('my-platform')
    const chooser = page.waitForEvent('filechooser')
    await app.button('Open').click()
    await (await chooser).setFiles(savedPath)
    await expect(app.designName).toHaveText('Shop platform')
    await expect(app.notice).toContainText('Opened shop-platform.stackwright.yaml')
  })

  await test.step('export equals the CLI output for the saved design', async () => {
    await app.goTo('export')
    await expect(exporter.files.first()).toBeVisible()
    await expect(exporter.preview).toBeVisible()
    const zip = await exporter.downloadAll()
    expect(zip.suggestedFilename()).toBe('shop-platform.zip')
    const zipPath = test.info().outputPath('export.zip')
    await zip.saveAs(zipPath)
    const entries = unzipSync(new Uint8Array(readFileSync(zipPath)))
    const exported = Object.entries(entries)
      .map(([path, bytes]) => ({ path, content: strFromU8(bytes) }))
      .sort((a, b) => (a.path < b.path ? -1 : 1))
    // The design file itself travels with what it generated, byte for byte as Save wrote it.
    const expected = [
      { path: 'shop-platform.stackwright.yaml', content: readFileSync(savedPath, 'utf8') },
      ...generateAll(saved.design, catalog),
    ].sort((a, b) => (a.path < b.path ? -1 : 1))
    expect(exported.map((f) => f.path)).toEqual(expected.map((f) => f.path))
    expect(exported).toEqual(expected)
    await expect(exporter.files).toHaveCount(expected.length)
    // The files came from the generator worker, not from the UI thread.
    await expect(page.locator('html')).toHaveAttribute('data-generator', 'worker')
  })

  expect(await cspViolations(page)).toEqual([])
})
