// Page object for the Export step.
import { expect } from '@playwright/test'
import type { Download, Locator, Page } from '@playwright/test'

export class ExportPage {
  constructor(readonly page: Page) {}

  get files(): Locator {
    return this.page.getByTestId('file-list').getByRole('button')
  }

  get preview(): Locator {
    return this.page.getByTestId('code-view')
  }

  /** Downloads every generated file (a zip in the browser edition). */
  async downloadAll(): Promise<Download> {
    await expect(this.page.getByTestId('export-all')).toBeEnabled()
    const download = this.page.waitForEvent('download')
    await this.page.getByTestId('export-all').click()
    return download
  }
}
