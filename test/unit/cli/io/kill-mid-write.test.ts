// `stackwright generate` killed with SIGKILL while it writes: --out never holds a partial output (it is
// missing, or still the earlier output with --force), and the next run succeeds, writes the complete
// output and removes what the killed run left beside --out.
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { generateAll } from '../../../../shared/generate/index'
import type { Artifact } from '../../../../shared/generate/types'
import { serializeDesign } from '../../../../shared/model/index'
import { EXAMPLES_DIR } from '../../../support/designs'
import { largeDesign } from '../../../bench/large-design'
import { run } from '../../../../cli/program'
import { runCli, startCli } from './cli-process'
import type { CliOutcome } from './cli-process'

const DESIGN = 'large.stackwright.yaml'
// Manifests only: the document's diagrams of 1,000 workloads would double the run time and add
// nothing here. 1,000 workloads give over 1,000 files, a write of 100 ms or more: a 2 ms poll
// catches it on a loaded machine, and the whole file stays under 20 s there.
const TARGETS = ['--targets', 'kubernetes']
const STAGING = /^\.out\.stackwright-staging-\d+-[0-9a-f]{12}$/
const LEFTOVER = /^\.out\.stackwright-/

let root: string
let expected: Artifact[]
beforeAll(() => {
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stackwright-kill-')))
  const design = largeDesign(1000, 20)
  writeFileSync(path.join(root, DESIGN), serializeDesign(design, 'yaml'))
  expected = generateAll(design, catalog, { targets: ['kubernetes'], designFileName: DESIGN })
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A fresh folder to run in; `out` is written inside it. */
function workdir(name: string): string {
  const dir = path.join(root, name)
  mkdirSync(dir)
  return dir
}

/** Every file below `dir` with its content, relative with '/' separators. */
function files(dir: string): Map<string, string> {
  const result = new Map<string, string>()
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(e.parentPath, e.name)
    if (lstatSync(full).isFile())
      result.set(path.relative(dir, full).split(path.sep).join('/'), readFileSync(full, 'utf8'))
  }
  return result
}

/**
 * Starts generate into `cwd/out`, polls `cwd` until the staging folder appears, then SIGKILLs the
 * process: it is mid-write, with files staged and --out not yet swapped.
 */
async function killWhileStaging(cwd: string, extra: readonly string[]): Promise<CliOutcome> {
  const run = startCli(
    ['generate', path.join(root, DESIGN), '--out', 'out', ...TARGETS, ...extra],
    cwd,
  )
  let exited = false
  void run.done.then(() => (exited = true))
  while (!exited && !readdirSync(cwd).some((e) => STAGING.test(e)))
    await new Promise((resolve) => setTimeout(resolve, 2))
  run.child.kill('SIGKILL')
  return run.done
}

function expectCompleteOutput(cwd: string, outcome: CliOutcome): void {
  expect(outcome.stderr.toString()).toBe('')
  expect(outcome.code).toBe(0)
  expect(outcome.stdout.toString()).toMatch(
    new RegExp(`^${expected.length} files written to out$`, 'm'),
  )
  const written = files(path.join(cwd, 'out'))
  expect([...written.keys()].sort()).toEqual(expected.map((a) => a.path).sort())
  for (const a of expected) expect(written.get(a.path), a.path).toBe(a.content)
  // Nothing is left beside --out: the killed run's staging folder was removed.
  expect(readdirSync(cwd).filter((e) => LEFTOVER.test(e))).toEqual([])
}

// Concurrent: each test waits mostly on its own child process.
describe.concurrent('generate killed with SIGKILL mid-write', () => {
  it('leaves no --out at all, and the next run writes it whole and cleans up', async () => {
    const cwd = workdir('fresh')
    const killed = await killWhileStaging(cwd, [])
    expect(killed.signal).toBe('SIGKILL')
    const entries = readdirSync(cwd)
    expect(entries).not.toContain('out')
    expect(entries.filter((e) => STAGING.test(e))).toHaveLength(1)

    const rerun = await runCli(
      ['generate', path.join(root, DESIGN), '--out', 'out', ...TARGETS],
      cwd,
    )
    expectCompleteOutput(cwd, rerun)
  }, 60_000)

  it('with --force, leaves the earlier output exactly as it was', async () => {
    const cwd = workdir('force')
    // The earlier output, written in-process by the same command (a child would cost a start-up).
    const example = path.join(EXAMPLES_DIR, 'payments-eks.stackwright.yaml')
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd, env: {} }
    expect(await run(['generate', example, '--out', 'out'], io)).toBe(0)
    const before = files(path.join(cwd, 'out'))
    expect(before.size).toBeGreaterThan(5)

    const killed = await killWhileStaging(cwd, ['--force'])
    expect(killed.signal).toBe('SIGKILL')
    expect(files(path.join(cwd, 'out'))).toEqual(before)
    expect(readdirSync(cwd).filter((e) => STAGING.test(e))).toHaveLength(1)
  }, 60_000)
})
