// Pure design edits for the stack choices: picking an option repairs what the pick made impossible.
import type { OrchestratorId, OsId, PluginId, RuntimeId } from '../../shared/catalog/ids'
import type { Catalog } from '../../shared/catalog/types'
import { EXCLUSIVE_CATEGORIES } from '../../shared/catalog/types'
import { getOrchestrator, getPlugin, getRuntime } from '../../shared/catalog/index'
import { evaluate } from '../../shared/engine/index'
import type { Stack } from '../../shared/engine/types'
import type { Design } from '../../shared/model/schema'
import { omit } from './omit'

/** The stack dimensions chosen one option at a time (plugins are a set, see `togglePlugin`). */
export type ChoiceDimension = 'orchestrator' | 'runtime' | 'os'

/** The design's current stack. */
export function stackOf(design: Design): Stack {
  const { orchestrator, runtime, os, plugins } = design.choices
  return { orchestrator, runtime, os, plugins }
}

/** A total key for a stack, for lists and comparisons. */
export function stackKey(stack: Stack): string {
  return `${stack.orchestrator}|${stack.runtime}|${stack.os}|${[...stack.plugins].sort().join(',')}`
}

const STACK_PATHS = ['choices.runtime', 'choices.os'] as const

/** Options in the catalog's order, with the current one tried first so a repair changes little. */
function preferring<T>(current: T, options: readonly T[]): T[] {
  return options.includes(current)
    ? [current, ...options.filter((o) => o !== current)]
    : [...options]
}

/**
 * The first runtime/OS pair (current ones first) that the orchestrator can run together. Checked on
 * the design without workloads: the stack's own compatibility does not depend on them, and that
 * keeps the search cheap for designs with thousands of workloads.
 */
function repairRuntimeAndOs(design: Design, catalog: Catalog, keepRuntime: boolean): Design {
  const o = getOrchestrator(catalog, design.choices.orchestrator)
  const runtimes: RuntimeId[] = keepRuntime
    ? [design.choices.runtime]
    : preferring(design.choices.runtime, o.runtimes)
  const oses: OsId[] = preferring(design.choices.os, [
    ...new Set([...o.os.controlPlane, ...o.os.worker]),
  ])
  const probe: Design = { ...design, workloads: [] }
  for (const runtime of runtimes) {
    for (const os of oses) {
      const candidate = { ...probe, choices: { ...probe.choices, runtime, os } }
      const clash = evaluate(candidate, catalog).violations.some((v) =>
        v.paths.some((p) => (STACK_PATHS as readonly string[]).includes(p)),
      )
      if (!clash) return { ...design, choices: { ...design.choices, runtime, os } }
    }
  }
  return design
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
  return { ...design, choices: { ...design.choices, plugins } }
}

/** Keeps the sandbox for untrusted workloads one the orchestrator can run, or drops it. */
function repairUntrustedRuntime(design: Design, catalog: Catalog): Design {
  const current = design.isolation.runtimeClassForUntrusted
  const o = getOrchestrator(catalog, design.choices.orchestrator)
  if (current === undefined || o.runtimes.includes(current)) return design
  const sandbox = o.runtimes.find((id) => getRuntime(catalog, id).sandbox)
  const rest = omit(design.isolation, 'runtimeClassForUntrusted')
  return {
    ...design,
    isolation: sandbox ? { ...rest, runtimeClassForUntrusted: sandbox } : rest,
  }
}

/** The design with one stack option picked, and the later choices repaired to stay compatible. */
export function withChoice(
  design: Design,
  dimension: ChoiceDimension,
  id: string,
  catalog: Catalog,
): Design {
  switch (dimension) {
    case 'orchestrator': {
      const picked = {
        ...design,
        choices: { ...design.choices, orchestrator: id as OrchestratorId },
      }
      if (picked.choices.orchestrator === design.choices.orchestrator) return design
      return repairUntrustedRuntime(
        repairPlugins(repairRuntimeAndOs(picked, catalog, false), catalog),
        catalog,
      )
    }
    case 'runtime':
      if (id === design.choices.runtime) return design
      return repairRuntimeAndOs(
        { ...design, choices: { ...design.choices, runtime: id as RuntimeId } },
        catalog,
        true,
      )
    case 'os':
      if (id === design.choices.os) return design
      return { ...design, choices: { ...design.choices, os: id as OsId } }
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

/** The design with a whole recommended stack adopted. */
export function withStack(design: Design, stack: Stack, catalog: Catalog): Design {
  const adopted: Design = {
    ...design,
    choices: {
      orchestrator: stack.orchestrator,
      runtime: stack.runtime,
      os: stack.os,
      plugins: [...stack.plugins],
    },
  }
  return repairUntrustedRuntime(adopted, catalog)
}
