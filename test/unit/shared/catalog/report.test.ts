import { describe, expect, it } from 'vitest'
import { catalog, catalogFacts } from '../../../../shared/catalog/index'
import { confirmed } from '../../../../shared/catalog/fact'
import { UNDATED, catalogReport, formatCatalogReport } from '../../../../shared/catalog/report'

describe('catalog report', () => {
  it('lists every unconfirmed fact and counts every confirmed one under its check month', () => {
    const report = catalogReport(catalog)
    const facts = catalogFacts(catalog)
    expect(report.total).toBe(facts.length)
    expect(report.unconfirmed.length).toBe(facts.filter((e) => !e.fact.confirmed).length)
    const counted = report.byMonth.reduce((sum, [, n]) => sum + n, 0)
    expect(counted + report.unconfirmed.length).toBe(report.total)
    expect(report.byMonth.find(([m]) => m === '2026-12')?.[1]).toBeGreaterThanOrEqual(6)
    const text = formatCatalogReport(report)
    for (const e of report.unconfirmed) expect(text).toContain(`${e.table}/${e.id}: ${e.fact.text}`)
  })

  it('orders months oldest first, undated facts before any dated month', () => {
    const dated = {
      ...catalog,
      plugins: catalog.plugins.map((p, i) =>
        i === 0 ? { ...p, facts: [...p.facts, confirmed('Old check.', ['S1'], '2025-01')] } : p,
      ),
    }
    const months = catalogReport(dated).byMonth.map(([m]) => m)
    expect(months[0]).toBe(UNDATED)
    expect(months.slice(1)).toEqual([...months.slice(1)].sort())
    expect(months).toContain('2025-01')
  })
})
