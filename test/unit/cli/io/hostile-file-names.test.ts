// File names that try to drive the terminal (ESC ... BEL sets the window title) or reorder what it
// shows (U+202E) reach stderr through the real executable only as visible escapes: `\x1b`, `\x07`,
// `\u202e`, never as the raw bytes.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXAMPLES_DIR } from '../../../support/designs'
import { runCli } from './cli-process'
import type { CliOutcome } from './cli-process'

const HOSTILE = 'a\x1b]0;pwn\x07b\u202e.yaml'
const SHOWN = 'a\\x1b]0;pwn\\x07b\\u202e.yaml'
// The raw bytes that must never reach the terminal: ESC, BEL and U+202E in UTF-8.
const RAW = [Buffer.from([0x1b]), Buffer.from([0x07]), Buffer.from('\u202e', 'utf8')]

let cwd: string
beforeAll(() => {
  cwd = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'stackwright-names-')))
})
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

function expectNoRawControls(outcome: CliOutcome): void {
  for (const bytes of [outcome.stdout, outcome.stderr])
    for (const raw of RAW) expect(bytes.includes(raw), `raw ${raw.toString('hex')}`).toBe(false)
}

// Concurrent: the runs are child processes, mostly waiting on their start-up.
describe.concurrent('hostile design file names through the real executable', () => {
  it('a missing file: exit 2, the name escaped', async () => {
    const outcome = await runCli(['generate', `missing-${HOSTILE}`, '--out', 'out'], cwd)
    expect(outcome.code).toBe(2)
    expect(outcome.stdout.toString()).toBe('')
    expect(outcome.stderr.toString()).toBe(
      `stackwright: cannot read missing-${SHOWN}: no such file or directory\n`,
    )
    expectNoRawControls(outcome)
  }, 60_000)

  it('a folder with the name: exit 2 (unreadable), the name escaped', async () => {
    mkdirSync(path.join(cwd, `dir-${HOSTILE}`))
    const outcome = await runCli(['validate', `dir-${HOSTILE}`], cwd)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr.toString()).toBe(
      `stackwright: cannot read dir-${SHOWN}: is a directory\n`,
    )
    expectNoRawControls(outcome)
  }, 60_000)

  it('a file that does not parse: exit 1 (an invalid design), every mention escaped', async () => {
    writeFileSync(path.join(cwd, HOSTILE), 'apiVersion: [unclosed\n')
    const outcome = await runCli(['generate', HOSTILE, '--out', 'out'], cwd)
    expect(outcome.code).toBe(1)
    const lines = outcome.stderr.toString().trimEnd().split('\n')
    expect(lines[0]).toMatch(new RegExp(`^${escapeRegExp(SHOWN)}:2:1: invalid YAML: `))
    expect(lines.at(-1)).toBe(`stackwright: ${SHOWN} is not a valid design (1 error)`)
    expectNoRawControls(outcome)
  }, 60_000)

  it('an --out that is a file with the name: exit 2, the name escaped', async () => {
    writeFileSync(path.join(cwd, `out-${HOSTILE}`), 'not a folder')
    const example = path.join(EXAMPLES_DIR, 'small-team-ecs.stackwright.yaml')
    const outcome = await runCli(['generate', example, '--out', `out-${HOSTILE}`], cwd)
    expect(outcome.code).toBe(2)
    expect(outcome.stderr.toString()).toBe(
      `stackwright: out-${SHOWN} is not a folder; out-${SHOWN} was left as it was\n`,
    )
    expectNoRawControls(outcome)
  }, 60_000)
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
