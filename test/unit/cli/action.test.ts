// The GitHub Action's step (scripts/action-evaluate.mjs) run locally, as action.yml runs it, on a
// workspace outside the repository; and the two hook files' wiring.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Log } from 'sarif'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXAMPLES_DIR } from '../../support/designs'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const SCRIPT = path.join(ROOT, 'scripts/action-evaluate.mjs')
// payments-eks has an open high finding (RISK-AUDIT-OFF); gke-autopilot has none.
const PASSING = 'gke-autopilot.stackwright.yaml'
const FAILING = 'payments-eks.stackwright.yaml'

let temp: string
let cli: string

beforeAll(() => {
  temp = mkdtempSync(path.join(tmpdir(), 'stackwright-action-'))
  execFileSync(process.execPath, [
    path.join(ROOT, 'scripts/build-cli.mjs'),
    '--outdir',
    path.join(temp, 'dist'),
  ])
  cli = path.join(temp, 'dist', 'stackwright.mjs')
}, 60_000)
afterAll(() => rmSync(temp, { recursive: true, force: true }))

/** A fresh workspace holding the given examples under designs/ (and a decoy in node_modules). */
function workspace(name: string, examples: readonly string[]): string {
  const dir = path.join(temp, name)
  mkdirSync(path.join(dir, 'designs'), { recursive: true })
  mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true })
  for (const e of examples) copyFileSync(path.join(EXAMPLES_DIR, e), path.join(dir, 'designs', e))
  copyFileSync(path.join(EXAMPLES_DIR, FAILING), path.join(dir, 'node_modules', 'x', FAILING))
  writeFileSync(path.join(dir, 'summary.md'), '')
  writeFileSync(path.join(dir, 'output.txt'), '')
  return dir
}

function runAction(dir: string, inputs: Record<string, string>) {
  const r = spawnSync(process.execPath, [SCRIPT], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...inputs,
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
      GITHUB_OUTPUT: path.join(dir, 'output.txt'),
      STACKWRIGHT_CLI: cli,
    },
    timeout: 60_000,
  })
  const outputs = Object.fromEntries(
    readFileSync(path.join(dir, 'output.txt'), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('=', 2) as [string, string]),
  )
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs }
}

describe('the action step', () => {
  it('passes a clean repository: summary, outputs and a SARIF log', () => {
    const dir = workspace('clean', [PASSING])
    const r = runAction(dir, {})
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ files: '1', failed: '0' })
    expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toMatch(
      /^<!-- stackwright:evaluate -->\n### Stackwright: /,
    )
    const log = JSON.parse(readFileSync(r.outputs['sarif-file'] ?? '', 'utf8')) as Log
    expect(log.runs).toHaveLength(1)
  }, 60_000)

  it('fails on an open high finding, merging every file into one SARIF run', () => {
    const dir = workspace('mixed', [PASSING, FAILING])
    const r = runAction(dir, { INPUT_FAIL_ON: 'high' })
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ files: '2', failed: '1' })
    expect(r.stderr).toContain(`::error file=designs/${FAILING}::`)
    const log = JSON.parse(readFileSync(path.join(dir, 'stackwright.sarif'), 'utf8')) as Log
    const run = log.runs[0]
    expect(log.runs).toHaveLength(1)
    const uris = run?.artifacts?.map((a) => a.location?.uri)
    expect(uris).toEqual([`designs/${PASSING}`, `designs/${FAILING}`])
    // Every result points at its own file and at its rule in the merged rule list.
    for (const result of run?.results ?? []) {
      const loc = result.locations?.[0]?.physicalLocation?.artifactLocation
      expect(uris?.[loc?.index ?? -1]).toBe(loc?.uri)
      expect(run?.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(result.ruleId)
    }
    expect(run?.results?.map((x) => x.ruleId)).toContain('RISK-AUDIT-OFF')
  }, 60_000)

  it('with fail-on none fails only on violations', () => {
    const r = runAction(workspace('lenient', [PASSING, FAILING]), { INPUT_FAIL_ON: 'none' })
    expect(r.code).toBe(0)
  }, 60_000)

  it('exits 2 on a bad threshold or when there is no design file', () => {
    expect(runAction(workspace('bad', [PASSING]), { INPUT_FAIL_ON: 'severe' }).code).toBe(2)
    const empty = runAction(workspace('empty', []), {})
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('no design files')
  }, 60_000)
})

describe('action.yml and .pre-commit-hooks.yaml', () => {
  it('the action runs the script with the bundled CLI and uploads its SARIF', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      runs: { using: string; steps: { run?: string; uses?: string; env?: object }[] }
    }
    expect(action.runs.using).toBe('composite')
    const steps = action.runs.steps
    expect(steps.some((s) => s.run?.includes('scripts/build-cli.mjs'))).toBe(true)
    expect(steps.some((s) => s.run?.includes('scripts/action-evaluate.mjs'))).toBe(true)
    expect(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true)
  })

  it('the hooks call the package bin on design files', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as {
      entry: string
      files: string
    }[]
    const bin = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        bin: Record<string, string>
      }
    ).bin
    for (const hook of hooks) {
      expect(Object.keys(bin)).toContain(hook.entry.split(' ')[0])
      expect(new RegExp(hook.files).test('a/b.stackwright.yaml')).toBe(true)
    }
  })
})
