// Turns the posture's placement (a pool per workload) into scheduling fields: the node labels that
// select the pool on this platform and the tolerations for its taints.
import type { Placement, PoolView } from '../../engine/posture/index'
import type { NodePool, Workload } from '../../model/schema'
import type { KubernetesPlatform } from './platform'
import type { PodPlacement, Toleration } from './types'

/** The label the operator applies to nodes of a self-managed pool that has no identifying labels. */
export const POOL_LABEL = 'stackwright.dev/pool'

const OS_LABEL = 'kubernetes.io/os'

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) {
  return Object.entries(a).every(([k, v]) => b[k] === v)
}

/**
 * The node labels that select `pool`'s nodes and only them. Managed pools: the label the platform sets.
 * Self-managed pools: the pool's own labels when no other pool carries them all, else `stackwright.dev/pool`.
 */
export function poolSelectorLabels(
  platform: KubernetesPlatform,
  pools: readonly PoolView[],
  pool: NodePool,
): Record<string, string> {
  const selector = platform.poolSelector
  switch (selector.kind) {
    case 'managed':
      return { [selector.key]: pool.name }
    case 'none':
      return {}
    case 'self': {
      const own = pool.labels
      const identifies =
        Object.keys(own).length > 0 &&
        pools.every((p) => p.pool.name === pool.name || !sameLabels(own, p.pool.labels))
      return identifies ? sortedRecord(own) : { [POOL_LABEL]: pool.name }
    }
  }
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** Tolerations for exactly the pool's taints (an empty taint value is tolerated with `Exists`). */
export function tolerationsFor(pool: NodePool): Toleration[] {
  return pool.taints.map((t) =>
    t.value === ''
      ? { key: t.key, operator: 'Exists' as const, effect: t.effect }
      : { key: t.key, operator: 'Equal' as const, value: t.value, effect: t.effect },
  )
}

/** The scheduling fields for a workload placed by the posture; unplaced workloads select by OS only. */
export function podPlacement(
  platform: KubernetesPlatform,
  pools: readonly PoolView[],
  workload: Workload,
  placement: Placement | undefined,
): PodPlacement {
  const pool = placement?.pool
  return {
    pool,
    nodeSelector: {
      [OS_LABEL]: workload.os,
      ...(pool === undefined ? {} : poolSelectorLabels(platform, pools, pool.pool)),
    },
    tolerations: pool === undefined ? [] : tolerationsFor(pool.pool),
    problem: placement?.problem?.message,
  }
}
