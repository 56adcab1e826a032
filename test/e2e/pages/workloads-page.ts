// Page object for the Workloads step: the list, the editor and the flows.
import { expect } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'

export interface WorkloadInput {
  readonly name: string
  readonly image: string
  readonly ports: string
  readonly exposure?: 'Public' | 'Internal' | 'None'
  readonly talksTo?: readonly string[]
}

export class WorkloadsPage {
  constructor(readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByTestId('workload-editor')
  }

  get flows(): Locator {
    return this.page.getByTestId('flow-list')
  }

  /** Adds a workload and fills its fields (flows are added once all workloads exist). */
  async add(w: WorkloadInput): Promise<void> {
    await this.page.getByTestId('add-workload').click()
    await this.editor.getByLabel('Name', { exact: true }).fill(w.name)
    await this.editor.getByLabel('Image', { exact: true }).fill(w.image)
    await this.editor.getByLabel('Ports').fill(w.ports)
    if (w.exposure) await this.editor.getByLabel(w.exposure, { exact: true }).check()
  }

  /** Opens a workload in the editor by its row. */
  async select(name: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${name}\\b`) }).click()
    await expect(this.editor.getByLabel('Name', { exact: true })).toHaveValue(name)
  }

  /** Adds a "talks to" flow from the open workload. */
  async addTalksTo(target: string): Promise<void> {
    const field = this.page.getByTestId('workload-talks-to')
    await field.getByRole('combobox', { name: 'Talks to' }).selectOption(target)
    await field.getByRole('button', { name: 'Add to Talks to' }).click()
  }
}
