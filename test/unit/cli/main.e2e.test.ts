// End to end: the real executable in a child process, as CI would run it.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXAMPLES_DIR } from '../../support/designs'

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

function stackwright(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('stackwright executable', () => {
  it('prints its version', () => {
    const r = stackwright('--version')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`${version}\n`)
  }, 60_000)

  it('prints clean JSON from evaluate and gates with --fail-on', () => {
    const file = path.join(EXAMPLES_DIR, 'payments-eks.stackwright.yaml')
    const ok = stackwright('evaluate', file, '--format', 'json')
    expect(ok.code).toBe(0)
    const evaluation = JSON.parse(ok.stdout) as { design: string; valid: boolean }
    expect(evaluation.design).toBe('payments-platform')
    expect(evaluation.valid).toBe(true)
    const gated = stackwright('evaluate', file, '--format', 'json', '--fail-on', 'high')
    expect(gated.code).toBe(1)
    expect(JSON.parse(gated.stdout)).toEqual(evaluation)
    expect(gated.stderr).toMatch(/--fail-on high/)
  }, 60_000)

  it('exits 2 on usage errors', () => {
    const r = stackwright('evaluate', 'no-such-file.yaml')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  }, 60_000)
})
