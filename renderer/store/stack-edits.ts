// Pure design edits for the stack choices: picking an option repairs what the pick made impossible.
// Every change of orchestrator, engine or OS goes through the engine's applyStack, the one place
// where a stack is written onto the node pools.
import type { OrchestratorId, OsId, PluginId, RuntimeId } from '../../shared/catalog/ids'
import type { Catalog } from '../../shared/catalog/types'
import { EXCLUSIVE_CATEGORIES } from '../../shared/catalog/types'
import { getOrchestrator, getPlugin, getRuntime } from '../../shared/catalog/index'
import { evaluate } from '../../shared/engine/index'
import { applyStack, primaryPoolIndex, stackOf as engineStackOf } from '../../shared/engine/stack'
import type { Stack } from '../../shared/engine/types'
import type { Design } from '../../shared/model/schema'

/** The stack dimensions chosen one option at a time (plugins are a set, see `togglePlugin`). */
export type ChoiceDimension = 'orchestrator' | 'runtime' | 'os'

/** The design's current stack: the orchestrator, the primary pool's engine and OS, the plugins. */
export function stackOf(design: Design, catalog: Catalog): Stack {
  return engineStackOf(design, catalog)
}

/** A total key for a stack, for lists and comparisons. */
export function stackKey(stack: Stack): string {
  return `${stack.orchestrator}|${stack.runtime}|${stack.os}|${[...stack.plugins].sort().join(',')}`
}

/** Paths of the primary pool's engine and OS, which a stack choice writes. */
export function primaryPaths(design: Design, catalog: Catalog): { runtime: string; os: string } {
  const at = `nodePools[${primaryPoolIndex(design, catalog)}]`
  return { runtime: `${at}.runtime`, os: `${at}.os` }
}

/** Options in the catalog's order, with the current one tried first so a repair changes little. */
function preferring<T>(current: T, options: readonly T[]): T[] {
  return options.includes(current)
    ? [current, ...options.filter((o) => o !== current)]
    : [...options]
}

const isEngine = (catalog: Catalog, id: RuntimeId) => getRuntime(catalog, id).kind === 'engine'

/**
 * The stack applied with the first engine/OS pair (current ones first) that the orchestrator can
 * run on the primary pool. Checked on the design without workloads: the pools' own compatibility
 * does not depend on them, and that keeps the search cheap for designs with thousands of workloads.
 */
function applyRepaired(design: Design, wanted: Stack, catalog: Catalog, keepRuntime: boolean) {
  const o = getOrchestrator(catalog, wanted.orchestrator)
  const runtimes: RuntimeId[] = keepRuntime
    ? [wanted.runtime]
    : preferring(
        wanted.runtime,
        o.runtimes.filter((id) => isEngine(catalog, id)),
      )
  const oses: OsId[] = preferring(wanted.os, [...o.os.worker])
  const probe: Design = { ...design, workloads: [] }
  for (const runtime of runtimes) {
    for (const os of oses) {
      const stack = { ...wanted, runtime, os }
      const candidate = applyStack(probe, stack, catalog)
      const paths = primaryPaths(candidate, catalog)
      const clash = evaluate(candidate, catalog).violations.some((v) =>
        v.paths.some((p) => p === paths.runtime || p === paths.os),
      )
      if (!clash) return applyStack(design, stack, catalog)
    }
  }
  return applyStack(design, wanted, catalog)
}

/** Plugins the orchestrator applies, plus an enforcing CNI when default-deny would otherwise be void. */
function repairPlugins(design: Design, catalog: Catalog): Design {
  const o = getOrchestrator(catalog, design.choices.orchestrator)
  let plugins = design.choices.plugins.filter((id) => o.plugins.includes(id))
  const enforced =
    o.networkPolicy !== 'cni' ||
    plugins.some((id) => getPlugin(catalog, id).provides.includes('network-policy'))
  if (design.isolation.network === 'default-deny' && !enforced) {
    const cni = o.plugins
      .map((id) => getPlugin(catalog, id))
      .find((p) => p.category === 'cni' && p.provides.includes('network-policy'))
    if (cni)
      plugins = [...plugins.filter((id) => getPlugin(catalog, id).category !== 'cni'), cni.id]
  }
  if (
    plugins.length === design.choices.plugins.length &&
    plugins.every((p, i) => p === design.choices.plugins[i])
  )
    return design
  return { ...design, choices: { ...design.choices, plugins } }
}

/** The design with one stack option picked, and the rest repaired to stay compatible. */
export function withChoice(
  design: Design,
  dimension: ChoiceDimension,
  id: string,
  catalog: Catalog,
): Design {
  const current = stackOf(design, catalog)
  switch (dimension) {
    case 'orchestrator':
      if (id === design.choices.orchestrator) return design
      return repairPlugins(
        applyRepaired(design, { ...current, orchestrator: id as OrchestratorId }, catalog, false),
        catalog,
      )
    case 'runtime':
      if (id === current.runtime) return design
      return applyRepaired(design, { ...current, runtime: id as RuntimeId }, catalog, true)
    case 'os':
      if (id === current.os) return design
      return applyStack(design, { ...current, os: id as OsId }, catalog)
  }
}

/** The plugin set with `id` switched on or off; exclusive categories behave like radio buttons. */
export function withPluginToggled(design: Design, id: PluginId, catalog: Catalog): Design {
  const current = design.choices.plugins
  if (current.includes(id))
    return { ...design, choices: { ...design.choices, plugins: current.filter((p) => p !== id) } }
  const category = getPlugin(catalog, id).category
  const kept = EXCLUSIVE_CATEGORIES.includes(category)
    ? current.filter((p) => getPlugin(catalog, p).category !== category)
    : current
  return { ...design, choices: { ...design.choices, plugins: [...kept, id] } }
}

/** The plugin set without any member of `category` (the "None" option of an exclusive category). */
export function withoutPluginCategory(design: Design, category: string, catalog: Catalog): Design {
  const plugins = design.choices.plugins.filter((p) => getPlugin(catalog, p).category !== category)
  if (plugins.length === design.choices.plugins.length) return design
  return { ...design, choices: { ...design.choices, plugins } }
}

/** The design with a whole recommended stack adopted (exactly what recommend scored). */
export function withStack(design: Design, stack: Stack, catalog: Catalog): Design {
  return applyStack(design, stack, catalog)
}
