// Pure edits of the node pools (the Nodes step and the Runtime step's sandboxes), and the words for
// how one design's pools differ from another's (shown on option cards as "Also changes").
import type { OsId, RuntimeId } from '../../shared/catalog/ids'
import type { Catalog, OsFamily } from '../../shared/catalog/types'
import { engineFor, getOrchestrator, getOs, getRuntime } from '../../shared/catalog/index'
import { applyStack, primaryPoolIndex } from '../../shared/engine/stack'
import type { Design, NodePool } from '../../shared/model/schema'
import { nodePoolSchema } from '../../shared/model/schema'
import { omit } from './omit'

/** A pool name not yet used: `wanted`, `wanted-2`, ... */
export function freshPoolName(design: Design, wanted: string): string {
  const names = new Set(design.nodePools.map((p) => p.name))
  let name = wanted
  for (let n = 2; names.has(name); n++) name = `${wanted}-${n}`
  return name
}

/** What kind of pool "Add pool" creates. */
export type PoolTemplate = 'linux' | 'windows' | 'control-plane'

function firstOfFamily(catalog: Catalog, ids: readonly OsId[], family: OsFamily): OsId | undefined {
  return ids.find((id) => getOs(catalog, id).family === family)
}

/** A new pool for the design's orchestrator: a Linux or Windows workers pool, or a control plane. */
export function newPool(design: Design, template: PoolTemplate, catalog: Catalog): NodePool {
  const o = getOrchestrator(catalog, design.choices.orchestrator)
  const primary = design.nodePools[primaryPoolIndex(design, catalog)]
  const family: OsFamily = template === 'windows' ? 'windows' : 'linux'
  const oses = template === 'control-plane' ? o.os.controlPlane : o.os.worker
  const primaryOs = primary && getOs(catalog, primary.os).family === family ? primary.os : undefined
  const os =
    (primaryOs && oses.includes(primaryOs) ? primaryOs : undefined) ??
    firstOfFamily(catalog, oses, family) ??
    (family === 'windows' ? 'windows-server' : 'ubuntu')
  const runtime: RuntimeId =
    (primary && family === 'linux' && getOs(catalog, primary.os).family === 'linux'
      ? primary.runtime
      : undefined) ??
    engineFor(catalog, o.id, family) ??
    'containerd'
  const base =
    template === 'control-plane' ? 'control-plane' : template === 'windows' ? 'windows' : 'workers'
  return nodePoolSchema.parse({
    name: freshPoolName(design, base),
    role: template === 'control-plane' ? 'control-plane' : 'workers',
    os,
    runtime,
    size: template === 'control-plane' ? 3 : 2,
    taints: template === 'windows' ? [{ key: 'os', value: 'windows', effect: 'NoSchedule' }] : [],
  })
}

/** The design with a new pool at the end. */
export function withPoolAdded(design: Design, template: PoolTemplate, catalog: Catalog): Design {
  return { ...design, nodePools: [...design.nodePools, newPool(design, template, catalog)] }
}

/** The design with one pool changed; a rename carries the workloads placed on it along. */
export function withPoolUpdated(design: Design, index: number, patch: Partial<NodePool>): Design {
  const current = design.nodePools[index]
  if (!current) return design
  const updated: NodePool = { ...current, ...patch }
  const nodePools = design.nodePools.map((p, i) => (i === index ? updated : p))
  const from = current.name
  const to = updated.name
  const unique = (name: string) => design.nodePools.filter((p) => p.name === name).length
  if (from === to || unique(from) !== 1 || unique(to) !== 0) return { ...design, nodePools }
  return {
    ...design,
    nodePools,
    workloads: design.workloads.map((w) => (w.pool === from ? { ...w, pool: to } : w)),
  }
}

/** The design without one pool; workloads pinned to it go back to automatic placement. */
export function withPoolRemoved(design: Design, index: number): Design {
  const removed = design.nodePools[index]
  if (!removed) return design
  const nodePools = design.nodePools.filter((_, i) => i !== index)
  if (nodePools.some((p) => p.name === removed.name)) return { ...design, nodePools }
  return {
    ...design,
    nodePools,
    workloads: design.workloads.map((w) => {
      return w.pool === removed.name ? omit(w, 'pool') : w
    }),
  }
}

/** Whether some pool of the design lists the sandbox. */
export function offersSandbox(design: Design, id: RuntimeId): boolean {
  return design.nodePools.some((p) => p.sandboxes.includes(id))
}

/**
 * The pool a sandbox is added to: the primary pool when the sandbox runs its OS family, else the
 * first pool running workloads of a family the sandbox runs on.
 */
export function sandboxTarget(design: Design, id: RuntimeId, catalog: Catalog): number {
  const sandbox = getRuntime(catalog, id)
  const fits = (p: NodePool) =>
    p.role !== 'control-plane' && sandbox.hostOs.includes(getOs(catalog, p.os).family)
  const primary = primaryPoolIndex(design, catalog)
  const pool = design.nodePools[primary]
  if (pool && fits(pool)) return primary
  const other = design.nodePools.findIndex(fits)
  return other >= 0 ? other : primary
}

/**
 * The design with a sandbox offered or withdrawn: switching it on adds it to the pool it fits
 * (declaring the virtualisation it needs); switching it off removes it from every pool.
 */
export function withSandboxToggled(design: Design, id: RuntimeId, catalog: Catalog): Design {
  if (offersSandbox(design, id))
    return {
      ...design,
      nodePools: design.nodePools.map((p) =>
        p.sandboxes.includes(id) ? { ...p, sandboxes: p.sandboxes.filter((s) => s !== id) } : p,
      ),
    }
  if (design.nodePools.length === 0) {
    const seeded = withStartingPools(design, catalog)
    return seeded.nodePools.length === 0 ? design : withSandboxToggled(seeded, id, catalog)
  }
  const target = sandboxTarget(design, id, catalog)
  const pool = design.nodePools[target]
  if (!pool) return design
  const sandbox = getRuntime(catalog, id)
  const onPrem = design.context.cloud === 'on-prem' || design.context.cloud === 'hybrid'
  const virtualization =
    sandbox.needsVirtualization && pool.virtualization === 'none'
      ? onPrem
        ? ('bare-metal' as const)
        : ('nested' as const)
      : pool.virtualization
  return withPoolUpdated(design, target, {
    sandboxes: [...pool.sandboxes, id],
    virtualization,
  })
}

function stackOfEmpty(design: Design, catalog: Catalog) {
  const o = getOrchestrator(catalog, design.choices.orchestrator)
  return {
    orchestrator: o.id,
    runtime: engineFor(catalog, o.id, 'linux') ?? 'containerd',
    os: firstOfFamily(catalog, o.os.worker, 'linux') ?? 'ubuntu',
    plugins: design.choices.plugins,
  }
}

/**
 * A design ready to edit: one with no node pools (a brand-new one) gets a workers pool for its
 * orchestrator, and a control-plane pool where the orchestrator has no managed one.
 */
export function withStartingPools(design: Design, catalog: Catalog): Design {
  if (design.nodePools.length > 0) return design
  const stack = stackOfEmpty(design, catalog)
  const workers = nodePoolSchema.parse({
    name: 'workers',
    role: 'workers',
    os: stack.os,
    runtime: stack.runtime,
  })
  return applyStack({ ...design, nodePools: [workers] }, stack, catalog)
}

const list = (xs: readonly string[]) => (xs.length === 0 ? 'none' : xs.join(', '))

/**
 * How `after`'s pools differ from `before`'s, as "pool name: field old -> new" lines. The primary
 * pool's engine and OS are left out: the stack's own change lines already say them.
 */
export function poolChanges(before: Design, after: Design, catalog: Catalog): string[] {
  const changes: string[] = []
  const primary = before.nodePools[primaryPoolIndex(before, catalog)]?.name
  const afterByName = new Map(after.nodePools.map((p) => [p.name, p]))
  const beforeNames = new Set(before.nodePools.map((p) => p.name))
  for (const old of before.nodePools) {
    const now = afterByName.get(old.name)
    if (!now) {
      changes.push(`pool ${old.name}: removed`)
      continue
    }
    const at = `pool ${old.name}`
    if (old.name !== primary && old.os !== now.os) changes.push(`${at}: os ${old.os} -> ${now.os}`)
    if (old.name !== primary && old.runtime !== now.runtime)
      changes.push(`${at}: runtime ${old.runtime} -> ${now.runtime}`)
    const added = now.sandboxes.filter((s) => !old.sandboxes.includes(s))
    const dropped = old.sandboxes.filter((s) => !now.sandboxes.includes(s))
    if (added.length > 0) changes.push(`${at}: sandboxes + ${list(added)}`)
    if (dropped.length > 0) changes.push(`${at}: sandboxes - ${list(dropped)}`)
    if (old.virtualization !== now.virtualization)
      changes.push(`${at}: virtualization ${old.virtualization} -> ${now.virtualization}`)
  }
  for (const pool of after.nodePools)
    if (!beforeNames.has(pool.name))
      changes.push(`pool ${pool.name}: added (${pool.role}, ${pool.os}, ${pool.runtime})`)
  return changes
}
