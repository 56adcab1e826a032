// Where each service runs and what it may do beyond the baseline, from the engine's posture: the
// placement constraints of its pool, Hyper-V isolation where the pool offers it, and the host
// exceptions a justified workload is granted (the ones Swarm services can express at all).
import type { Placement, PoolView } from '../../engine/posture/index'
import { RESTRICTED_CAPABILITIES } from '../../engine/posture/index'
import type { Workload } from '../../model/schema'
import { compare } from '../../util/declared-flows'

/** Node label that identifies a pool whose own labels do not (`docker node update --label-add`). */
export const POOL_NODE_LABEL = 'stackwright.pool'

/**
 * Label keys used in constraints: letters, digits, `_`, `.` and `-`. Prefixed Kubernetes-style keys
 * (`example.com/role`) are left out because it was not verified that `node.labels.<key>` accepts `/`.
 */
const CONSTRAINT_KEY = /^[A-Za-z0-9_.-]+$/

/** How one service is placed and what it is granted. */
export interface ServicePlacement {
  readonly pool: PoolView | undefined
  readonly problem: string | undefined
  /** OS family of the nodes it runs on (the pool's, else the workload's). */
  readonly os: 'linux' | 'windows'
  readonly constraints: readonly string[]
  /** The node labels the operator sets on the pool's nodes, `key=value`. */
  readonly nodeLabels: readonly string[]
  readonly hyperv: boolean
  readonly capAdd: readonly string[]
  readonly hostPaths: Workload['needs']['hostPaths']
  /** Declared needs not granted, with the reason. */
  readonly notGranted: readonly string[]
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) {
  return Object.entries(a).every(([k, v]) => b[k] === v)
}

/** The labels that select `pool` and no other pool: its own when they identify it, else the pool label. */
export function poolNodeLabels(pools: readonly PoolView[], pool: PoolView): string[] {
  const own = Object.entries(pool.pool.labels).filter(([k]) => CONSTRAINT_KEY.test(k))
  const ownRecord = Object.fromEntries(own)
  const identifies =
    own.length > 0 &&
    pools.every((p) => p.pool.name === pool.pool.name || !sameLabels(ownRecord, p.pool.labels))
  return identifies
    ? own.sort(([a], [b]) => compare(a, b)).map(([k, v]) => `${k}=${v}`)
    : [`${POOL_NODE_LABEL}=${pool.pool.name}`]
}

/** Places one service and decides its exceptions. */
export function placeService(
  pools: readonly PoolView[],
  w: Workload,
  placement: Placement | undefined,
): ServicePlacement {
  const pool = placement?.pool
  const os = pool?.os.family ?? w.os
  const nodeLabels = pool ? poolNodeLabels(pools, pool) : []
  const constraints = [
    `node.platform.os == ${os}`,
    ...nodeLabels.map((l) => {
      const [k, ...v] = l.split('=')
      return `node.labels.${k ?? ''} == ${v.join('=')}`
    }),
  ]
  const justified = (w.needs.justification ?? '').trim().length > 0
  const notGranted: string[] = []
  const linux = os === 'linux'
  const declaredCaps = linux ? [...w.needs.capabilities].sort(compare) : []
  const capAdd = declaredCaps.filter((c) => justified || RESTRICTED_CAPABILITIES.includes(c))
  const unjustified = declaredCaps.filter((c) => !capAdd.includes(c))
  if (unjustified.length > 0)
    notGranted.push(
      `capabilities ${unjustified.map((c) => `\`${c}\``).join(', ')}: the workload gives no \`needs.justification\``,
    )
  const refuse = (declared: boolean, what: string) => {
    if (declared)
      notGranted.push(`${what}: Swarm services cannot have it (\`docker stack deploy\` ignores it)`)
  }
  refuse(w.needs.privileged, 'privileged mode')
  refuse(w.needs.hostPID, 'host PID namespace')
  if (w.needs.hostNetwork)
    notGranted.push('host network: not generated; the service stays on its own overlay networks')
  let hostPaths: Workload['needs']['hostPaths'] = []
  if (w.needs.hostPaths.length > 0) {
    const what = `host paths ${w.needs.hostPaths.map((h) => `\`${h.path}\``).join(', ')}`
    if (!justified) notGranted.push(`${what}: the workload gives no \`needs.justification\``)
    else if (!linux) notGranted.push(`${what}: not generated for Windows services`)
    else hostPaths = w.needs.hostPaths
  }
  return {
    pool,
    problem: placement?.problem?.message,
    os,
    constraints,
    nodeLabels,
    hyperv: os === 'windows' && placement?.sandbox?.id === 'windows-hyperv',
    capAdd,
    hostPaths,
    notGranted,
  }
}
