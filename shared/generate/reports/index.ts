// Machine-readable reports of an evaluation: report.json (CI), findings.csv (issue trackers), report.sarif.
import type { Catalog } from '../../catalog/types'
import { escapeJsonControls } from '../../util/control-chars'
import type { Evaluation } from '../../engine/types'
import type { Artifact } from '../types'
import { findingsCsv } from './csv'
import type { SarifOptions } from './sarif'
import { sarifReport } from './sarif'

export { csvCell, findingsCsv, FINDINGS_CSV_HEADER } from './csv'
export { sarifLevel, sarifLog, sarifReport, SARIF_SCHEMA } from './sarif'
export type { SarifOptions } from './sarif'

/**
 * report.json: the Evaluation exactly as the CLI's `evaluate --format json` prints it, with control
 * and bidi characters (which JSON.stringify leaves raw from DEL up) as `\u` escapes.
 */
export function reportJson(evaluation: Evaluation): string {
  return escapeJsonControls(JSON.stringify(evaluation, null, 2)) + '\n'
}

/** report.json, findings.csv and report.sarif for an evaluation. */
export function generateReports(
  evaluation: Evaluation,
  catalog: Catalog,
  options: SarifOptions,
): Artifact[] {
  return [
    { path: 'report.json', content: reportJson(evaluation) },
    { path: 'findings.csv', content: findingsCsv(evaluation) },
    { path: 'report.sarif', content: sarifReport(evaluation, catalog, options) },
  ]
}
