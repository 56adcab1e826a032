// Integrity of the catalog tables: one entry per id, every cited reference exists, every fact sourced.
import { describe, expect, it } from 'vitest'
import { catalog, catalogFacts, getReference } from '../../../../shared/catalog/index'
import { ORCHESTRATOR_IDS, OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../../../../shared/catalog/ids'
import type { ReferenceId } from '../../../../shared/catalog/types'

const tables = [
  ['orchestrators', catalog.orchestrators, ORCHESTRATOR_IDS],
  ['runtimes', catalog.runtimes, RUNTIME_IDS],
  ['operatingSystems', catalog.operatingSystems, OS_IDS],
  ['plugins', catalog.plugins, PLUGIN_IDS],
] as const

/** Every reference id the catalog cites, with where it is cited. */
function citations(): { readonly where: string; readonly id: ReferenceId }[] {
  const fromFacts = catalogFacts(catalog).flatMap((e) =>
    e.fact.sources.map((id) => ({ where: `${e.table}/${e.id} fact "${e.fact.text}"`, id })),
  )
  const fromCves = catalog.runtimes.flatMap((r) =>
    r.cves.map((cve) => ({ where: `runtimes/${r.id} ${cve.id}`, id: cve.source })),
  )
  return [...fromFacts, ...fromCves]
}

describe('catalog tables', () => {
  it.each(tables)('%s has exactly one entry per id and no other entries', (_, entries, ids) => {
    const entryIds = entries.map((e) => e.id)
    expect([...entryIds].sort()).toEqual([...ids].sort())
    expect(new Set(entryIds).size).toBe(entryIds.length)
  })

  it.each(tables)('%s entries have a name and a summary', (_, entries) => {
    for (const e of entries) {
      expect(e.name.trim(), e.id).not.toBe('')
      expect(e.summary.trim(), e.id).not.toBe('')
    }
  })
})

describe('facts and references', () => {
  it('every fact has non-empty text and at least one source', () => {
    const facts = catalogFacts(catalog)
    expect(facts.length).toBeGreaterThan(100)
    for (const { table, id, fact } of facts) {
      expect(fact.text.trim(), `${table}/${id}`).not.toBe('')
      expect(fact.sources.length, `${table}/${id}: ${fact.text}`).toBeGreaterThan(0)
    }
  })

  it('every entry carries at least one fact', () => {
    for (const [table, entries] of tables) {
      for (const e of entries) expect(e.facts.length, `${table}/${e.id}`).toBeGreaterThan(0)
    }
  })

  it('every reference cited by a fact or a CVE exists in the references table', () => {
    const missing = citations().filter((c) => getReference(catalog, c.id) === undefined)
    expect(missing).toEqual([])
  })

  it('reference ids are unique and each reference has a title and a URL or section', () => {
    const ids = catalog.references.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const r of catalog.references) {
      expect(r.title.trim(), r.id).not.toBe('')
      expect(Boolean(r.url) || Boolean(r.section), r.id).toBe(true)
    }
  })

  it('reference URLs are absolute https URLs', () => {
    for (const r of catalog.references) {
      if (r.url === undefined) continue
      expect(new URL(r.url).protocol, r.id).toBe('https:')
    }
  })

  it('CVE ids are CVE or GHSA identifiers, unique per runtime', () => {
    for (const r of catalog.runtimes) {
      const ids = r.cves.map((c) => c.id)
      expect(new Set(ids).size, r.id).toBe(ids.length)
      for (const id of ids) expect(id, r.id).toMatch(/^(CVE-\d{4}-\d{4,}|GHSA(-[0-9a-z]{4}){3})$/)
    }
  })
})

describe('verification references', () => {
  it('every reference added during verification is cited by some fact', async () => {
    const { READ_REFERENCES, POINTER_REFERENCES } =
      await import('../../../../shared/catalog/references/verification')
    const cited = new Set(citations().map((c) => c.id))
    const unused = [...READ_REFERENCES, ...POINTER_REFERENCES].filter((r) => !cited.has(r.id))
    expect(unused.map((r) => r.id)).toEqual([])
  })

  it('pointer references (not read) back only unconfirmed facts', async () => {
    const { POINTER_REFERENCES } =
      await import('../../../../shared/catalog/references/verification')
    const pointers = new Set(POINTER_REFERENCES.map((r) => r.id))
    const confirmedOnPointers = catalogFacts(catalog).filter(
      (e) => e.fact.confirmed && e.fact.sources.every((s) => pointers.has(s)),
    )
    expect(confirmedOnPointers.map((e) => e.fact.text)).toEqual([])
  })
})
