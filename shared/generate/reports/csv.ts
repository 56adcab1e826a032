// findings.csv for issue trackers: RFC 4180 quoting, with spreadsheet formula injection neutralised
// and control and bidi characters shown as `\x1b` / `\u202e` (tab, line feed and CRLF stay text).
import { escapeControlCharsInText } from '../../util/control-chars'
import type { Evaluation } from '../../engine/types'

export const FINDINGS_CSV_HEADER = [
  'id',
  'severity',
  'title',
  'why',
  'fix',
  'treatment',
  'note',
  'paths',
  'references',
] as const

// A cell starting with one of these is read as a formula by spreadsheet apps (OWASP: CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/

/** One CSV cell: controls shown, formula starts prefixed with `'`, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const text = escapeControlCharsInText(value)
  const safe = FORMULA_START.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The findings as CSV: a header row, then one row per finding; CRLF line ends (RFC 4180). */
export function findingsCsv(evaluation: Evaluation): string {
  const rows = evaluation.findings.map((f) => [
    f.id,
    f.severity,
    f.title,
    f.why,
    f.fix,
    f.treatment,
    f.note,
    f.paths.join('; '),
    f.references.join('; '),
  ])
  return (
    [[...FINDINGS_CSV_HEADER], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
  )
}
