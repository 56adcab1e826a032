// Timing helpers for the benchmark: warm up, then time each call with performance.now().

export interface Timing {
  readonly median: number
  readonly p95: number
  readonly iterations: number
}

/** The value at quantile q (0..1) of sorted samples, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)))
  return sorted[rank - 1] ?? Number.NaN
}

/** Median of sorted samples (mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const mid = Math.floor(n / 2)
  return n % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Runs `fn` `warmup` times untimed, then `iterations` times timed; returns median and p95 in ms. */
export function measure(fn: () => unknown, iterations: number, warmup: number): Timing {
  let sink: unknown
  for (let i = 0; i < warmup; i++) sink = fn()
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = performance.now()
    sink = fn()
    samples.push(performance.now() - start)
  }
  // Keep the result observable so the engine call cannot be optimised away.
  if (sink === Symbol.for('never')) console.log(sink)
  samples.sort((a, b) => a - b)
  return { median: median(samples), p95: quantile(samples, 0.95), iterations }
}

/** Times one call. */
export function once(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}
