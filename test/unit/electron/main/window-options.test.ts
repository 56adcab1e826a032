import { describe, expect, it } from 'vitest'
import {
  LOCKED_DOWN,
  mainWindowOptions,
  pdfWindowOptions,
} from '../../../../electron/main/window-options'

const SECURE = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  webviewTag: false,
}

describe('window options', () => {
  it('locks down the main window and gives it only the preload', () => {
    const options = mainWindowOptions(
      { x: 1, y: 2, width: 900, height: 700, maximized: false },
      '/app/preload.cjs',
      'Stackwright',
      false,
    )
    expect(options.webPreferences).toMatchObject({
      ...SECURE,
      preload: '/app/preload.cjs',
      devTools: false,
    })
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(options).toMatchObject({ x: 1, y: 2, width: 900, height: 700, show: false })
  })

  it('lets the OS place a window without a remembered position', () => {
    const options = mainWindowOptions(
      { width: 900, height: 700, maximized: false },
      '/p',
      't',
      true,
    )
    expect(options).not.toHaveProperty('x')
    expect(options.webPreferences?.devTools).toBe(true)
  })

  it('prints PDFs with JavaScript off, sandboxed, without a preload, in its own session', () => {
    const options = pdfWindowOptions('print')
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({
      ...SECURE,
      javascript: false,
      partition: 'print',
      devTools: false,
    })
    expect(options.webPreferences).not.toHaveProperty('preload')
  })

  it('shares one secure baseline', () => {
    expect(LOCKED_DOWN).toMatchObject(SECURE)
  })
})
