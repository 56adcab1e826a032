// Generation benchmark: generateAll (document, reports and the design's own manifests) for 10, 100,
// 1,000 and 5,000 workloads, with heap growth per call and growth ratios (per 10x, and 1,000 -> 5,000),
// plus parseDesign of the 1,000-workload design as YAML, and generateAll at 1,000 workloads for every
// orchestrator family.
//
// Memory: after a full collection, one call runs under V8's GC profiler (v8.GCProfiler), which
// records the heap before and after every collection inside the call. "peak" is the highest heap use
// during the call above the heap before it (exact even when the call collects), "allocated" what the
// call allocated in all, "kept" what its result holds once everything else is collected. `gc` is
// --expose-gc's when node runs with it (`node --expose-gc --import tsx test/bench/run.ts`), and is
// otherwise switched on at run time through v8.setFlagsFromString, so `npm run bench` needs no flag.
import v8 from 'node:v8'
import vm from 'node:vm'
import { catalog } from '../../shared/catalog/index'
import { generateAll } from '../../shared/generate/index'
import { parseDesign, serializeDesign } from '../../shared/model/index'
import type { Design } from '../../shared/model/schema'
import { exampleFiles, loadExample } from '../support/designs'
import { largeDesign } from './large-design'
import type { Timing } from './measure'
import { measure } from './measure'

export interface GenerationRow {
  readonly name: string
  readonly timing: Timing
  readonly budget?: number
  readonly note?: string
}

export interface GenerationBudgets {
  readonly generate1000Ms?: number
  readonly generate5000Ms?: number
  readonly parse1000Ms?: number
}

/** A full collection: --expose-gc's `gc`, or one enabled at run time. */
export function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed !== undefined) return exposed
  v8.setFlagsFromString('--expose-gc')
  return vm.runInNewContext('gc') as () => void
}

interface HeapUse {
  /** Highest heap use during one call, above the collected heap before it, in bytes. */
  readonly peak: number
  /** Bytes one call allocated: what it left on the heap plus what collections during it freed. */
  readonly allocated: number
  /** Heap still held by the call's result after a full collection, in bytes. */
  readonly kept: number
}

type HeapNumbers = { usedHeapSize?: number; used_heap_size?: number }
/** The profiler reports camelCase fields at run time; @types/node declares snake_case ones. */
const usedOf = (h: unknown) =>
  (h as HeapNumbers).usedHeapSize ?? (h as HeapNumbers).used_heap_size ?? 0

/**
 * Heap figures of one call, medians of `runs` calls. V8's GC profiler reports the heap before and
 * after every collection inside the call, so the peak is exact even when the call collects.
 */
function heapUse(fn: () => unknown, runs: number, gc: () => void): HeapUse {
  const peaks: number[] = []
  const allocated: number[] = []
  const kept: number[] = []
  for (let i = 0; i < runs; i++) {
    gc()
    const base = process.memoryUsage().heapUsed
    const profiler = new v8.GCProfiler()
    profiler.start()
    // Hold the result through the last reading, so "kept" counts it; dropped before the next run.
    const held: unknown[] = [fn()]
    const end = process.memoryUsage().heapUsed
    const { statistics } = profiler.stop()
    const before = statistics.map((s) => usedOf(s.beforeGC.heapStatistics))
    const freed = statistics.map((s, k) =>
      Math.max(0, (before[k] ?? 0) - usedOf(s.afterGC.heapStatistics)),
    )
    peaks.push(Math.max(end, ...before) - base)
    allocated.push(end - base + freed.reduce((a, b) => a + b, 0))
    gc()
    kept.push(process.memoryUsage().heapUsed - base)
    held.length = 0
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  return { peak: mid(peaks), allocated: mid(allocated), kept: mid(kept) }
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** Teams for a size: about 50 workloads each, at least one, at most 20 (as in the evaluate bench). */
const teamsFor = (workloads: number) => Math.min(20, Math.max(1, Math.round(workloads / 50)))

/** The 1,000-workload design with the context and choices of a family's example. */
function familyVariant(example: string, workloads: number): Design {
  const base = loadExample(example)
  const large = largeDesign(workloads, teamsFor(workloads))
  // Both are v2 designs; the large workloads name no pool, so the example's pools and endpoints fit.
  return {
    ...base,
    metadata: { ...base.metadata, name: large.metadata.name },
    workloads: large.workloads,
    risks: {},
  }
}

/** Runs the generation benchmark; `iterations` is the number of timed runs at 10 workloads. */
export function generationBench(
  iterations: number,
  budgets: GenerationBudgets,
  progress: (message: string) => void,
): { rows: GenerationRow[]; report: string[] } {
  const gc = collector()
  const rows: GenerationRow[] = []
  const report: string[] = []
  const sizes = [10, 100, 1000, 5000] as const
  const medians: number[] = []
  const heaps: HeapUse[] = []
  for (const n of sizes) {
    const design = largeDesign(n, teamsFor(n))
    // 5,000 workloads take seconds a call: fewer runs, still a median of at least three.
    const runs =
      n === 10
        ? iterations
        : n === 100
          ? Math.ceil(iterations / 2)
          : n === 1000
            ? Math.max(10, Math.ceil(iterations / 5))
            : Math.max(3, Math.ceil(iterations / 10))
    progress(`generateAll ${n} workloads (${runs} runs) ...`)
    const files = generateAll(design, catalog).length
    const timing = measure(
      () => generateAll(design, catalog),
      runs,
      n === 5000 ? 0 : Math.max(2, Math.round(runs / 10)),
    )
    const heap = heapUse(() => generateAll(design, catalog), n === 5000 ? 3 : 5, gc)
    medians.push(timing.median)
    heaps.push(heap)
    rows.push({
      name: `generateAll ${n} workloads (${files} files)`,
      timing,
      ...(n === 1000 && budgets.generate1000Ms !== undefined
        ? { budget: budgets.generate1000Ms }
        : {}),
      ...(n === 5000 && budgets.generate5000Ms !== undefined
        ? { budget: budgets.generate5000Ms }
        : {}),
      note: `heap peak ${mb(heap.peak)}, ${mb(heap.allocated)} allocated, ${mb(heap.kept)} kept`,
    })
  }

  const large = largeDesign(1000, teamsFor(1000))
  const text = serializeDesign(large, 'yaml')
  progress('parseDesign 1000 workloads ...')
  const parsed = parseDesign(text)
  if (!parsed.ok)
    throw new Error(`the 1,000-workload design does not load: ${parsed.errors[0]?.message ?? ''}`)
  const parseTiming = measure(() => parseDesign(text), Math.max(10, Math.ceil(iterations / 5)), 3)
  const parseHeap = heapUse(() => parseDesign(text), 5, gc)
  rows.push({
    name: `parseDesign 1000 workloads (${(text.length / 1024).toFixed(0)} kB YAML)`,
    timing: parseTiming,
    ...(budgets.parse1000Ms !== undefined ? { budget: budgets.parse1000Ms } : {}),
    note: `heap peak ${mb(parseHeap.peak)}, ${mb(parseHeap.allocated)} allocated`,
  })

  const families: [string, string][] = [
    ['ecs', 'small-team-ecs.stackwright.yaml'],
    ['swarm', 'windows-swarm.stackwright.yaml'],
    ['nomad', 'nomad-edge.stackwright.yaml'],
  ]
  for (const [family, example] of families) {
    if (!exampleFiles().includes(example)) continue
    const design = familyVariant(example, 1000)
    progress(`generateAll 1000 workloads, ${family} ...`)
    const files = generateAll(design, catalog).length
    rows.push({
      name: `generateAll 1000 workloads, ${family} (${files} files)`,
      timing: measure(() => generateAll(design, catalog), 10, 2),
      ...(budgets.generate1000Ms !== undefined ? { budget: budgets.generate1000Ms } : {}),
    })
  }

  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || b <= 0 ? 'n/a' : (a / b).toFixed(2)
  report.push(
    'Growth of generateAll per 10x workloads (10x means linear; less means fixed costs dominate):',
    `  time   10 -> 100: ${ratio(medians[1], medians[0])}x   100 -> 1000: ${ratio(medians[2], medians[1])}x`,
    `  peak   10 -> 100: ${ratio(heaps[1]?.peak, heaps[0]?.peak)}x   100 -> 1000: ${ratio(heaps[2]?.peak, heaps[1]?.peak)}x (heap during a call)`,
    `  alloc  10 -> 100: ${ratio(heaps[1]?.allocated, heaps[0]?.allocated)}x   100 -> 1000: ${ratio(heaps[2]?.allocated, heaps[1]?.allocated)}x (bytes allocated by a call)`,
    `  kept   10 -> 100: ${ratio(heaps[1]?.kept, heaps[0]?.kept)}x   100 -> 1000: ${ratio(heaps[2]?.kept, heaps[1]?.kept)}x (result size)`,
    'Growth of generateAll 1000 -> 5000 workloads (5x means linear):',
    `  time ${ratio(medians[3], medians[2])}x   peak ${ratio(heaps[3]?.peak, heaps[2]?.peak)}x   alloc ${ratio(heaps[3]?.allocated, heaps[2]?.allocated)}x   kept ${ratio(heaps[3]?.kept, heaps[2]?.kept)}x`,
    `  per workload: ${sizes.map((n, i) => `${n}: ${((medians[i] ?? 0) / n).toFixed(3)} ms`).join(', ')}`,
  )
  return { rows, report }
}
