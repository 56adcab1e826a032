// End-to-end tests of the browser edition: the built renderer served by `vite preview`, driven by
// Debian's Chromium (Playwright's own browser download is not available here).
import { defineConfig } from '@playwright/test'

const PORT = 4181

export default defineConfig({
  testDir: 'test/e2e',
  // Playwright empties its output folder on every run; screenshots live beside it, not inside.
  outputDir: 'test-results/playwright',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // Serves the build the test command made; builds first only when there is none.
    command: `sh -c 'test -f dist/renderer/index.html || npm run build:renderer; npx vite preview --port ${PORT} --strictPort'`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
})
