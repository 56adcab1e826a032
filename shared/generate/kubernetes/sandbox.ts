// The RuntimeClasses for the sandboxes the posture applies: referenced where the platform provides
// them, created (scheduled onto their pool) where it does not.
import type { Placement } from '../../engine/posture/index'
import { boundedName } from '../../util/unique-names'
import { compare } from '../../util/declared-flows'
import { poolSelectorLabels, tolerationsFor } from './placement'
import { SANDBOX_HANDLERS, type KubernetesPlatform } from './platform'
import type { PoolView } from '../../engine/posture/index'
import type { RuntimeClassPlan, SandboxPlan } from './types'

/** The sandbox plans by workload index, and the RuntimeClasses the tree must create. */
export interface SandboxResult {
  readonly byIndex: ReadonlyMap<number, SandboxPlan>
  readonly created: readonly RuntimeClassPlan[]
}

/** Plans every applied sandbox; `indexes` are the workloads that are generated. */
export function planSandboxes(
  platform: KubernetesPlatform,
  pools: readonly PoolView[],
  placements: readonly Placement[],
  indexes: readonly number[],
): SandboxResult {
  // Which pools each created handler runs on, so one RuntimeClass per pool can pin pods to it.
  const poolsByRuntime = new Map<string, Set<string>>()
  for (const i of indexes) {
    const p = placements[i]
    if (p?.sandbox === undefined || p.pool === undefined) continue
    if (platform.providedRuntimeClasses[p.sandbox.id] !== undefined) continue
    if (SANDBOX_HANDLERS[p.sandbox.id] === undefined) continue
    const set = poolsByRuntime.get(p.sandbox.id) ?? new Set<string>()
    set.add(p.pool.pool.name)
    poolsByRuntime.set(p.sandbox.id, set)
  }

  const created = new Map<string, RuntimeClassPlan>()
  const byIndex = new Map<number, SandboxPlan>()
  for (const i of indexes) {
    const p = placements[i]
    const runtime = p?.sandbox
    if (runtime === undefined || p?.pool === undefined) {
      byIndex.set(i, { kind: 'none' })
      continue
    }
    const provided = platform.providedRuntimeClasses[runtime.id]
    if (provided !== undefined) {
      byIndex.set(i, { kind: 'runtime-class', runtime, name: provided })
      continue
    }
    const handler = SANDBOX_HANDLERS[runtime.id]
    if (handler === undefined) {
      byIndex.set(i, {
        kind: 'unexpressible',
        runtime,
        reason: `no Kubernetes RuntimeClass handler is known for ${runtime.name}`,
      })
      continue
    }
    const pool = p.pool
    const shared = (poolsByRuntime.get(runtime.id)?.size ?? 0) > 1
    const name = shared ? boundedName(`${handler.name}-${pool.pool.name}`, 63) : handler.name
    if (!created.has(name))
      created.set(name, {
        name,
        handler: handler.handler,
        runtime,
        pool,
        nodeSelector: {
          'kubernetes.io/os': 'linux',
          ...poolSelectorLabels(platform, pools, pool.pool),
        },
        tolerations: tolerationsFor(pool.pool),
      })
    byIndex.set(i, { kind: 'runtime-class', runtime, name })
  }
  return {
    byIndex,
    created: [...created.values()].sort((a, b) => compare(a.name, b.name)),
  }
}
