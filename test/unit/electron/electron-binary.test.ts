import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { electronBinaryPath } from '../../electron/electron-binary'
import { tempDir } from './helpers'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('electronBinaryPath (decides whether the smoke test runs)', () => {
  it('is null when the binary was never downloaded', async () => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '')
    expect(electronBinaryPath(await tempDir())).toBeNull()
  })

  it('is null when path.txt names a file that is missing', async () => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '')
    const pkg = await tempDir()
    await writeFile(path.join(pkg, 'path.txt'), 'electron')
    expect(electronBinaryPath(pkg)).toBeNull()
  })

  it('finds the downloaded binary, or the one ELECTRON_OVERRIDE_DIST_PATH points to', async () => {
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', '')
    const pkg = await tempDir()
    await writeFile(path.join(pkg, 'path.txt'), 'electron')
    await mkdir(path.join(pkg, 'dist'))
    await writeFile(path.join(pkg, 'dist', 'electron'), '')
    expect(electronBinaryPath(pkg)).toBe(path.join(pkg, 'dist', 'electron'))
    const elsewhere = await tempDir()
    await writeFile(path.join(elsewhere, 'electron'), '')
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', elsewhere)
    expect(electronBinaryPath(pkg)).toBe(path.join(elsewhere, 'electron'))
  })
})
