// Page object for the option-card steps: Orchestrator, Runtime, Host OS, Plugins and Isolation.
import type { Locator, Page } from '@playwright/test'

export class OptionsPage {
  constructor(readonly page: Page) {}

  /** The card of an option, by its test id (e.g. `option-runtime-kata`). */
  card(dimension: string, id: string): Locator {
    return this.page.getByTestId(`option-${dimension}-${id}`)
  }

  /** The option's radio or checkbox. */
  input(dimension: string, id: string): Locator {
    return this.card(dimension, id).locator('input').first()
  }

  /** The overall delta the card promises before it is picked, as a number. */
  async promisedDelta(dimension: string, id: string): Promise<number> {
    const text = (await this.card(dimension, id).locator('.option-delta').textContent()) ?? ''
    const match = /([+−±])(\d+)/.exec(text)
    if (!match) throw new Error(`No delta on ${dimension} ${id}: ${text}`)
    return match[1] === '−' ? -Number(match[2]) : Number(match[2])
  }

  async pick(dimension: string, id: string): Promise<void> {
    await this.input(dimension, id).check()
  }
}
