import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers'

const run = promisify(execFile)

function requires(code: string): string[] {
  return [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].sort()
}

describe('scripts/build-electron.mjs', () => {
  it('bundles a preload that requires only electron, and a CommonJS main', async () => {
    const out = await tempDir()
    await run(process.execPath, ['scripts/build-electron.mjs', '--outdir', out])
    const preload = await readFile(path.join(out, 'preload.cjs'), 'utf8')
    // A sandboxed preload can require nothing else: everything else must be bundled in.
    expect(requires(preload)).toEqual(['electron'])
    expect(preload).toContain('exposeInMainWorld("stackwright"')
    const main = await readFile(path.join(out, 'main.cjs'), 'utf8')
    expect(requires(main)).toContain('electron')
    // shared/ and npm packages are bundled: only Node built-ins and electron stay external.
    const builtins = new Set((await import('node:module')).builtinModules)
    for (const id of requires(main)) {
      expect(id === 'electron' || builtins.has(id.replace(/^node:/, ''))).toBe(true)
    }
  }, 30_000)
})
