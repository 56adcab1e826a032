// `npm run bench`: engine and generation timings (median and p95) against the budgets in budgets.json.
//
// Options: --iterations N (default 50, the minimum for stable medians), --no-brute (skip the brute-force
// reference ranking, which takes minutes per example), --only engine|generation|renderer|cli (one part;
// renderer drives the built browser edition in headless Chromium, see renderer.ts; cli times the
// bundled CLI and the tsx path as processes, see cli.ts).
// Progress goes to stderr, the table to stdout. Generation also prints heap use and growth ratios
// (see generation.ts for how memory is measured).
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { catalog } from '../../shared/catalog/index'
import { bruteForceRanking } from '../../shared/engine/brute-force'
import { evaluate, recommend } from '../../shared/engine/index'
import type { Candidate } from '../../shared/engine/recommend'
import { baseStacks, keyOf } from '../../shared/engine/recommend'
import type { Design } from '../../shared/model/schema'
import { exampleFiles, loadExample } from '../support/designs'
import { cliBench } from './cli'
import type { CliBudgets } from './cli'
import { generationBench } from './generation'
import type { GenerationBudgets } from './generation'
import { largeDesign } from './large-design'
import type { Timing } from './measure'
import { measure, once } from './measure'
import { rendererBench } from './renderer'
import type { RendererBudgets } from './renderer'

interface Budgets extends GenerationBudgets, RendererBudgets, CliBudgets {
  readonly evaluateExampleMs: number
  readonly recommendTop10Ms: number
}

interface Row {
  readonly name: string
  readonly timing: Timing
  readonly budget?: number
  readonly note?: string
}

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '50' },
    'no-brute': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
})
if (values.only !== undefined && !['engine', 'generation', 'renderer', 'cli'].includes(values.only))
  throw new Error(`--only takes engine, generation, renderer or cli, not ${values.only}`)
const runEngine = values.only === undefined || values.only === 'engine'
const runGeneration = values.only === undefined || values.only === 'generation'
const runRenderer = values.only === undefined || values.only === 'renderer'
const runCli = values.only === undefined || values.only === 'cli'
const iterations = Math.max(1, Number.parseInt(values.iterations, 10) || 50)
const warmup = Math.max(5, Math.round(iterations / 10))
const budgets = JSON.parse(
  readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'),
) as Budgets

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`)
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3))
const shortName = (file: string) => file.replace('.stackwright.yaml', '')

const examples: [string, Design][] = exampleFiles().map((f) => [shortName(f), loadExample(f)])
const rows: Row[] = []

progress(`node ${process.version}; ${iterations} timed iterations after ${warmup} warm-up calls`)
progress(
  `catalog: ${baseStacks(catalog).length} base stacks (orchestrator x runtime x OS) before plugin sets`,
)

if (runEngine) {
  for (const [name, design] of examples) {
    rows.push({
      name: `evaluate ${name}`,
      timing: measure(() => evaluate(design, catalog), Math.max(iterations, 200), warmup * 4),
      budget: budgets.evaluateExampleMs,
    })
  }
  progress('evaluate on examples done')

  const large = largeDesign(1000, 20)
  rows.push({
    name: `evaluate ${large.workloads.length} workloads / 20 teams`,
    timing: measure(() => evaluate(large, catalog), iterations, warmup),
  })
  progress('evaluate on the large design done')

  const recommendMedians = new Map<string, number>()
  for (const [name, design] of examples) {
    progress(`recommend top-10 ${name} ...`)
    const timing = measure(() => recommend(design, catalog, 10), iterations, warmup)
    recommendMedians.set(name, timing.median)
    rows.push({ name: `recommend top-10 ${name}`, timing, budget: budgets.recommendTop10Ms })
  }

  if (!values['no-brute']) {
    for (const [name, design] of examples) {
      progress(`brute force ${name} (one run; may take minutes) ...`)
      let ranking: Candidate[] = []
      const elapsed = once(() => {
        ranking = bruteForceRanking(design, catalog)
      })
      const candidates = ranking.length
      // A free exactness check: the brute-force top 10 must be recommend's top 10, in order.
      const bruteTop = ranking.slice(0, 10).map((c) => c.key)
      const recommendTop = recommend(design, catalog, 10).map((r) => keyOf(r.stack))
      const same = bruteTop.join('\n') === recommendTop.join('\n')
      const ratio = elapsed / (recommendMedians.get(name) ?? Number.NaN)
      progress(`brute force ${name}: ${(elapsed / 1000).toFixed(1)} s, ${candidates} valid stacks`)
      rows.push({
        name: `brute force ${name}`,
        timing: { median: elapsed, p95: elapsed, iterations: 1 },
        note: `${candidates} stacks; ${ratio.toFixed(0)}x recommend; top-10 ${same ? 'identical' : 'DIFFERS'}`,
      })
    }
  }
}

const notes: string[] = []
if (runGeneration) {
  const generation = generationBench(iterations, budgets, progress)
  rows.push(...generation.rows)
  notes.push(...generation.report)
}
if (runRenderer) rows.push(...(await rendererBench(budgets, progress)))
if (runCli) rows.push(...cliBench(iterations, budgets, progress))

const header = ['benchmark', 'median ms', 'p95 ms', 'runs', 'budget ms', 'status']
const table = rows.map((r) => [
  r.name,
  ms(r.timing.median),
  ms(r.timing.p95),
  String(r.timing.iterations),
  r.budget === undefined ? '-' : String(r.budget),
  [r.budget === undefined ? '' : r.timing.median <= r.budget ? 'PASS' : 'OVER', r.note ?? '']
    .filter((s) => s !== '')
    .join('; '),
])
const widths = header.map((h, i) =>
  Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)),
)
const line = (cells: readonly string[]) =>
  cells
    .map((c, i) =>
      i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0),
    )
    .join('  ')
    .trimEnd()
console.log(line(header))
console.log(widths.map((w) => '-'.repeat(w)).join('  '))
for (const row of table) console.log(line(row))
if (notes.length > 0) console.log(`\n${notes.join('\n')}`)
const over = rows.filter((r) => r.budget !== undefined && r.timing.median > r.budget).length
console.log(
  `\n${over === 0 ? 'All budgeted lines PASS' : `${over} line(s) OVER budget`} (median compared with budgets.json; informational, exit 0).`,
)
