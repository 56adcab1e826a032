// Fargate accepts only fixed task sizes; a workload's request is rounded up to the smallest one that fits.

export interface TaskSize {
  /** CPU units (1024 = 1 vCPU). */
  readonly cpu: number
  /** MiB. */
  readonly memory: number
}

export interface FargateSizing {
  readonly size: TaskSize
  /** True when the request exceeds the largest size, which is used instead. */
  readonly capped: boolean
}

const range = (from: number, to: number, step: number): number[] =>
  Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step)

/** Valid task sizes per CPU value (AWS "Task size" table; 8 and 16 vCPU need Linux platform 1.4.0). */
const LINUX_SIZES: readonly (readonly [number, readonly number[]])[] = [
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]

/** Windows tasks on Fargate start at 1 vCPU and stop at 4 vCPU. */
const WINDOWS_SIZES = LINUX_SIZES.filter(([cpu]) => cpu >= 1024 && cpu <= 4096)

/** Every valid (cpu, memory) pair, smallest first. */
export function fargateSizes(os: 'linux' | 'windows'): readonly TaskSize[] {
  const table = os === 'windows' ? WINDOWS_SIZES : LINUX_SIZES
  return table.flatMap(([cpu, memories]) => memories.map((memory) => ({ cpu, memory })))
}

/** The smallest valid Fargate size with at least the requested CPU units and MiB. */
export function fargateSize(
  cpuUnits: number,
  memoryMiB: number,
  os: 'linux' | 'windows',
): FargateSizing {
  const sizes = fargateSizes(os)
  const fit = sizes.find((s) => s.cpu >= cpuUnits && s.memory >= memoryMiB)
  if (fit) return { size: fit, capped: false }
  const largest = sizes[sizes.length - 1]
  if (!largest) throw new Error('no Fargate sizes')
  return { size: largest, capped: true }
}

/** Millicores to ECS CPU units (1024 per vCPU), rounded up. */
export function cpuUnits(millicores: number): number {
  return Math.ceil((millicores * 1024) / 1000)
}
