// The CLI as users run it, one process per call: the bundle (scripts/build-cli.mjs) against the tsx
// path used inside the repository, for validate, evaluate and generate on an example.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { median, quantile } from './measure'
import type { Timing } from './measure'

export interface CliBudgets {
  readonly cliValidateMs: number
  readonly cliEvaluateMs: number
  readonly cliGenerateMs: number
}

interface CliRow {
  readonly name: string
  readonly timing: Timing
  readonly budget?: number
  readonly note?: string
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href
const EXAMPLE = 'payments-eks.stackwright.yaml'

/** Wall-clock milliseconds of `node ...args` run to the end in `cwd`, `iterations` times after one warm-up. */
function timeProcess(
  args: readonly string[],
  cwd: string,
  iterations: number,
  before?: () => void,
) {
  const samples: number[] = []
  for (let i = 0; i <= iterations; i++) {
    before?.()
    const start = performance.now()
    const r = spawnSync(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' } })
    const elapsed = performance.now() - start
    if (r.status !== 0)
      throw new Error(`stackwright ${args.slice(-3).join(' ')} exited ${r.status}: ${r.stderr}`)
    if (i > 0) samples.push(elapsed)
  }
  samples.sort((a, b) => a - b)
  return { median: median(samples), p95: quantile(samples, 0.95), iterations }
}

/** Bundle and tsx timings of validate, evaluate and generate; the bundle's lines carry the budgets. */
export function cliBench(
  iterations: number,
  budgets: CliBudgets,
  progress: (message: string) => void,
): CliRow[] {
  const temp = mkdtempSync(path.join(tmpdir(), 'stackwright-cli-bench-'))
  try {
    const dist = path.join(temp, 'dist')
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.mjs'), '--outdir', dist])
    copyFileSync(path.join(ROOT, 'assets/examples', EXAMPLE), path.join(temp, EXAMPLE))
    const out = path.join(temp, 'out')
    const clearOut = () => rmSync(out, { recursive: true, force: true })
    const commands: [string, string[], number, (() => void) | undefined][] = [
      ['validate', ['validate', EXAMPLE], budgets.cliValidateMs, undefined],
      ['evaluate', ['evaluate', EXAMPLE], budgets.cliEvaluateMs, undefined],
      ['generate', ['generate', EXAMPLE, '--out', out], budgets.cliGenerateMs, clearOut],
    ]
    const paths: [string, string[], number][] = [
      ['bundle', [path.join(dist, 'stackwright.mjs')], Math.max(iterations, 20)],
      // tsx compiles the sources on every start: slow, so fewer runs.
      [
        'tsx',
        ['--import', TSX_LOADER, path.join(ROOT, 'cli/main.ts')],
        Math.max(3, Math.round(iterations / 10)),
      ],
    ]
    const rows: CliRow[] = []
    const bundleMedian = new Map<string, number>()
    for (const [pathName, prefix, runs] of paths) {
      for (const [command, args, budget, before] of commands) {
        progress(`cli ${pathName} ${command} (${runs} runs) ...`)
        // Both run from a folder outside the repository, as a user's CI would.
        const timing = timeProcess([...prefix, ...args], temp, runs, before)
        const example = EXAMPLE.replace('.stackwright.yaml', '')
        if (pathName === 'bundle') {
          bundleMedian.set(command, timing.median)
          rows.push({ name: `cli bundle ${command} ${example}`, timing, budget })
        } else {
          const ratio = timing.median / (bundleMedian.get(command) ?? Number.NaN)
          rows.push({
            name: `cli tsx ${command} ${example}`,
            timing,
            note: `${ratio.toFixed(1)}x the bundle`,
          })
        }
      }
    }
    const baseline = timeProcess(['-e', '0'], temp, Math.max(iterations, 20))
    rows.push({ name: 'node -e 0 (process start alone)', timing: baseline })
    return rows
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}
