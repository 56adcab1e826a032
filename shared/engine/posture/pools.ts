// Node pools resolved against the catalog: each pool's OS, engine and the sandboxes it can really run.
import type { Catalog, OperatingSystem, Orchestrator, Runtime } from '../../catalog/types'
import { getOs, getRuntime } from '../../catalog/index'
import type { NodePool } from '../../model/schema'

/** A sandbox a pool lists but cannot run, and why (for violations and the Nodes step). */
export interface RefusedSandbox {
  readonly runtime: Runtime
  readonly reason: string
  readonly fix: string
}

/** A node pool with its catalog entries, and its sandboxes split into usable and refused. */
export interface PoolView {
  readonly index: number
  readonly pool: NodePool
  readonly os: OperatingSystem
  readonly runtime: Runtime
  readonly sandboxes: readonly Runtime[]
  readonly refusedSandboxes: readonly RefusedSandbox[]
  /** Runs workloads (not a dedicated control-plane pool). */
  readonly runsWorkloads: boolean
}

/** Sandboxes a managed service offers only on a specific node OS (AKS Pod Sandboxing: Azure Linux, S15). */
const SANDBOX_OS_REQUIREMENTS: readonly {
  readonly orchestrator: string
  readonly runtime: string
  readonly os: readonly string[]
}[] = [{ orchestrator: 'aks', runtime: 'kata', os: ['azure-linux'] }]

function refusal(
  sandbox: Runtime,
  pool: NodePool,
  os: OperatingSystem,
  orchestrator: Orchestrator,
  engine: Runtime,
): RefusedSandbox | undefined {
  if (engine.kernel !== 'shared') {
    return {
      runtime: sandbox,
      reason: `${engine.name} already runs each pod or task in a VM of its own and takes no sandbox handlers (pool ${pool.name}).`,
      fix: `Remove ${sandbox.name} from pool ${pool.name}; its workloads are already VM-isolated.`,
    }
  }
  if (sandbox.kind !== 'sandbox') {
    return {
      runtime: sandbox,
      reason: `${sandbox.name} is not a sandbox: it shares the host kernel.`,
      fix: 'List only sandboxed runtimes (Kata, gVisor, Firecracker, Hyper-V isolation) under sandboxes.',
    }
  }
  if (!orchestrator.runtimes.includes(sandbox.id)) {
    return {
      runtime: sandbox,
      reason: `${orchestrator.name} cannot run ${sandbox.name}.`,
      fix: 'Remove it, or choose an orchestrator that offers it.',
    }
  }
  if (!sandbox.hostOs.includes(os.family)) {
    return {
      runtime: sandbox,
      reason: `${sandbox.name} runs ${sandbox.hostOs.join('/')} containers only, and pool ${pool.name} runs ${os.name}.`,
      fix: `Offer ${sandbox.name} on a ${sandbox.hostOs.join('/')} pool.`,
    }
  }
  const osRule = SANDBOX_OS_REQUIREMENTS.find(
    (r) => r.orchestrator === orchestrator.id && r.runtime === sandbox.id,
  )
  if (osRule && !osRule.os.includes(os.id)) {
    return {
      runtime: sandbox,
      reason: `${orchestrator.name} offers ${sandbox.name} only on ${osRule.os.join(', ')} nodes.`,
      fix: `Run pool ${pool.name} on ${osRule.os.join(', ')}.`,
    }
  }
  if (sandbox.needsVirtualization && pool.virtualization === 'none') {
    return {
      runtime: sandbox,
      reason: sandbox.hostOs.includes('windows')
        ? `${sandbox.name} needs the Hyper-V role on the host, which on a VM needs nested virtualisation; pool ${pool.name} declares none.`
        : `${sandbox.name} needs /dev/kvm (bare metal or nested virtualisation); pool ${pool.name} declares none.`,
      fix: `Set virtualization: nested (an instance type that offers it) or bare-metal on pool ${pool.name}.`,
    }
  }
  return undefined
}

/** Resolves every pool of a design for an orchestrator. */
export function resolvePools(
  pools: readonly NodePool[],
  orchestrator: Orchestrator,
  catalog: Catalog,
): PoolView[] {
  return pools.map((pool, index) => {
    const os = getOs(catalog, pool.os)
    const engine = getRuntime(catalog, pool.runtime)
    const usable: Runtime[] = []
    const refused: RefusedSandbox[] = []
    for (const id of pool.sandboxes) {
      const sandbox = getRuntime(catalog, id)
      const why = refusal(sandbox, pool, os, orchestrator, engine)
      if (why) refused.push(why)
      else usable.push(sandbox)
    }
    return {
      index,
      pool,
      os,
      runtime: engine,
      sandboxes: usable,
      refusedSandboxes: refused,
      runsWorkloads: pool.role !== 'control-plane',
    }
  })
}
