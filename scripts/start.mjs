#!/usr/bin/env node
// `npm start`: builds the renderer and the Electron bundles, then launches the desktop app. Where
// the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, CI, containers), it serves
// the same built renderer as the browser edition with `vite preview` instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const port = process.env.PORT ?? '4173'
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

function step(args) {
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`\`npm ${args.join(' ')}\` failed.`)
    process.exit(result.status ?? 1)
  }
}

/**
 * The path `require('electron')` would return, or undefined when that binary does not exist.
 * Resolved the way node_modules/electron/index.js does, but without requiring it: that module
 * starts a download when the binary is missing, which must not happen on an offline machine.
 */
function electronBinary() {
  let dir
  try {
    dir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  } catch {
    return undefined
  }
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const relative = readFileSync(pathFile, 'utf8')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override ? join(override, relative || 'electron') : join(dir, 'dist', relative)
  return existsSync(binary) ? binary : undefined
}

/** Runs a long-lived child, passing Ctrl+C through and exiting with its code. */
function supervise(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

step(['run', 'build:renderer'])
if (existsSync(join(root, 'scripts', 'build-electron.mjs'))) step(['run', 'build:electron'])

const electron = electronBinary()
if (electron) {
  supervise(electron, ['.'])
} else {
  console.log(
    `Electron binary not available here — starting the browser edition at http://localhost:${port}`,
  )
  supervise(npx, ['vite', 'preview', '--port', port, '--strictPort'])
}
