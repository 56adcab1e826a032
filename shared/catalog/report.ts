// `npm run catalog:report`: what an auditor of the catalog asks first — which facts are unconfirmed,
// and how old the checks of the others are.
import type { Catalog } from './types'
import type { FactEntry } from './index'
import { catalogFacts } from './index'

/** Facts verified when the catalog was built carry no month; git history dates that to 2026-11. */
export const UNDATED = 'not recorded (catalog verification, 2026-11)'

export interface CatalogReport {
  readonly total: number
  readonly unconfirmed: readonly FactEntry[]
  /** Confirmed facts per check month, oldest first; undated ones under UNDATED. */
  readonly byMonth: readonly (readonly [string, number])[]
}

export function catalogReport(catalog: Catalog): CatalogReport {
  const facts = catalogFacts(catalog)
  const months = new Map<string, number>()
  for (const { fact } of facts) {
    if (!fact.confirmed) continue
    const month = fact.checked ?? UNDATED
    months.set(month, (months.get(month) ?? 0) + 1)
  }
  const byMonth = [...months].sort(([a], [b]) =>
    a === UNDATED ? -1 : b === UNDATED ? 1 : a < b ? -1 : a > b ? 1 : 0,
  )
  return { total: facts.length, unconfirmed: facts.filter((e) => !e.fact.confirmed), byMonth }
}

/** The report as text, one fact per line for the unconfirmed ones. */
export function formatCatalogReport(report: CatalogReport): string {
  const confirmed = report.total - report.unconfirmed.length
  const lines = [
    `${report.total} facts: ${confirmed} confirmed against their sources, ${report.unconfirmed.length} unconfirmed.`,
    '',
    'Confirmed facts by the month they were checked (oldest first):',
    ...report.byMonth.map(([month, n]) => `  ${month}: ${n}`),
    '',
    'Unconfirmed facts (the app and the document flag them; check these first):',
    ...report.unconfirmed.map(
      (e) => `  ${e.table}/${e.id}: ${e.fact.text} [${e.fact.sources.join(', ')}]`,
    ),
  ]
  return lines.join('\n') + '\n'
}
