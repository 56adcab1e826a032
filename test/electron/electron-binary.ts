// Finds the Electron executable without require('electron'), which would try to download it.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** The Electron binary installed by the `electron` package, or null when it was not downloaded. */
export function electronBinaryPath(
  packageDir = path.resolve('node_modules/electron'),
): string | null {
  let relative: string | undefined
  try {
    relative = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim()
  } catch {
    relative = undefined
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const candidate =
    override !== undefined && override !== ''
      ? path.join(override, relative ?? 'electron')
      : relative === undefined
        ? null
        : path.join(packageDir, 'dist', relative)
  return candidate !== null && existsSync(candidate) ? candidate : null
}

/** True when the smoke test can launch Electron here. */
export function hasElectronBinary(): boolean {
  return electronBinaryPath() !== null
}
