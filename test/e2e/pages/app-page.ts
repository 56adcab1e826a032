// Page object for the app frame: loading, the step rail, the header's file actions and the live panel.
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export const STEP_IDS = [
  'context',
  'workloads',
  'orchestrator',
  'nodes',
  'runtime',
  'os',
  'plugins',
  'isolation',
  'review',
  'export',
] as const
export type StepId = (typeof STEP_IDS)[number]

/** Marks the welcome and the tour as seen, so specs about other things start on the wizard. */
export async function skipOnboarding(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.localStorage.setItem('stackwright:welcome-seen', '1')
    window.localStorage.setItem('stackwright:tour-done', '1')
  })
}

export class AppPage {
  constructor(readonly page: Page) {}

  /** Opens the app (onboarding already done) and waits until the first evaluation is on screen. */
  async open(): Promise<void> {
    await skipOnboarding(this.page)
    await this.page.goto('./')
    await this.ready()
  }

  /** Waits for the app-ready marker. */
  async ready(): Promise<void> {
    await expect(this.page.locator('html[data-app-state="ready"]')).toBeAttached()
  }

  /** Goes to a step through the rail; on a change of step its heading takes focus. */
  async goTo(step: StepId): Promise<void> {
    const button = this.page.getByTestId(`step-${step}`)
    const already = (await button.getAttribute('aria-current')) === 'step'
    await button.click()
    await expect(this.page.getByTestId(`step-view-${step}`)).toBeVisible()
    if (!already) await expect(this.page.getByRole('heading', { level: 1 })).toBeFocused()
  }

  get overallScore(): Locator {
    return this.page.getByTestId('overall-score')
  }

  /** The overall score as a number. */
  async overall(): Promise<number> {
    return Number(await this.page.locator('.overall-number').textContent())
  }

  /** A criterion's score as a number. */
  async criterion(name: string): Promise<number> {
    return Number(
      await this.page.getByTestId(`criterion-${name}`).locator('.criterion-value').textContent(),
    )
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' })
  }

  get designName(): Locator {
    return this.page.getByTestId('design-name')
  }

  get notice(): Locator {
    return this.page.getByTestId('notice')
  }
}
