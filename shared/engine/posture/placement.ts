// Where each workload runs: its node pool and the sandbox actually applied to it.
//
// A sandbox counts only when the workload lands on a pool that can run it; the generators emit
// exactly this placement (nodeSelector/tolerations, runtimeClassName, placement constraints).
import type { KernelIsolation, Runtime } from '../../catalog/types'
import type { Design, Workload } from '../../model/schema'
import type { PoolView } from './pools'

/** Why a workload cannot be placed as declared. */
export interface PlacementProblem {
  readonly message: string
  readonly fix: string
  readonly paths: readonly string[]
}

export interface Placement {
  readonly pool: PoolView | undefined
  /** The sandbox the workload runs in, when its pool offers the one it wants. */
  readonly sandbox: Runtime | undefined
  /** The kernel boundary actually between the workload and the node. */
  readonly kernel: KernelIsolation
  readonly problem: PlacementProblem | undefined
}

/** Which sandbox a workload asks for: a specific one, any, or none. */
function wantedSandbox(design: Design, w: Workload): 'any' | 'none' | Runtime['id'] {
  if (w.sandbox !== undefined) return w.sandbox
  if (w.trust === 'untrusted' || design.isolation.sandboxWorkloads === 'all') return 'any'
  return 'none'
}

/**
 * Whether running unsandboxed is acceptable when no pool offers the sandbox: a trusted workload
 * under `sandboxWorkloads: all`, or an untrusted one in a design that offers no sandbox anywhere
 * (the risk is then a finding, untrusted code on a shared kernel, not an impossible design).
 */
function optional(w: Workload, want: 'any' | Runtime['id'], designUsesSandboxes: boolean): boolean {
  if (want !== 'any' || w.sandbox !== undefined) return false
  return w.trust === 'trusted' || !designUsesSandboxes
}

function offered(pool: PoolView, want: 'any' | Runtime['id']): Runtime | undefined {
  return want === 'any' ? pool.sandboxes[0] : pool.sandboxes.find((s) => s.id === want)
}

function placed(pool: PoolView, sandbox: Runtime | undefined): Placement {
  return {
    pool,
    sandbox,
    kernel: sandbox?.kernel ?? pool.runtime.kernel,
    problem: undefined,
  }
}

function unplaced(problem: PlacementProblem): Placement {
  return { pool: undefined, sandbox: undefined, kernel: 'shared', problem }
}

/** Places one workload; `designUsesSandboxes` says whether any pool offers a usable sandbox. */
export function placeWorkload(
  design: Design,
  pools: readonly PoolView[],
  w: Workload,
  index: number,
  designUsesSandboxes: boolean,
): Placement {
  const at = `workloads[${index}]`
  const want = wantedSandbox(design, w)
  const family = w.os
  if (w.pool !== undefined) {
    const pool = pools.find((p) => p.pool.name === w.pool)
    if (!pool)
      return unplaced({
        message: `No node pool is named "${w.pool}".`,
        fix: 'Name an existing pool.',
        paths: [`${at}.pool`],
      })
    if (pool.os.family !== family)
      return unplaced({
        message: `${w.name} is a ${family} workload, but pool ${pool.pool.name} runs ${pool.os.name}.`,
        fix: `Place it on a ${family} pool, or add one.`,
        paths: [`${at}.pool`, `${at}.os`],
      })
    if (!pool.runsWorkloads)
      return unplaced({
        message: `Pool ${pool.pool.name} is a control-plane pool; it runs no workloads.`,
        fix: 'Place the workload on a system or workers pool.',
        paths: [`${at}.pool`],
      })
    if (want === 'none' || (want === 'any' && pool.runtime.kernel !== 'shared'))
      return placed(pool, undefined)
    const sandbox = offered(pool, want)
    if (sandbox || optional(w, want, designUsesSandboxes)) return placed(pool, sandbox)
    return unplaced(sandboxProblem(w, at, want, pools))
  }

  const candidates = pools.filter((p) => p.runsWorkloads && p.os.family === family)
  const [first] = candidates
  if (first === undefined) {
    return unplaced({
      message: `No node pool can run ${w.name}: it is a ${family} workload and no ${family} pool runs workloads.`,
      fix: `Add a ${family} node pool${family === 'windows' ? ' (Windows Server workers)' : ''}.`,
      paths: [`${at}.os`, 'nodePools'],
    })
  }
  if (want === 'none') {
    // Trusted workloads stay off sandbox pools and off tainted pools they do not tolerate.
    const plain =
      candidates.find((p) => p.pool.sandboxes.length === 0 && p.pool.taints.length === 0) ??
      candidates.find((p) => p.pool.taints.length === 0) ??
      first
    return placed(plain, undefined)
  }
  for (const pool of candidates) {
    // A pool whose engine already gives every pod its own VM (Fargate) satisfies "any sandbox".
    if (want === 'any' && pool.runtime.kernel !== 'shared') return placed(pool, undefined)
    const sandbox = offered(pool, want)
    if (sandbox) return placed(pool, sandbox)
  }
  // Asking for "any" sandbox in a design that offers none anywhere is the unsandboxed default:
  // the risk is a finding (untrusted code on a shared kernel), not an impossible design.
  if (optional(w, want, designUsesSandboxes)) return placed(first, undefined)
  return unplaced(sandboxProblem(w, at, want, pools))
}

function sandboxProblem(
  w: Workload,
  at: string,
  want: 'any' | Runtime['id'],
  pools: readonly PoolView[],
): PlacementProblem {
  const elsewhere = pools
    .filter((p) => p.sandboxes.length > 0)
    .map((p) => `${p.pool.name} (${p.os.name}: ${p.sandboxes.map((s) => s.name).join(', ')})`)
  const what = want === 'any' ? 'a sandbox' : want
  return {
    message: `No ${w.os} pool offers ${what} for ${w.name}${w.trust === 'untrusted' ? ' (untrusted)' : ''}${
      elsewhere.length > 0 ? `; sandboxes exist only on ${elsewhere.join('; ')}` : ''
    }.`,
    fix:
      w.os === 'windows'
        ? 'Kata, gVisor and Firecracker run Linux containers only. Offer Hyper-V isolation on a Windows pool where the orchestrator supports it (Swarm, Nomad), move the workload to Linux, or set sandbox: none and treat the shared-kernel risk.'
        : `Offer ${what} on a ${w.os} pool the workload can run on, or set sandbox: none and treat the shared-kernel risk.`,
    paths: [`${at}.trust`, ...(w.sandbox !== undefined ? [`${at}.sandbox`] : []), 'nodePools'],
  }
}

/** Places every workload of a design. */
export function placeWorkloads(design: Design, pools: readonly PoolView[]): Placement[] {
  const usesSandboxes = pools.some((p) => p.sandboxes.length > 0)
  return design.workloads.map((w, i) => placeWorkload(design, pools, w, i, usesSandboxes))
}
