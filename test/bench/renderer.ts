// Renderer benchmark: the built browser edition in headless Debian Chromium (playwright-core).
//
// - navigation to app-ready: the `app-ready` mark (set where the renderer sets data-app-state="ready")
//   on fresh contexts, so every load starts with an empty cache;
// - a choice change to the new score on screen: a capturing click listener marks `choice-start`;
//   the live panel marks `score-updated` in a layout effect, which is after the DOM commit but
//   before paint, so the figure runs to the end of the frame after it: the next
//   requestAnimationFrame, then a user-blocking task posted from it, which runs once that frame's
//   paint is done and ahead of React's own tasks (a MessageChannel message would queue behind the
//   deferred render of the option cards, which the design puts after the score's frame);
// - initial JavaScript gzip size, as scripts/check-bundle-size.mjs computes it.
// In-page code is passed as strings: the node tsconfig has no DOM types.
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { AppPage } from '../e2e/pages/app-page'
import { OptionsPage } from '../e2e/pages/options-page'
import { median, quantile } from './measure'
import type { Timing } from './measure'

export interface RendererBudgets {
  readonly appReadyMs: number
  readonly choiceToScoreMs: number
  readonly initialJsKbGzip: number
}

export interface RendererRow {
  readonly name: string
  readonly timing: Timing
  readonly budget?: number
  readonly note?: string
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const EXAMPLE = fileURLToPath(
  new URL('../../assets/examples/payments-eks.stackwright.yaml', import.meta.url),
)
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
const LOADS = 15
const CHANGES = 50
const WARMUP_CHANGES = 5

// Records the click that starts a change, then the frame after the `score-updated` mark.
const CHOICE_PROBE = `
  window.__bench = { start: null, mark: null, raf: null, paint: null }
  addEventListener('click', () => {
    const b = window.__bench
    if (b.start !== null) return
    b.start = performance.now()
    performance.mark('choice-start')
  }, true)
  const mark = performance.mark.bind(performance)
  performance.mark = (name, options) => {
    const entry = mark(name, options)
    const b = window.__bench
    if (name === 'score-updated' && b.start !== null && b.mark === null) {
      b.mark = entry.startTime
      requestAnimationFrame(() => {
        b.raf = performance.now()
        const done = () => { b.paint = performance.now() }
        if (window.scheduler?.postTask) scheduler.postTask(done, { priority: 'user-blocking' })
        else setTimeout(done, 0)
      })
    }
    return entry
  }
`

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  return { median: median(sorted), p95: quantile(sorted, 0.95), iterations: sorted.length }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Resolves once vite preview prints the address it listens on (no polling), or fails on exit/timeout. */
function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      reject(new Error(`vite preview did not announce ${url} within ${timeoutMs} ms`))
    }, timeoutMs)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(url.replace(/\/$/, ''))) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`vite preview exited with ${code}`))
    })
  })
}

async function appReadyTimes(browser: Browser, url: string): Promise<number[]> {
  const samples: number[] = []
  // One untimed load first: it warms the server and the OS file cache, not the browser.
  for (let i = 0; i <= LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await page.goto(url)
    await page.waitForSelector('html[data-app-state="ready"]', { state: 'attached' })
    const ready = (await page.evaluate(
      `performance.getEntriesByName('app-ready', 'mark')[0]?.startTime ?? null`,
    )) as number | null
    await context.close()
    if (ready === null) throw new Error('The renderer set no app-ready mark')
    if (i > 0) samples.push(ready)
  }
  return samples
}

async function openExample(page: Page, url: string): Promise<void> {
  const app = new AppPage(page)
  await page.goto(url)
  await app.ready()
  const chooser = page.waitForEvent('filechooser')
  await app.button('Open').click()
  await (await chooser).setFiles(EXAMPLE)
  await app.designName.filter({ hasText: 'Payments platform' }).waitFor()
  await app.notice.getByRole('button', { name: 'Dismiss message' }).click()
  await app.goTo('runtime')
}

interface Probe {
  readonly __bench: { readonly paint: number | null }
}

interface ChoiceSample {
  readonly toMark: number
  readonly toPaint: number
}

async function choiceTimes(browser: Browser, url: string): Promise<ChoiceSample[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.addInitScript(CHOICE_PROBE)
  await openExample(page, url)
  const options = new OptionsPage(page)
  const samples: ChoiceSample[] = []
  for (let i = 0; i < WARMUP_CHANGES + CHANGES; i++) {
    await page.evaluate(
      `Object.assign(window.__bench, { start: null, mark: null, raf: null, paint: null })`,
    )
    await options.pick('runtime', i % 2 === 0 ? 'kata' : 'containerd')
    // A function, not a string: the app's CSP forbids the eval a string predicate needs.
    await page.waitForFunction(() => (globalThis as unknown as Probe).__bench.paint !== null)
    const b = (await page.evaluate(`window.__bench`)) as {
      start: number
      mark: number
      paint: number
    }
    if (i >= WARMUP_CHANGES) samples.push({ toMark: b.mark - b.start, toPaint: b.paint - b.start })
  }
  await context.close()
  return samples
}

function initialJsKb(): number {
  const result = spawnSync(process.execPath, ['scripts/check-bundle-size.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  const match = /([\d.]+) KB gzip {2}initial JavaScript/.exec(result.stdout)
  if (!match?.[1]) throw new Error(`check-bundle-size printed no total: ${result.stderr}`)
  return Number(match[1])
}

/** Runs the renderer benchmark (building the renderer if there is no build) and returns its rows. */
export async function rendererBench(
  budgets: RendererBudgets,
  progress: (message: string) => void,
): Promise<RendererRow[]> {
  if (!existsSync(`${ROOT}dist/renderer/index.html`)) {
    progress('no dist/renderer: npm run build:renderer ...')
    const build = spawnSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('npm run build:renderer failed')
  }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    },
  )
  let browser: Browser | undefined
  try {
    await waitForServer(url, server, 60_000)
    progress(`vite preview on ${url} (pid ${server.pid})`)
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS })
    progress(`chromium ${browser.version()}`)
    const ready = await appReadyTimes(browser, url)
    progress(`app-ready over ${ready.length} fresh loads done`)
    const choices = await choiceTimes(browser, url)
    progress(`${choices.length} runtime changes done`)
    const kb = initialJsKb()
    return [
      {
        name: 'renderer: navigation to app-ready',
        timing: timing(ready),
        budget: budgets.appReadyMs,
      },
      {
        name: 'renderer: choice to score painted',
        timing: timing(choices.map((c) => c.toPaint)),
        budget: budgets.choiceToScoreMs,
        note: 'click to the frame after score-updated',
      },
      {
        name: 'renderer: choice to score-updated mark',
        timing: timing(choices.map((c) => c.toMark)),
        note: 'click to the commit, before paint',
      },
      {
        name: 'renderer: initial JS KB gzip',
        timing: { median: kb, p95: kb, iterations: 1 },
        budget: budgets.initialJsKbGzip,
        note: 'KB, not ms',
      },
    ]
  } finally {
    await browser?.close()
    // vite preview runs under npx: end its whole process group, which this script started.
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
  }
}
