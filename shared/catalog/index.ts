// The knowledge base: typed, sourced data the engine reads through generic rules.
//
// To add an entry: add its id to ids.ts (the design schema and the tests pick it up), add the entry
// to its table file (orchestrators/, runtimes.ts, operating-systems.ts, plugins/), cite a reference
// id from references/ for every non-obvious fact (add the reference first), mark a fact
// `unconfirmed` unless you checked it against that source, and list the new id wherever it is
// compatible (orchestrator runtimes, os, plugins). `npx vitest run test/unit/shared/catalog` then
// checks ids, references and the compatibility invariants.
import type { OrchestratorId, OsId, PluginId, RuntimeId } from './ids'
import type {
  Catalog,
  Fact,
  OperatingSystem,
  Orchestrator,
  OsFamily,
  Plugin,
  Reference,
  ReferenceId,
  Runtime,
} from './types'
import { operatingSystems } from './operating-systems'
import { orchestrators } from './orchestrators'
import { plugins } from './plugins'
import { references } from './references'
import { runtimes } from './runtimes'

export { STANDARD_REFERENCE_IDS } from './references'
export type { StandardReferenceId } from './references'

export const catalog: Catalog = { orchestrators, runtimes, operatingSystems, plugins, references }

interface CatalogIndex {
  readonly orchestrators: ReadonlyMap<OrchestratorId, Orchestrator>
  readonly runtimes: ReadonlyMap<RuntimeId, Runtime>
  readonly operatingSystems: ReadonlyMap<OsId, OperatingSystem>
  readonly plugins: ReadonlyMap<PluginId, Plugin>
  readonly references: ReadonlyMap<ReferenceId, Reference>
}

// One index per catalog object, built on first lookup: the engine calls the getters in hot loops.
const indexes = new WeakMap<Catalog, CatalogIndex>()

function byId<K, V extends { readonly id: K }>(entries: readonly V[]): ReadonlyMap<K, V> {
  return new Map(entries.map((entry) => [entry.id, entry]))
}

function indexOf(c: Catalog): CatalogIndex {
  let index = indexes.get(c)
  if (!index) {
    index = {
      orchestrators: byId(c.orchestrators),
      runtimes: byId(c.runtimes),
      operatingSystems: byId(c.operatingSystems),
      plugins: byId(c.plugins),
      references: byId(c.references),
    }
    indexes.set(c, index)
  }
  return index
}

// Typed ids always resolve in a well-formed catalog (the catalog tests prove it for ours); reaching
// this means a hand-built catalog is missing an entry, which is a programming error.
function found<V>(entry: V | undefined, table: string, id: string): V {
  if (entry === undefined) throw new Error(`Catalog has no ${table} entry "${id}"`)
  return entry
}

/** The orchestrator entry for a typed id (O(1) after the first lookup on this catalog). */
export function getOrchestrator(c: Catalog, id: OrchestratorId): Orchestrator {
  return found(indexOf(c).orchestrators.get(id), 'orchestrator', id)
}

/** The runtime entry for a typed id. */
export function getRuntime(c: Catalog, id: RuntimeId): Runtime {
  return found(indexOf(c).runtimes.get(id), 'runtime', id)
}

/** The operating-system entry for a typed id. */
export function getOs(c: Catalog, id: OsId): OperatingSystem {
  return found(indexOf(c).operatingSystems.get(id), 'operating system', id)
}

/** The plugin entry for a typed id. */
export function getPlugin(c: Catalog, id: PluginId): Plugin {
  return found(indexOf(c).plugins.get(id), 'plugin', id)
}

/** The reference for an id, or undefined: reference ids are plain strings, so they may be unknown. */
export function getReference(c: Catalog, id: ReferenceId): Reference | undefined {
  return indexOf(c).references.get(id)
}

/** Where a fact sits in the catalog, for listing facts (e.g. the unconfirmed ones) in documents. */
export interface FactEntry {
  readonly table: 'orchestrators' | 'runtimes' | 'operatingSystems' | 'plugins'
  readonly id: OrchestratorId | RuntimeId | OsId | PluginId
  readonly fact: Fact
}

/** Every fact of the catalog with the entry it belongs to, in table order. */
export function catalogFacts(c: Catalog): readonly FactEntry[] {
  const tables = [
    ['orchestrators', c.orchestrators],
    ['runtimes', c.runtimes],
    ['operatingSystems', c.operatingSystems],
    ['plugins', c.plugins],
  ] as const
  return tables.flatMap(([table, entries]) =>
    entries.flatMap((entry: { readonly id: FactEntry['id']; readonly facts: readonly Fact[] }) =>
      entry.facts.map((fact) => ({ table, id: entry.id, fact })),
    ),
  )
}

/** The container engine an orchestrator runs on nodes of an OS family (the first it lists). */
export function engineFor(
  c: Catalog,
  orchestrator: OrchestratorId,
  family: OsFamily,
): RuntimeId | undefined {
  return getOrchestrator(c, orchestrator).runtimes.find((id) => {
    const runtime = getRuntime(c, id)
    return runtime.kind === 'engine' && runtime.hostOs.includes(family)
  })
}
