// The package as a user gets it: `npm pack` (whose prepack builds dist/cli), the tarball installed into
// an empty prefix with no network, then the installed `stackwright` run outside the repository.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const version = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
// CI sets this; the installed CLI must not need Electron at all, so it must not matter here either.
const env = { ...process.env, NO_COLOR: '1', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }

let temp: string
let bin: string
let work: string

beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'stackwright-pack-'))
  const packOut = execFileSync(
    NPM,
    ['pack', '--json', '--pack-destination', temp, '--loglevel', 'error'],
    { cwd: ROOT, env, encoding: 'utf8' },
  )
  // prepack's build log precedes the JSON on stdout.
  const [packed] = JSON.parse(packOut.slice(packOut.indexOf('['))) as { filename: string }[]
  if (packed === undefined) throw new Error('npm pack printed no tarball')
  const { filename } = packed
  const prefix = path.join(temp, 'prefix')
  execFileSync(
    NPM,
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--loglevel',
      'error',
      '--prefix',
      prefix,
      path.join(temp, filename),
    ],
    { cwd: temp, env, encoding: 'utf8' },
  )
  bin = path.join(prefix, 'node_modules', '.bin', 'stackwright')
  work = path.join(temp, 'work')
  execFileSync('mkdir', [work])
}, 180_000)

afterAll(() => {
  if (temp !== undefined) rmSync(temp, { recursive: true, force: true })
})

function stackwright(...args: string[]) {
  const r = spawnSync(bin, args, { cwd: work, env, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('the packed and installed CLI', () => {
  it('installs alone: no runtime dependencies, no Electron', () => {
    expect(readdirSync(path.join(temp, 'prefix', 'node_modules')).sort()).toEqual([
      '.bin',
      '.package-lock.json',
      'stackwright',
    ])
  })

  it('loads the document path (elkjs, beautiful-mermaid) only through a dynamic import', () => {
    const dist = path.join(temp, 'prefix', 'node_modules', 'stackwright', 'dist', 'cli')
    // Files the entry loads at start: itself and its static imports, transitively.
    const eager = new Set<string>()
    const visit = (file: string) => {
      if (eager.has(file)) return
      eager.add(file)
      const code = readFileSync(path.join(dist, file), 'utf8')
      for (const m of code.matchAll(
        /(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g,
      ))
        if (m[1] !== undefined) visit(m[1])
    }
    visit('stackwright.mjs')
    expect(eager.size).toBeGreaterThan(1)
    const all = readdirSync(dist).filter((f) => f.endsWith('.mjs'))
    const lazy = all.filter((f) => !eager.has(f))
    const holds = (files: string[], marker: string) =>
      files.some((f) => readFileSync(path.join(dist, f), 'utf8').includes(marker))
    expect(holds(lazy, 'org.eclipse.elk')).toBe(true)
    expect(holds([...eager], 'org.eclipse.elk')).toBe(false)
    // Nothing in the package asks for Electron.
    expect(holds(all, 'require("electron")')).toBe(false)
    expect(holds(all, 'from"electron"')).toBe(false)
  })

  it('prints its version', () => {
    const r = stackwright('--version')
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` })
  })

  it('starts a design from a shipped example, validates, evaluates and generates it', () => {
    const file = 'design.stackwright.yaml'
    expect(stackwright('init', file, '--example', 'payments-eks').code).toBe(0)
    const valid = stackwright('validate', file)
    expect(valid).toMatchObject({ code: 0, stderr: '' })
    expect(valid.stdout).toMatch(/valid \(design payments-platform/)
    const evaluated = stackwright('evaluate', file, '--format', 'json')
    expect(evaluated.code).toBe(0)
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ design: 'payments-platform', valid: true })
    const generated = stackwright('generate', file, '--out', 'out')
    expect(generated).toMatchObject({ code: 0, stderr: '' })
    const written = readdirSync(path.join(work, 'out')).sort()
    expect(written).toEqual(expect.arrayContaining(['design.html', 'design.md', 'kubernetes']))
    expect(readFileSync(path.join(work, 'out', 'design.html'), 'utf8')).toContain('<svg')
  })
})
