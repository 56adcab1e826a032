// The CLI as users run it, one process per call: the bundle (scripts/build-cli.mjs) against the tsx
// path used inside the repository, for validate, evaluate and generate on an example.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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

// Preloaded into each child: reports the process's own CPU time on fd 3 as it exits. Wall time on a
// busy machine mostly measures the other processes; CPU time shows what the CLI itself costs.
const CPU_REPORTER = `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeSync(3, String((u.user + u.system) / 1000)) })\n`

interface ProcessTiming extends Timing {
  /** Median CPU time (user + system) of the process, ms. */
  readonly cpuMedian: number
}

/** Wall-clock and CPU ms of `node ...args` run to the end in `cwd`, `iterations` times after one warm-up. */
function timeProcess(
  args: readonly string[],
  cwd: string,
  iterations: number,
  reporter: string,
  before?: () => void,
): ProcessTiming {
  const samples: number[] = []
  const cpu: number[] = []
  for (let i = 0; i <= iterations; i++) {
    before?.()
    const start = performance.now()
    const r = spawnSync(process.execPath, ['--require', reporter, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    })
    const elapsed = performance.now() - start
    if (r.status !== 0)
      throw new Error(`stackwright ${args.slice(-3).join(' ')} exited ${r.status}: ${r.stderr}`)
    if (i > 0) {
      samples.push(elapsed)
      cpu.push(Number(r.output[3]?.toString() ?? Number.NaN))
    }
  }
  samples.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  return {
    median: median(samples),
    p95: quantile(samples, 0.95),
    iterations,
    cpuMedian: median(cpu),
  }
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
    const reporter = path.join(temp, 'cpu-reporter.cjs')
    writeFileSync(reporter, CPU_REPORTER)
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
        const timing = timeProcess([...prefix, ...args], temp, runs, reporter, before)
        const cpu = `cpu ${timing.cpuMedian.toFixed(0)} ms`
        const example = EXAMPLE.replace('.stackwright.yaml', '')
        if (pathName === 'bundle') {
          bundleMedian.set(command, timing.median)
          rows.push({ name: `cli bundle ${command} ${example}`, timing, budget, note: cpu })
        } else {
          const ratio = timing.median / (bundleMedian.get(command) ?? Number.NaN)
          rows.push({
            name: `cli tsx ${command} ${example}`,
            timing,
            note: `${cpu}; ${ratio.toFixed(1)}x the bundle`,
          })
        }
      }
    }
    const baseline = timeProcess(['-e', '0'], temp, Math.max(iterations, 20), reporter)
    rows.push({
      name: 'node -e 0 (process start alone)',
      timing: baseline,
      note: `cpu ${baseline.cpuMedian.toFixed(0)} ms`,
    })
    return rows
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}
