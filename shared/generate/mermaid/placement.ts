// Where each workload runs: which nodes (OS), which runtime or sandbox, which namespace or team group.
import { getOrchestrator, getOs, getRuntime } from '../../catalog/index'
import type { OsId, RuntimeId } from '../../catalog/ids'
import type { Catalog, KernelIsolation, OrchestratorFamily } from '../../catalog/types'
import type { Design, Workload } from '../../model/schema'
import { assertNever } from '../../util/assert-never'
import { boundedName } from '../../util/unique-names'

/** The boundaries a workload sits inside, outermost first. */
export interface Placement {
  readonly os: OsId
  readonly runtime: RuntimeId
  /** `Namespace <name>` (Kubernetes, Nomad) or the team, service or shared group (ECS, Swarm). */
  readonly group: string
}

/** The OS a workload's nodes run: Windows workloads land on Windows Server even beside Linux nodes. */
export function workloadOs(design: Design, catalog: Catalog, workload: Workload): OsId {
  const chosen = getOs(catalog, design.choices.os)
  if (workload.os === 'windows') return chosen.family === 'windows' ? chosen.id : 'windows-server'
  return chosen.id
}

/** The runtime a workload runs on: the sandbox for untrusted code, a Windows runtime for Windows workloads. */
export function workloadRuntime(design: Design, catalog: Catalog, workload: Workload): RuntimeId {
  const chosen = getRuntime(catalog, design.choices.runtime)
  if (workload.os === 'windows') {
    if (chosen.hostOs === 'windows') return chosen.id
    return getOrchestrator(catalog, design.choices.orchestrator).windowsRuntimes[0] ?? chosen.id
  }
  const sandbox = design.isolation.runtimeClassForUntrusted
  if (workload.trust === 'untrusted' && sandbox !== undefined) return sandbox
  return chosen.id
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

/** Every boundary of one workload. */
export function placementOf(design: Design, catalog: Catalog, workload: Workload): Placement {
  const family = getOrchestrator(catalog, design.choices.orchestrator).family
  return {
    os: workloadOs(design, catalog, workload),
    runtime: workloadRuntime(design, catalog, workload),
    group: workloadGroup(design, family, workload),
  }
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
