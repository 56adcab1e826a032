// The Nodes step and the v2 format: a Windows pool added to a Linux design takes the Windows
// workload, a sandbox a Windows pool cannot run is refused with the reason, a managed control plane
// offers no control-plane role, and a v1 file opens with the migration notice and saves as v2.
// Screenshots of the changed screens in light and dark, at 1440 and 1280 pixels wide.
/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { newDesign, parseDesign, serializeDesign } from '../../shared/model/index'
import { nodePoolSchema, workloadSchema } from '../../shared/model/schema'
import { AppPage } from './pages/app-page'
import { NodesPage } from './pages/nodes-page'
import { WorkloadsPage } from './pages/workloads-page'
import { cspViolations, expectAccessible, screenshot, watchCsp } from './support/checks'

const V1_FILE = fileURLToPath(
  new URL('../fixtures/designs/v1-examples/payments-eks.stackwright.yaml', import.meta.url),
)

/** A self-managed Kubernetes design with Linux pools only and one Windows workload. */
function linuxOnlyDesign(): string {
  const base = newDesign('mixed-platform', 'Mixed platform')
  const design = {
    ...base,
    nodePools: [
      nodePoolSchema.parse({
        name: 'control-plane',
        role: 'control-plane',
        os: 'ubuntu',
        runtime: 'containerd',
      }),
      nodePoolSchema.parse({ name: 'workers', os: 'ubuntu', runtime: 'containerd', size: 4 }),
    ],
    workloads: [
      workloadSchema.parse({
        name: 'web',
        image: 'ghcr.io/acme/web:1.0.0',
        ports: [8080],
        talksTo: ['iis'],
      }),
      workloadSchema.parse({
        name: 'iis',
        image: 'mcr.microsoft.com/iis:10.0',
        os: 'windows',
        ports: [80],
      }),
    ],
  }
  return serializeDesign(design, 'yaml')
}

async function openFile(app: AppPage, path: string): Promise<void> {
  const chooser = app.page.waitForEvent('filechooser')
  await app.button('Open').click()
  await (await chooser).setFiles(path)
}

async function shoot(page: Page, theme: string, name: string): Promise<void> {
  await screenshot(page, `${theme}-nodes-${name}`)
}

for (const theme of ['light', 'dark'] as const) {
  test(`a Windows pool takes the Windows workload and refuses a Linux sandbox (${theme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme })
    await watchCsp(page)
    const app = new AppPage(page)
    const nodes = new NodesPage(page)
    await app.open()
    const file = test.info().outputPath('mixed.stackwright.yaml')
    writeFileSync(file, linuxOnlyDesign())
    await openFile(app, file)
    await expect(app.designName).toHaveText('Mixed platform')
    await app.notice.getByRole('button', { name: 'Dismiss message' }).click()

    await app.goTo('nodes')
    await expect(nodes.pools).toHaveCount(2)
    await expect(nodes.unplaced).toContainText('iis')
    await expect(nodes.workloads(nodes.pool(1))).toHaveText(['web'])
    await expect(page.getByTestId('step-nodes')).toContainText('needs attention')
    await expectAccessible(page, `${theme} nodes before`)
    await shoot(page, theme, '1-linux-only')

    await test.step('add a Windows pool: the Windows workload moves there', async () => {
      await nodes.addPool('windows')
      await expect(nodes.pools).toHaveCount(3)
      const windows = nodes.pool(2)
      await expect(windows.getByRole('heading', { level: 2 })).toContainText('Pool windows')
      await expect(page.getByTestId('pool-2-name')).toBeFocused()
      await expect(page.getByTestId('pool-2-os')).toHaveValue('windows-server')
      await expect(nodes.workloads(windows)).toHaveText(['iis'])
      await expect(nodes.workloads(nodes.pool(1))).toHaveText(['web'])
      await expect(nodes.unplaced).toHaveCount(0)
    })

    await test.step('gVisor on the Windows pool is refused, with the reason and the fix', async () => {
      const windows = nodes.pool(2)
      await nodes.setSandbox(windows, 'gVisor (runsc)', true)
      await expect(nodes.refused(windows)).toContainText('gVisor (runsc) refused')
      await expect(nodes.refused(windows)).toContainText('pool windows runs Windows Server')
      await expect(nodes.refused(windows)).toContainText('Fix:')
      await expect(nodes.refused(windows)).toContainText('COMPAT-SANDBOX-UNSUPPORTED')
      await expect(nodes.violations(windows)).toHaveCount(0)
      await expect(windows.getByTestId('pool-2-usable')).toContainText('none')
      await windows.getByText('Labels and taints').click()
      await expect(page.getByTestId('pool-2-taints')).toHaveValue('os=windows:NoSchedule')
      await expectAccessible(page, `${theme} nodes with a refused sandbox`)
      await windows.scrollIntoViewIfNeeded()
      await shoot(page, theme, '2-windows-pool-refused')
    })

    await test.step('the workload editor shows the derived pool and its exceptions', async () => {
      const workloads = new WorkloadsPage(page)
      await app.goTo('workloads')
      await workloads.select('iis')
      await expect(page.getByTestId('workload-1-pool')).toContainText('Automatic (→ windows)')
      await page.getByTestId('exceptions-toggle').click()
      await page.getByTestId('needs-host-network').check()
      await expect(page.getByTestId('needs-justification')).toHaveAttribute('aria-invalid', 'true')
      await expect(page.getByTestId('workload-exceptions')).toContainText('Required: say why iis')
      await page.getByTestId('needs-justification').fill('Reads the node event log.')
      await expect(page.getByTestId('needs-justification')).not.toHaveAttribute('aria-invalid')
      await page.getByTestId('identity-toggle').click()
      await page.getByTestId('add-api-rule').click()
      await expect(page.getByTestId('api-rule-0-resources')).toHaveValue('pods')
      await expectAccessible(page, `${theme} workload editor`)
      await page.getByTestId('workload-exceptions').scrollIntoViewIfNeeded()
      await shoot(page, theme, '3-workload-exceptions')
      await page.getByTestId('workload-identity').scrollIntoViewIfNeeded()
      await shoot(page, theme, '4-workload-identity')
    })

    await test.step('endpoints: add an external service and talk to it', async () => {
      const workloads = new WorkloadsPage(page)
      await page.getByTestId('add-endpoint-external').click()
      await expect(page.getByTestId('endpoint-0-name')).toBeFocused()
      await page.getByTestId('endpoint-0-name').fill('stripe')
      await page.getByTestId('endpoint-0-hosts').fill('api.stripe.com')
      await workloads.select('web')
      await workloads.addTalksTo('stripe')
      await expect(page.getByTestId('edge-flows')).toContainText('stripe')
      await expect(page.getByTestId('endpoint-0')).toContainText('Used by web')
      await expectAccessible(page, `${theme} endpoints`)
      await page.getByTestId('endpoints').scrollIntoViewIfNeeded()
      await shoot(page, theme, '5-endpoints')
    })

    await test.step('isolation: pod security per team', async () => {
      await app.goTo('isolation')
      await page.getByLabel('Pod security for team default').selectOption('baseline')
      await expect(page.getByTestId('team-pss-default')).toContainText('iis')
      await expectAccessible(page, `${theme} isolation`)
      await page.getByTestId('team-pod-security').scrollIntoViewIfNeeded()
      await shoot(page, theme, '6-isolation-teams')
    })

    await test.step('at 1280 pixels the pool cards still fit', async () => {
      await page.setViewportSize({ width: 1280, height: 900 })
      await app.goTo('nodes')
      await nodes.pool(2).scrollIntoViewIfNeeded()
      await shoot(page, theme, '7-windows-pool-1280')
      await app.goTo('runtime')
      await page.getByTestId('sandbox-options').scrollIntoViewIfNeeded()
      await shoot(page, theme, '8-runtime-sandboxes-1280')
    })

    expect(await cspViolations(page)).toEqual([])
  })
}

test('a managed control plane offers no control-plane role, and says why', async ({ page }) => {
  const app = new AppPage(page)
  const nodes = new NodesPage(page)
  await app.open()
  await openFile(
    app,
    fileURLToPath(new URL('../../assets/examples/payments-eks.stackwright.yaml', import.meta.url)),
  )
  await app.goTo('nodes')
  await expect(page.getByTestId('nodes-summary')).toContainText('runs the control plane for you')
  const role = page.getByTestId('pool-0-role')
  await expect(role.locator('option')).toHaveText(['System', 'Workers'])
  await expect(nodes.pool(0)).toContainText('Amazon EKS runs the control plane for you')
  await expect(page.getByTestId('add-pool-control-plane')).toHaveCount(0)
})

for (const theme of ['light', 'dark'] as const) {
  test(`a v1 file opens with the format notice and saves as v2 (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme })
    const app = new AppPage(page)
    await app.open()
    await openFile(app, V1_FILE)
    await expect(app.designName).toHaveText('Payments platform')
    const banner = page.getByTestId('migration-banner')
    await expect(banner).toContainText('written in format v1; saving writes v2')
    await expect(banner).toContainText('node pools')
    await expect(banner).toContainText('endpoints')
    await expect(banner).toContainText('identity')
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0)
    await expectAccessible(page, `${theme} migration notice`)
    await screenshot(page, `${theme}-nodes-0-migration-banner`)

    await banner.getByRole('button', { name: 'Review node pools' }).click()
    await expect(page.getByTestId('step-view-nodes')).toBeVisible()
    await expect(banner).toBeVisible()

    const download = page.waitForEvent('download')
    await app.button('Save').click()
    const file = await download
    const path = test.info().outputPath(file.suggestedFilename())
    await file.saveAs(path)
    const text = readFileSync(path, 'utf8')
    expect(text).toMatch(/^apiVersion: stackwright\.dev\/v2$/m)
    const saved = parseDesign(text)
    expect(saved.ok && saved.migratedFrom).toBeUndefined()
    expect(saved.ok && saved.design.nodePools.length).toBeGreaterThan(0)
    await expect(banner).toHaveCount(0)
    await expect(app.notice).toContainText('in format stackwright.dev/v2')
  })
}
