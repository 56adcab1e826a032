// design.html of a hostile design, opened from disk in Chromium: no script runs, no dialog opens,
// nothing is fetched, and the DOM holds no script, handler or javascript: URL. Checked twice: as a
// user opens it (the document's own CSP applies) and with CSP bypassed, so the escaping alone must
// keep the payloads inert rather than the CSP catching what leaked through.
// Self-contained: needs no web server, only the Chromium that playwright.config.ts points at.
/// <reference types="node" />
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { catalog } from '../../shared/catalog/index'
import { generateAll } from '../../shared/generate/index'
import { FAMILY_EXAMPLES, MARKER, hostileDesign } from '../support/hostile-designs'

interface Observed {
  dialogs: string[]
  consoleErrors: string[]
  pageErrors: string[]
  requests: string[]
}

/** Starts recording what the page does that a document never should. */
function observe(page: Page): Observed {
  const seen: Observed = { dialogs: [], consoleErrors: [], pageErrors: [], requests: [] }
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (message.type() === 'error') seen.consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => seen.pageErrors.push(error.message))
  page.on('request', (request) => seen.requests.push(request.url()))
  return seen
}

/** Clicks every link and disclosure and hovers every element a handler could hang on. */
async function interact(page: Page): Promise<void> {
  for (const summary of await page.locator('summary').all()) await summary.click()
  const hrefs = new Set<string>()
  for (const link of await page.locator('a').all()) {
    const href = (await link.getAttribute('href')) ?? ''
    if (hrefs.has(href)) continue
    hrefs.add(href)
    await link.click()
  }
  for (const cell of (await page.locator('td, p, li, h1, svg text').all()).slice(0, 60))
    await cell.hover({ force: true }).catch(() => undefined)
}

function writeHostileHtml(example: string): { file: string; url: string } {
  const artifacts = generateAll(hostileDesign(example), catalog, { targets: ['doc'] })
  const html = artifacts.find((a) => a.path === 'design.html')?.content ?? ''
  expect(html).toContain(MARKER)
  const file = test.info().outputPath('design.html')
  writeFileSync(file, html)
  return { file, url: pathToFileURL(file).href }
}

for (const [family, example] of FAMILY_EXAMPLES) {
  for (const bypassCSP of [false, true]) {
    test.describe(`design.html of the hostile ${family} design${bypassCSP ? ', CSP bypassed' : ''}`, () => {
      test.use({ bypassCSP, javaScriptEnabled: true })

      test('runs no script, opens no dialog and fetches nothing', async ({ page }) => {
        const { url } = writeHostileHtml(example)
        const seen = observe(page)
        await page.goto(url, { waitUntil: 'load' })
        await page.waitForLoadState('networkidle')
        await interact(page)
        await page.waitForLoadState('networkidle')

        expect(seen.dialogs).toEqual([])
        expect(seen.pageErrors).toEqual([])
        expect(seen.consoleErrors).toEqual([])
        expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
        // The file itself, and nothing else: no image, style, frame or beacon.
        expect(seen.requests.filter((r) => r.split('#')[0] !== url)).toEqual([])
        expect(page.url().split('#')[0]).toBe(url)

        const dom = await page.evaluate(() => {
          const all = [...document.querySelectorAll('*')]
          return {
            scripts: document.querySelectorAll('script').length,
            frames: document.querySelectorAll('iframe, frame, object, embed, base, link').length,
            handlers: all.flatMap((el) =>
              [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
            ),
            jsUrls: all.flatMap((el) =>
              [...el.attributes]
                .filter((a) => /^\s*javascript:/i.test(a.value))
                .map((a) => `${el.tagName} ${a.name}`),
            ),
            metas: [...document.querySelectorAll('meta[http-equiv]')].map((m) =>
              (m.getAttribute('http-equiv') ?? '').toLowerCase(),
            ),
            payloadAsText: document.body.textContent?.includes('<script>window.__pwned=1</script>'),
          }
        })
        expect(dom.scripts).toBe(0)
        expect(dom.frames).toBe(0)
        expect(dom.handlers).toEqual([])
        expect(dom.jsUrls).toEqual([])
        expect(dom.metas).toEqual(['content-security-policy'])
        // The payload is still there, shown to the reader as text.
        expect(dom.payloadAsText).toBe(true)
      })
    })
  }
}

test('the checks catch a payload that was not escaped', async ({ browser }) => {
  // A control for the harness: the same payloads written raw must be seen running and fetching.
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  const file = test.info().outputPath('leaky.html')
  writeFileSync(
    file,
    '<!DOCTYPE html><title>leak</title><p>pwn</p><img src="x.png" onerror="window.__pwned=1">',
  )
  const seen = observe(page)
  const url = pathToFileURL(file).href
  await page.goto(url, { waitUntil: 'load' })
  await expect.poll(() => page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBe(1)
  expect(seen.requests.filter((r) => r !== url).length).toBeGreaterThan(0)
  await context.close()
})
