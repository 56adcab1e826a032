// Builds a store for tests around the test platform and a scheduler the test drives by hand.
import { catalog } from '../../../../shared/catalog/index'
import type { Design } from '../../../../shared/model/schema'
import { createAppStore } from '../../../../renderer/store/index'
import { stackOf } from '../../../../renderer/store/stack-edits'
import type { Stack } from '../../../../shared/engine/types'
import type { Scheduler } from '../../../../renderer/store/types'
import { TestPlatform } from './test-platform'

/** Timers that fire only when the test says so. */
export class ManualScheduler implements Scheduler {
  private next = 1
  private pending = new Map<number, { callback: () => void; ms: number }>()
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++
    this.pending.set(id, { callback, ms })
    return id
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number)
  }
  get size(): number {
    return this.pending.size
  }
  /** Runs every pending timer (and any they schedule), in order. */
  runAll(): void {
    for (let guard = 0; this.pending.size > 0 && guard < 100; guard++) {
      const [id, timer] = [...this.pending.entries()][0] ?? []
      if (id === undefined || !timer) return
      this.pending.delete(id)
      timer.callback()
    }
  }
}

/** A fresh store with its platform, scheduler and clipboard. */
export function makeStore(initial?: Design) {
  const platform = new TestPlatform()
  const scheduler = new ManualScheduler()
  const clipboard: string[] = []
  const store = createAppStore(
    {
      platform,
      catalog,
      scheduler,
      now: () => new Date('2025-06-01T10:00:00.000Z'),
      writeClipboard: async (text) => {
        clipboard.push(text)
      },
      prefersDark: () => false,
    },
    initial,
  )
  return { store, platform, scheduler, clipboard }
}

/** Lets every queued promise callback run (actions started by events, not awaited). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** The design's stack: the orchestrator, the primary pool's engine and OS, the plugins. */
export function stackIn(design: Design): Stack {
  return stackOf(design, catalog)
}
