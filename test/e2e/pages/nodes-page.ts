// Page object for the Nodes step: the pool cards, their fields, what each can run and the
// workloads that land on it.
import type { Locator, Page } from '@playwright/test'

export class NodesPage {
  constructor(readonly page: Page) {}

  /** The card of the pool at `index`. */
  pool(index: number): Locator {
    return this.page.getByTestId(`pool-${index}`)
  }

  /** The card of the pool named `name`. */
  poolNamed(name: string): Locator {
    return this.page
      .locator('[data-testid^="pool-"].pool-card')
      .filter({ has: this.page.getByRole('heading', { name: new RegExp(`^Pool ${name}\\b`) }) })
  }

  get pools(): Locator {
    return this.page.locator('.pool-card')
  }

  async addPool(kind: 'linux' | 'windows' | 'control-plane'): Promise<void> {
    await this.page.getByTestId(`add-pool-${kind}`).click()
  }

  /** The workloads listed on a pool card. */
  workloads(pool: Locator): Locator {
    return pool.locator('[data-testid$="-workloads"] li')
  }

  /** Ticks or unticks a sandbox the pool offers. */
  async setSandbox(pool: Locator, name: string, on: boolean): Promise<void> {
    await pool.getByRole('checkbox', { name, exact: true }).setChecked(on)
  }

  refused(pool: Locator): Locator {
    return pool.locator('[data-testid$="-refused"]')
  }

  violations(pool: Locator): Locator {
    return pool.locator('[data-testid$="-violations"]')
  }

  get unplaced(): Locator {
    return this.page.getByTestId('unplaced')
  }
}
