// Lookup helpers: right entry, per-catalog indexes, clear failure on a malformed catalog.
import { describe, expect, it } from 'vitest'
import {
  catalog,
  catalogFacts,
  getOrchestrator,
  getOs,
  getPlugin,
  getReference,
  getRuntime,
} from '../../../../shared/catalog/index'
import { ORCHESTRATOR_IDS, OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../../../../shared/catalog/ids'
import type { Catalog } from '../../../../shared/catalog/types'

describe('lookups', () => {
  it('resolve every typed id to the entry with that id', () => {
    for (const id of ORCHESTRATOR_IDS) expect(getOrchestrator(catalog, id).id).toBe(id)
    for (const id of RUNTIME_IDS) expect(getRuntime(catalog, id).id).toBe(id)
    for (const id of OS_IDS) expect(getOs(catalog, id).id).toBe(id)
    for (const id of PLUGIN_IDS) expect(getPlugin(catalog, id).id).toBe(id)
  })

  it('return the table object itself, not a copy', () => {
    const eks = catalog.orchestrators.find((o) => o.id === 'eks')
    expect(getOrchestrator(catalog, 'eks')).toBe(eks)
  })

  it('index each catalog object separately', () => {
    const renamed = catalog.runtimes.map((r) =>
      r.id === 'kata' ? { ...r, name: 'Kata (test)' } : r,
    )
    const other: Catalog = { ...catalog, runtimes: renamed }
    expect(getRuntime(catalog, 'kata').name).toBe('Kata Containers')
    expect(getRuntime(other, 'kata').name).toBe('Kata (test)')
    expect(getRuntime(catalog, 'kata').name).toBe('Kata Containers')
  })

  it('fail loudly when a hand-built catalog lacks an entry', () => {
    const empty: Catalog = { ...catalog, plugins: [] }
    expect(() => getPlugin(empty, 'falco')).toThrow(/falco/)
  })

  it('resolve references by id', () => {
    expect(getReference(catalog, 'S15')?.title).toMatch(/Pod Sandboxing/)
  })
})

describe('catalogFacts', () => {
  it('lists each fact once with its owner', () => {
    const total =
      catalog.orchestrators.reduce((n, o) => n + o.facts.length, 0) +
      catalog.runtimes.reduce((n, r) => n + r.facts.length, 0) +
      catalog.operatingSystems.reduce((n, o) => n + o.facts.length, 0) +
      catalog.plugins.reduce((n, p) => n + p.facts.length, 0)
    const facts = catalogFacts(catalog)
    expect(facts.length).toBe(total)
    const first = facts[0]
    expect(first?.table).toBe('orchestrators')
    expect(first?.id).toBe(catalog.orchestrators[0]?.id)
  })

  it('includes both confirmed and unconfirmed facts', () => {
    const states = new Set(catalogFacts(catalog).map((e) => e.fact.confirmed))
    expect(states).toEqual(new Set([true, false]))
  })
})
