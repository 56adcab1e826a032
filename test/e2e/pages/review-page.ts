// Page object for the Review step: diagram, recommendations, compare and the risk register.
import type { Locator, Page } from '@playwright/test'

export class ReviewPage {
  constructor(readonly page: Page) {}

  get diagram(): Locator {
    return this.page.getByTestId('architecture-diagram').locator('.diagram svg')
  }

  recommendation(rank: number): Locator {
    return this.page.getByTestId(`recommendation-${rank}`)
  }

  async compare(rank: number): Promise<void> {
    await this.recommendation(rank).getByRole('checkbox', { name: 'Compare' }).check()
  }

  get compareTable(): Locator {
    return this.page.getByTestId('compare-table')
  }

  /** The stack of a compare column (0 is the current stack); `data-stack` holds its key. */
  comparedStack(column: number): Locator {
    return this.compareTable
      .locator('thead th')
      .nth(column + 1)
      .locator('.compare-stack')
  }

  async adoptCompared(column: number): Promise<void> {
    await this.page.getByTestId(`adopt-compared-${column}`).click()
  }

  risk(id: string): Locator {
    return this.page.getByTestId(`risk-${id}`)
  }

  /** The id of the first finding in the register. */
  async firstRiskId(): Promise<string> {
    const testId = await this.page
      .getByTestId('risk-register')
      .locator('li')
      .first()
      .getAttribute('data-testid')
    return (testId ?? '').replace(/^risk-/, '')
  }

  async treat(id: string, treatment: string, note: string): Promise<void> {
    await this.page.getByTestId(`treatment-${id}`).selectOption(treatment)
    await this.page.getByTestId(`note-${id}`).fill(note)
  }
}
