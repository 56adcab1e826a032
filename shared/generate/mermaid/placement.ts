// Where each workload runs: which node pool (OS, engine or sandbox), which namespace or team group.
import { getOrchestrator } from '../../catalog/index'
import { postureOf } from '../../engine/posture/index'
import type { OsId, RuntimeId } from '../../catalog/ids'
import type { Catalog, KernelIsolation, OrchestratorFamily } from '../../catalog/types'
import type { Design, Workload } from '../../model/schema'
import { assertNever } from '../../util/assert-never'
import { boundedName } from '../../util/unique-names'

/** The boundaries a workload sits inside, outermost first. */
export interface Placement {
  /** The node pool's name, or `unplaced` when no pool can run it (a violation). */
  readonly pool: string
  readonly os: OsId | undefined
  /** The sandbox applied, else the pool's engine. */
  readonly runtime: RuntimeId | undefined
  readonly sandboxed: boolean
  /** `Namespace <name>` (Kubernetes, Nomad) or the team, service or shared group (ECS, Swarm). */
  readonly group: string
}

/** The namespace a workload lands in, named like the Kubernetes generator names it (design-prefixed). */
export function namespaceOf(design: Design, workload: Workload): string {
  const strategy = design.isolation.namespaces
  switch (strategy) {
    case 'per-workload':
      return boundedName(`${design.metadata.name}-${workload.name}`, 63)
    case 'per-team':
      return boundedName(`${design.metadata.name}-${workload.team}`, 63)
    case 'shared':
      return design.metadata.name
    default:
      return assertNever(strategy)
  }
}

/**
 * The short label of a workload's group per the namespace strategy: `ns <name>` on orchestrators with
 * namespaces (the real namespace is `<design>-<name>`, see namespaceOf), else `team`, `service` or
 * `shared`. Short, because the static SVG renderer does not widen a box for a long title.
 */
export function workloadGroup(
  design: Design,
  family: OrchestratorFamily,
  workload: Workload,
): string {
  const strategy = design.isolation.namespaces
  const namespaces = family === 'kubernetes' || family === 'nomad'
  switch (strategy) {
    case 'per-workload':
      return namespaces ? `ns ${workload.name}` : `service ${workload.name}`
    case 'per-team':
      return namespaces ? `ns ${workload.team}` : `team ${workload.team}`
    case 'shared':
      return namespaces ? `ns ${design.metadata.name}` : 'shared'
    default:
      return assertNever(strategy)
  }
}

/** Every workload's boundaries, by workload index, from the posture the engine scores. */
export function placementsOf(design: Design, catalog: Catalog): Placement[] {
  const family = getOrchestrator(catalog, design.choices.orchestrator).family
  const posture = postureOf(design, catalog)
  return design.workloads.map((workload, i) => {
    const placed = posture.placements[i]
    const pool = placed?.pool
    return {
      pool: pool?.pool.name ?? 'unplaced',
      os: pool?.os.id,
      runtime: placed?.sandbox?.id ?? pool?.runtime.id,
      sandboxed: placed?.sandbox !== undefined,
      group: workloadGroup(design, family, workload),
    }
  })
}

/** How a runtime separates containers from the host kernel, in a few words. */
export function kernelPhrase(kernel: KernelIsolation): string {
  switch (kernel) {
    case 'shared':
      return 'shared host kernel'
    case 'userspace-kernel':
      return 'user-space kernel'
    case 'microvm':
      return 'micro-VM per pod or task'
    case 'vm':
      return 'VM per task'
    default:
      return assertNever(kernel)
  }
}
