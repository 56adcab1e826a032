import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cpuUnits, fargateSize } from '../../../../../shared/generate/ecs/fargate-size'

/** The AWS "Task size" table, written as rules (independently of the generator's table). */
function isValidFargateSize(cpu: number, memory: number, os: 'linux' | 'windows'): boolean {
  const gb = memory / 1024
  if (os === 'windows' && (cpu < 1024 || cpu > 4096)) return false
  switch (cpu) {
    case 256:
      return [0.5, 1, 2].includes(gb)
    case 512:
      return Number.isInteger(gb) && gb >= 1 && gb <= 4
    case 1024:
      return Number.isInteger(gb) && gb >= 2 && gb <= 8
    case 2048:
      return Number.isInteger(gb) && gb >= 4 && gb <= 16
    case 4096:
      return Number.isInteger(gb) && gb >= 8 && gb <= 30
    case 8192:
      return Number.isInteger(gb) && gb >= 16 && gb <= 60 && gb % 4 === 0
    case 16384:
      return Number.isInteger(gb) && gb >= 32 && gb <= 120 && gb % 8 === 0
    default:
      return false
  }
}

const CPUS = [256, 512, 1024, 2048, 4096, 8192, 16384]
const MEMORIES = Array.from({ length: 240 }, (_, i) => (i + 1) * 512)

describe('fargateSize', () => {
  it.each(['linux', 'windows'] as const)('returns the smallest valid %s size that fits', (os) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 1, max: 130000 }),
        (cpu, memory) => {
          const { size, capped } = fargateSize(cpu, memory, os)
          expect(isValidFargateSize(size.cpu, size.memory, os)).toBe(true)
          const fitting = CPUS.flatMap((c) => MEMORIES.map((m) => ({ cpu: c, memory: m }))).filter(
            (s) => isValidFargateSize(s.cpu, s.memory, os) && s.cpu >= cpu && s.memory >= memory,
          )
          if (fitting.length === 0) {
            expect(capped).toBe(true)
            return
          }
          expect(capped).toBe(false)
          expect(size.cpu).toBeGreaterThanOrEqual(cpu)
          expect(size.memory).toBeGreaterThanOrEqual(memory)
          // Nothing with less CPU fits, and at that CPU nothing with less memory.
          expect(fitting.some((s) => s.cpu < size.cpu)).toBe(false)
          expect(fitting.some((s) => s.cpu === size.cpu && s.memory < size.memory)).toBe(false)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('converts millicores to CPU units, rounding up', () => {
    expect(cpuUnits(1000)).toBe(1024)
    expect(cpuUnits(250)).toBe(256)
    expect(cpuUnits(100)).toBe(103)
    expect(cpuUnits(1)).toBe(2)
  })
})
