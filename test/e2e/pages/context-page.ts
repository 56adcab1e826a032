// Page object for the Context step.
import type { Page } from '@playwright/test'

export class ContextPage {
  constructor(readonly page: Page) {}

  async setName(name: string): Promise<void> {
    await this.page.getByLabel('Name', { exact: true }).fill(name)
  }

  async setTitle(title: string): Promise<void> {
    await this.page.getByLabel('Title', { exact: true }).fill(title)
  }

  async setCloud(label: string): Promise<void> {
    await this.page.getByTestId('cloud').getByLabel(label, { exact: true }).check()
  }

  async check(label: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: label }).check()
  }

  async setPriority(key: string, value: number): Promise<void> {
    await this.page.getByTestId(`priority-${key}`).fill(String(value))
  }
}
