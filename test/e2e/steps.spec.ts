// Every step in light and dark: no serious or critical accessibility violations, no CSP
// violations, and a screenshot of each for review (test-results/screenshots).
/// <reference types="node" />
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { AppPage, STEP_IDS } from './pages/app-page'
import { ReviewPage } from './pages/review-page'
import { cspViolations, expectAccessible, screenshot, watchCsp } from './support/checks'

const EXAMPLE = fileURLToPath(
  new URL('../../assets/examples/payments-eks.stackwright.yaml', import.meta.url),
)

for (const theme of ['light', 'dark'] as const) {
  test(`every step is accessible and drawn in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme })
    await watchCsp(page)
    const app = new AppPage(page)
    const review = new ReviewPage(page)
    await app.open()
    const chooser = page.waitForEvent('filechooser')
    await app.button('Open').click()
    await (await chooser).setFiles(EXAMPLE)
    await expect(app.designName).toHaveText('Payments platform')
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await app.notice.getByRole('button', { name: 'Dismiss message' }).click()

    for (const [index, step] of STEP_IDS.entries()) {
      await app.goTo(step)
      if (step === 'workloads') {
        await page.getByRole('button', { name: /^web\b/ }).click()
        await expect(page.getByTestId('architecture-diagram').locator('.diagram svg')).toBeVisible()
      }
      if (step === 'review') {
        await expect(review.diagram).toBeVisible()
        await expect(review.recommendation(1)).toBeVisible()
        await review.compare(1)
        await expect(review.compareTable).toBeVisible()
      }
      if (step === 'export') {
        // A short file: axe checks the highlight colours without walking a 60 KB document.
        await page.getByRole('button', { name: /kustomization\.yaml/ }).click()
        await expect(page.getByTestId('code-view')).toContainText('kind: Kustomization')
      }
      await expectAccessible(page, `${theme} ${step}`)
      await page.getByTestId(`step-view-${step}`).evaluate((el) => el.scrollTo(0, 0))
      await screenshot(page, `${theme}-${String(index + 1).padStart(2, '0')}-${step}`)
    }

    await page.getByTestId('criterion-isolation').click()
    await expect(page.getByTestId('inspect-dialog')).toBeVisible()
    await expect(page.getByTestId('inspect-dialog')).toContainText('ISO-')
    await expectAccessible(page, `${theme} contributions dialog`)
    await screenshot(page, `${theme}-11-contributions`)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('inspect-dialog')).toHaveCount(0)

    expect(await cspViolations(page)).toEqual([])
  })
}
