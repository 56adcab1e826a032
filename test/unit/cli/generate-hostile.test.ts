// `stackwright generate` with hostile designs never writes outside --out: every file it writes is
// listed, inside the folder, a regular file; a planted symbolic link cannot lead it out; nothing else
// on disk changes; and no payload makes the process print warnings.
import { spawnSync } from 'node:child_process'
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { run } from '../../../cli/program'
import type { CliIo } from '../../../cli/io/types'
import { catalog } from '../../../shared/catalog/index'
import { generateAll } from '../../../shared/generate/index'
import { serializeDesign } from '../../../shared/model/index'
import type { Design } from '../../../shared/model/schema'
import { loadExample } from '../../support/designs'
import { FAMILY_EXAMPLES, MARKER, hostileDesign } from '../../support/hostile-designs'

/** A design file name a user could really have, with characters a shell or URL treats specially. */
const FILE_NAME = "pwn <x> 'q' #1 & $(id) ;.stackwright.yaml"

interface Sandbox {
  /** Everything the test creates lives here; nothing outside `out` may change. */
  readonly root: string
  /** The command's working folder, holding the design file. */
  readonly cwd: string
  /** A sibling folder with a canary file: a write escaping `out` would most likely land near it. */
  readonly outside: string
}

let box: Sandbox
beforeEach(() => {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stackwright-hostile-')))
  const cwd = path.join(root, 'work')
  const outside = path.join(root, 'outside')
  mkdirSync(cwd)
  mkdirSync(outside)
  writeFileSync(path.join(outside, 'canary.txt'), 'untouched')
  box = { root, cwd, outside }
})
afterEach(() => rmSync(box.root, { recursive: true, force: true }))

/** Every entry under `dir` (files, folders, links) with what identifies its state. */
function snapshot(dir: string, skip?: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name)
      if (full === skip) continue
      const s = lstatSync(full)
      // A folder's own size and time change when an entry is added; the entries themselves are listed.
      out.set(
        full,
        s.isDirectory() ? 'dir' : `${s.isSymbolicLink() ? 'link' : 'file'}:${s.size}:${s.mtimeMs}`,
      )
      if (e.isDirectory()) walk(full)
    }
  }
  walk(dir)
  return out
}

/** Every regular file under `dir`, as absolute real paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => realpathSync(path.join(e.parentPath, e.name)))
    .sort()
}

function capture(cwd: string): { io: CliIo; stdout: () => string; stderr: () => string } {
  let out = ''
  let err = ''
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      cwd,
      env: {},
    },
    stdout: () => out,
    stderr: () => err,
  }
}

/** Runs the CLI in-process and collects any process warning it raises meanwhile. */
async function stackwright(argv: string[]) {
  const io = capture(box.cwd)
  const warnings: Error[] = []
  const onWarning = (w: Error) => warnings.push(w)
  process.on('warning', onWarning)
  try {
    const code = await run(argv, io.io)
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve))
    return { code, stdout: io.stdout(), stderr: io.stderr(), warnings }
  } finally {
    process.off('warning', onWarning)
  }
}

function writeDesign(design: Design): string {
  writeFileSync(path.join(box.cwd, FILE_NAME), serializeDesign(design, 'yaml'))
  return FILE_NAME
}

/** The paths the CLI says it wrote, resolved against its working folder. */
function reportedWrites(stdout: string): string[] {
  return [...stdout.matchAll(/^wrote (.+?) {2}\(/gm)].map((m) => path.resolve(box.cwd, m[1] ?? ''))
}

describe.each(FAMILY_EXAMPLES)('generate with the hostile %s design', (family, example) => {
  it('writes exactly the generated files, all inside --out, and nothing else anywhere', async () => {
    const design = hostileDesign(example)
    const file = writeDesign(design)
    const before = snapshot(box.root)
    const r = await stackwright(['generate', file, '--out', 'out'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.warnings.map((w) => w.message)).toEqual([])

    const out = path.join(box.cwd, 'out')
    const written = filesUnder(out)
    const expected = generateAll(design, catalog, { designFileName: file })
    expect(written).toHaveLength(expected.length)
    expect(written).toEqual(expected.map((a) => path.join(out, a.path)).sort())
    expect(reportedWrites(r.stdout).sort()).toEqual(written)
    for (const w of written) {
      expect(w.startsWith(out + path.sep), w).toBe(true)
      expect(lstatSync(w).isFile()).toBe(true)
      expect(path.relative(out, w).split(path.sep)).not.toContain('..')
    }
    for (const a of expected) expect(readFileSync(path.join(out, a.path), 'utf8')).toBe(a.content)
    expect(expected.some((a) => a.path.startsWith(`${family}/`))).toBe(true)
    expect(expected.some((a) => a.content.includes(MARKER))).toBe(true)

    // Outside `out`, the sandbox is exactly as it was: same entries, sizes and times.
    expect(snapshot(box.root, out)).toEqual(new Map([...before].filter(([p]) => p !== out)))
  })
})

describe('a planted symbolic link in --out cannot lead generate outside it', () => {
  const design = () => hostileDesign('payments-eks.stackwright.yaml')

  it('refuses a folder link, even with --force, and writes nothing outside', async () => {
    const file = writeDesign(design())
    const out = path.join(box.cwd, 'out')
    mkdirSync(out)
    symlinkSync(box.outside, path.join(out, 'kubernetes'), 'dir')
    const before = snapshot(box.outside)
    const r = await stackwright(['generate', file, '--out', 'out', '--force'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/refusing to replace out: kubernetes is a symbolic link/)
    expect(snapshot(box.outside)).toEqual(before)
    expect(readFileSync(path.join(box.outside, 'canary.txt'), 'utf8')).toBe('untouched')
  })

  it('refuses a file link, even with --force, and leaves its target alone', async () => {
    const file = writeDesign(design())
    const out = path.join(box.cwd, 'out')
    mkdirSync(out)
    symlinkSync(path.join(box.outside, 'canary.txt'), path.join(out, 'design.md'))
    const r = await stackwright(['generate', file, '--out', 'out', '--force'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/refusing to replace out: design\.md is a symbolic link/)
    expect(readFileSync(path.join(box.outside, 'canary.txt'), 'utf8')).toBe('untouched')
    expect(statSync(path.join(box.outside, 'canary.txt')).size).toBe('untouched'.length)
  })
})

describe('names Windows reserves for devices', () => {
  it('become ordinary file names under --out', async () => {
    const base = loadExample('small-team-ecs.stackwright.yaml')
    const names = new Map(base.workloads.map((w, i) => [w.name, ['con', 'nul', 'aux'][i % 3]!]))
    const rename = (n: string) => names.get(n) ?? n
    const file = writeDesign({
      ...base,
      metadata: { ...base.metadata, name: 'prn' },
      workloads: base.workloads.map((w) => ({
        ...w,
        name: rename(w.name),
        talksTo: w.talksTo.map(rename),
        observes: w.observes.map(rename),
      })),
    })
    const r = await stackwright(['generate', file, '--out', 'out'])
    expect(r.code).toBe(0)
    const written = filesUnder(path.join(box.cwd, 'out')).map((f) => path.basename(f))
    expect(written).toContain('con_.json')
    for (const name of written) expect(name.split('.')[0]).not.toMatch(/^(con|nul|aux|prn)$/)
  })
})

describe('the real executable', () => {
  it('generates the hostile design into --out with nothing on stderr', () => {
    const design = hostileDesign('windows-swarm.stackwright.yaml')
    const file = writeDesign(design)
    const before = snapshot(box.root)
    const result = spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      [path.resolve('cli/main.ts'), 'generate', file, '--out', 'out'],
      { cwd: box.cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 },
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const out = path.join(box.cwd, 'out')
    const written = filesUnder(out)
    expect(written.length).toBe(generateAll(design, catalog).length)
    expect(written.every((w) => w.startsWith(out + path.sep))).toBe(true)
    expect(snapshot(box.root, out)).toEqual(new Map([...before].filter(([p]) => p !== out)))
  }, 60_000)
})
