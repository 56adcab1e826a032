// A design's stack (orchestrator, primary pool engine and OS, plugins) and how a different stack is
// applied to its node pools: the one place where recommend, compare and "adopt" edit a design.
import type { OsId, RuntimeId } from '../catalog/ids'
import type { Catalog } from '../catalog/types'
import { engineFor, getOrchestrator, getOs, getRuntime } from '../catalog/index'
import type { Design, NodePool } from '../model/schema'
import type { Stack } from './types'

/** The pool whose OS and engine the stack names: the first Linux pool that runs workloads. */
export function primaryPoolIndex(design: Design, catalog: Catalog): number {
  const pools = design.nodePools
  // Lookups tolerate a reduced catalog (tests, brute force): an unknown OS counts as Linux.
  const family = (p: NodePool) =>
    catalog.operatingSystems.find((os) => os.id === p.os)?.family ?? 'linux'
  const runs = (p: NodePool) => p.role !== 'control-plane'
  const plain = pools.findIndex((p) => runs(p) && family(p) === 'linux' && p.sandboxes.length === 0)
  if (plain >= 0) return plain
  const linux = pools.findIndex((p) => runs(p) && family(p) === 'linux')
  if (linux >= 0) return linux
  const any = pools.findIndex(runs)
  return any >= 0 ? any : pools.length > 0 ? 0 : -1
}

/** The stack a design currently chooses. */
export function stackOf(design: Design, catalog: Catalog): Stack {
  const primary = design.nodePools[primaryPoolIndex(design, catalog)]
  const id = design.choices.orchestrator
  const orchestrator = catalog.orchestrators.find((o) => o.id === id)
  const os: OsId = primary?.os ?? orchestrator?.os.worker[0] ?? 'ubuntu'
  const runtime: RuntimeId =
    primary?.runtime ?? (orchestrator && engineFor(catalog, id, 'linux')) ?? 'containerd'
  const sandbox =
    design.nodePools.find(
      (p) =>
        p.sandboxes.length > 0 &&
        (catalog.operatingSystems.find((o) => o.id === p.os)?.family ?? 'linux') === 'linux',
    )?.sandboxes[0] ?? 'none'
  const { podSecurity, namespaces, network } = design.isolation
  return {
    orchestrator: id,
    runtime,
    os,
    plugins: design.choices.plugins,
    sandbox,
    isolation: { podSecurity, namespaces, network },
  }
}

/**
 * The design with `stack` applied: the orchestrator and plugins, the primary pool's OS family
 * moved to the stack's OS and engine, other pools given the orchestrator's engine for their OS, sandboxes the
 * orchestrator cannot run dropped, and a control-plane pool added or removed as the orchestrator needs.
 */
export function applyStack(design: Design, stack: Stack, catalog: Catalog): Design {
  const orchestrator = getOrchestrator(catalog, stack.orchestrator)
  const primaryIndex = primaryPoolIndex(design, catalog)
  const primary = design.nodePools[primaryIndex]
  const primaryFamily = primary ? getOs(catalog, primary.os).family : 'linux'
  const stackFamily = getOs(catalog, stack.os).family
  const pools: NodePool[] = []
  design.nodePools.forEach((pool, index) => {
    if (pool.role === 'control-plane' && orchestrator.managedControlPlane) return
    const family = getOs(catalog, pool.os).family
    // The primary pool takes the stack's OS and engine; pools of its family follow it when the
    // stack stays in that family; every other pool keeps its OS with the orchestrator's engine for it.
    const moves = index === primaryIndex || (family === primaryFamily && family === stackFamily)
    const os =
      pool.role === 'control-plane' && !orchestrator.os.controlPlane.includes(stack.os)
        ? pool.os
        : moves
          ? stack.os
          : pool.os
    const engine = moves
      ? stack.runtime
      : (engineFor(catalog, orchestrator.id, family) ?? pool.runtime)
    pools.push({
      ...pool,
      os,
      runtime: engine,
      sandboxes: pool.sandboxes.filter((s) => orchestrator.runtimes.includes(s)),
    })
  })
  if (!orchestrator.managedControlPlane && !pools.some((p) => p.role === 'control-plane')) {
    const os = orchestrator.os.controlPlane.includes(stack.os)
      ? stack.os
      : (orchestrator.os.controlPlane[0] ?? stack.os)
    pools.unshift({
      name: pools.some((p) => p.name === 'control-plane') ? 'control-plane-1' : 'control-plane',
      role: 'control-plane',
      os,
      runtime:
        stackFamily === getOs(catalog, os).family
          ? stack.runtime
          : (engineFor(catalog, orchestrator.id, getOs(catalog, os).family) ?? stack.runtime),
      sandboxes: [],
      size: 3,
      virtualization: 'none',
      labels: {},
      taints: [],
    })
  }
  if (pools.length === 0) {
    pools.push({
      name: 'workers',
      role: 'workers',
      os: stack.os,
      runtime: stack.runtime,
      sandboxes: [],
      size: 3,
      virtualization: 'none',
      labels: {},
      taints: [],
    })
  }
  // A sandbox carried over from the previous orchestrator that this one cannot run is dropped with
  // the pools' other unsupported sandboxes (above), not re-added.
  const keepsSandbox =
    stack.sandbox !== undefined &&
    (stack.sandbox === 'none' || orchestrator.runtimes.includes(stack.sandbox))
  const withSandbox = keepsSandbox ? sandboxPools(design, pools, stack, catalog) : pools
  return {
    ...design,
    choices: { orchestrator: stack.orchestrator, plugins: [...stack.plugins] },
    nodePools: withSandbox,
    isolation: stack.isolation ? { ...design.isolation, ...stack.isolation } : design.isolation,
  }
}

/**
 * Linux pools with the stack's sandbox: `none` removes Linux sandboxes; a sandbox replaces the one a
 * Linux pool offers, or comes as a tainted `sandboxed` pool beside the primary one (on its OS).
 */
function sandboxPools(
  design: Design,
  pools: readonly NodePool[],
  stack: Stack,
  catalog: Catalog,
): NodePool[] {
  const linux = (p: NodePool) => getOs(catalog, p.os).family === 'linux'
  const others = pools.map((p) => (linux(p) ? { ...p, sandboxes: [] } : p))
  if (stack.sandbox === 'none' || stack.sandbox === undefined) return others
  const sandbox = stack.sandbox
  const existing = pools.findIndex((p) => linux(p) && p.sandboxes.length > 0)
  const runtime = getRuntime(catalog, sandbox)
  const virtualization = runtime.needsVirtualization
    ? design.context.cloud === 'on-prem' || design.context.cloud === 'hybrid'
      ? ('bare-metal' as const)
      : ('nested' as const)
    : ('none' as const)
  if (existing >= 0) {
    return others.map((p, i) =>
      i === existing
        ? {
            ...p,
            sandboxes: [sandbox],
            virtualization: p.virtualization === 'none' ? virtualization : p.virtualization,
          }
        : p,
    )
  }
  // Linux sandboxes need a Linux pool: a stack on a Windows OS gets none added.
  if (getOs(catalog, stack.os).family !== 'linux' || !runtime.hostOs.includes('linux'))
    return others
  const names = new Set(pools.map((p) => p.name))
  let name = 'sandboxed'
  for (let n = 2; names.has(name); n++) name = `sandboxed-${n}`
  return [
    ...others,
    {
      name,
      role: 'workers',
      os: stack.os,
      runtime: stack.runtime,
      sandboxes: [sandbox],
      size: 2,
      virtualization,
      labels: { 'stackwright.dev/sandbox': sandbox },
      taints: [{ key: 'stackwright.dev/sandbox', value: sandbox, effect: 'NoSchedule' }],
    },
  ]
}
