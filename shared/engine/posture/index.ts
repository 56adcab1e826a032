// Effective posture, computed once from design + catalog: the engine scores it, the generators emit it.
import type { Catalog } from '../../catalog/types'
import type { Design } from '../../model/schema'
import { buildContext, summarizeWorkloads } from '../context'
import type { Placement } from './placement'
import type { PodSecurityPosture } from './pod-security'
import type { PoolView } from './pools'

export type { Placement, PlacementProblem } from './placement'
export type { HostNeed, PodSecurityPosture } from './pod-security'
export type { PoolView, RefusedSandbox } from './pools'
export {
  BASELINE_CAPABILITIES,
  RESTRICTED_CAPABILITIES,
  admittedCapabilities,
  hostNeedsOf,
  teamLevel,
} from './pod-security'

/** Each workload's placement and pod security, plus the resolved pools. */
export interface Posture {
  readonly pools: readonly PoolView[]
  /** By workload index. */
  readonly placements: readonly Placement[]
  /** By workload index. */
  readonly podSecurity: readonly PodSecurityPosture[]
}

/** The posture the engine scores and the generators emit, for a design as written. */
export function postureOf(design: Design, catalog: Catalog): Posture {
  const c = buildContext(design, catalog, summarizeWorkloads(design))
  return { pools: c.pools, placements: c.placements, podSecurity: c.podSecurity }
}
