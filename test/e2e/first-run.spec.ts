// First run: the welcome screen offers the examples, opening one offers the tour, the tour is
// keyboard operable to the end, and neither comes back after a reload. Screenshots in both themes.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { AppPage } from './pages/app-page'
import { expectAccessible, screenshot } from './support/checks'

const TOUR_STOPS = 5

/** Opens the app with the clean storage of a new profile (each test gets a fresh context). */
async function firstStart(page: Page, theme: 'light' | 'dark'): Promise<AppPage> {
  await page.emulateMedia({ colorScheme: theme })
  const app = new AppPage(page)
  await page.goto('./')
  await app.ready()
  return app
}

async function expectNoOnboarding(page: Page): Promise<void> {
  await expect(page.getByTestId('welcome-dialog')).toHaveCount(0)
  await expect(page.getByTestId('tour-offer')).toHaveCount(0)
  await expect(page.getByTestId('tour-popover')).toHaveCount(0)
}

test('a new profile is welcomed, opens an example and takes the tour by keyboard', async ({
  page,
}) => {
  const app = await firstStart(page, 'light')
  const welcome = page.getByTestId('welcome-dialog')
  const tour = page.getByTestId('tour-popover')

  await test.step('the welcome screen lists the examples', async () => {
    await expect(welcome).toBeVisible()
    await expect(welcome.getByRole('heading', { name: 'Welcome to Stackwright' })).toBeVisible()
    await expect(welcome.locator('.example-card')).toHaveCount(10)
    const payments = welcome.getByTestId('example-payments-eks.stackwright.yaml')
    await expect(payments).toContainText('Payments platform')
    await expect(payments).toContainText('Amazon EKS')
    await expectAccessible(page, 'welcome screen')
    await screenshot(page, 'light-first-run-welcome')
  })

  await test.step('an example opens as an untitled design', async () => {
    const payments = welcome.getByTestId('example-payments-eks.stackwright.yaml')
    await payments.focus()
    await page.keyboard.press('Enter')
    await expect(welcome).toHaveCount(0)
    await expect(app.designName).toHaveText('Payments platform')
    await expect(page.getByText('Not saved yet')).toBeVisible()
  })

  await test.step('the tour, with the keyboard only', async () => {
    const offer = page.getByTestId('tour-offer')
    await expect(offer).toBeVisible()
    await offer.getByRole('button', { name: 'Take the tour' }).focus()
    await page.keyboard.press('Enter')
    for (let stop = 1; stop <= TOUR_STOPS; stop++) {
      await expect(tour).toBeVisible()
      await expect(tour).toContainText(`${stop} of ${TOUR_STOPS}`)
      const next = tour.getByRole('button', { name: stop === TOUR_STOPS ? 'Finish' : 'Next' })
      await expect(next).toBeFocused()
      if (stop === 2) {
        await expect(page.getByTestId('step-view-orchestrator')).toBeVisible()
        await expectAccessible(page, 'tour stop 2')
        await screenshot(page, 'light-first-run-tour')
        // Back and forward again, by keyboard.
        await page.keyboard.press('Shift+Tab')
        await expect(tour.getByRole('button', { name: 'Back' })).toBeFocused()
        await page.keyboard.press('Enter')
        await expect(tour).toContainText(`1 of ${TOUR_STOPS}`)
        await page.keyboard.press('Enter')
        await expect(tour).toContainText(`2 of ${TOUR_STOPS}`)
      }
      await page.keyboard.press('Enter')
    }
    await expect(tour).toHaveCount(0)
  })

  await test.step('neither comes back after a reload', async () => {
    await page.reload()
    await app.ready()
    await expectNoOnboarding(page)
  })

  await test.step('the welcome stays reachable from the top bar', async () => {
    await app.button('Examples').click()
    await expect(welcome).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(welcome).toHaveCount(0)
  })
})

test('dark theme: an empty design, the tour skipped with Escape, remembered', async ({ page }) => {
  const app = await firstStart(page, 'dark')
  const welcome = page.getByTestId('welcome-dialog')
  const tour = page.getByTestId('tour-popover')
  await expect(welcome).toBeVisible()
  await expectAccessible(page, 'welcome screen (dark)')
  await screenshot(page, 'dark-first-run-welcome')

  await welcome.getByRole('button', { name: 'Start an empty design' }).click()
  await expect(app.designName).toHaveText('my-platform')
  await page.getByTestId('tour-offer').getByRole('button', { name: 'Take the tour' }).click()
  await expect(tour).toContainText(`1 of ${TOUR_STOPS}`)
  await expect(tour.getByRole('button', { name: 'Next' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(tour).toContainText(`2 of ${TOUR_STOPS}`)
  await expect(tour.getByRole('button', { name: 'Next' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(tour).toContainText(`3 of ${TOUR_STOPS}`)
  await expectAccessible(page, 'tour stop 3 (dark)')
  await screenshot(page, 'dark-first-run-tour')
  await page.keyboard.press('Escape')
  await expect(tour).toHaveCount(0)

  await page.reload()
  await app.ready()
  await expectNoOnboarding(page)
})

test('a pending recovery is offered before the welcome', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return
    sessionStorage.setItem('seeded', '1')
    window.localStorage.setItem(
      'stackwright:autosave',
      JSON.stringify({
        content: 'apiVersion: stackwright.dev/v1\nkind: Design\nmetadata:\n  name: recovered\n',
        savedAt: '2025-01-01T12:00:00.000Z',
      }),
    )
  })
  await firstStart(page, 'light')
  await expect(page.getByTestId('recovery-dialog')).toBeVisible()
  await expect(page.getByTestId('welcome-dialog')).toHaveCount(0)
  await page.getByRole('button', { name: 'Discard it' }).click()
  await page.reload()
  await expect(page.getByTestId('welcome-dialog')).toBeVisible()
})
