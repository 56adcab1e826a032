// report.sarif: findings and violations as SARIF 2.1.0, so code-scanning tools can show them on the design file.
import type { Location, Log, ReportingDescriptor, Result } from 'sarif'
import { getReference } from '../../catalog/index'
import type { Catalog, ReferenceId } from '../../catalog/types'
import type { Evaluation, Finding, Severity, Violation } from '../../engine/types'
import { assertNever } from '../../util/assert-never'
import { escapeJsonControls } from '../../util/control-chars'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

export interface SarifOptions {
  /** The design file's name as the results should point at it, e.g. `payments.stackwright.yaml`. */
  readonly designFileName: string
  /** Line of a design path in that file, when the caller has a line map (adds a region). */
  readonly lineOf?: (path: string) => number | undefined
}

/** SARIF level of a finding severity. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  switch (severity) {
    case 'high':
      return 'error'
    case 'medium':
      return 'warning'
    case 'low':
      return 'note'
    default:
      return assertNever(severity)
  }
}

// GitHub code scanning ranks security results by this property (CVSS-like, 0.1-10).
const SECURITY_SEVERITY: Readonly<Record<Severity | 'violation', string>> = {
  violation: '9.0',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
}

/** The SARIF log object for an evaluation. */
export function sarifLog(evaluation: Evaluation, catalog: Catalog, options: SarifOptions): Log {
  const rules: ReportingDescriptor[] = []
  const indexOf = new Map<string, number>()
  const addRule = (rule: ReportingDescriptor) => {
    if (indexOf.has(rule.id)) return
    indexOf.set(rule.id, rules.length)
    rules.push(rule)
  }
  for (const v of evaluation.violations) addRule(violationRule(v, catalog))
  for (const f of evaluation.findings) addRule(findingRule(f, catalog))
  // Per segment: encodeURI would leave `#` and `?`, which would turn the rest of a file name into a
  // fragment or a query.
  const uri = options.designFileName.split('/').map(encodeURIComponent).join('/')
  const results: Result[] = [
    ...evaluation.violations.map((v) => violationResult(v, indexOf.get(v.id) ?? 0, uri, options)),
    ...evaluation.findings.map((f) => findingResult(f, indexOf.get(f.id) ?? 0, uri, options)),
  ]
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Stackwright', rules } },
        artifacts: [{ location: { uri } }],
        results,
      },
    ],
  }
}

/** report.sarif content (pretty-printed, newline-terminated). */
export function sarifReport(
  evaluation: Evaluation,
  catalog: Catalog,
  options: SarifOptions,
): string {
  return escapeJsonControls(JSON.stringify(sarifLog(evaluation, catalog, options), null, 2)) + '\n'
}

/** `RISK-AUDIT-OFF` -> `RiskAuditOff`: a readable rule name distinct from the id. */
function ruleName(id: string): string {
  return id
    .toLowerCase()
    .split('-')
    .map((w) => (w === '' ? '' : w[0]?.toUpperCase() + w.slice(1)))
    .join('')
}

function helpUri(references: readonly ReferenceId[], catalog: Catalog): { helpUri?: string } {
  for (const id of references) {
    const url = getReference(catalog, id)?.url
    if (url !== undefined) return { helpUri: url }
  }
  return {}
}

function findingRule(f: Finding, catalog: Catalog): ReportingDescriptor {
  return {
    id: f.id,
    name: ruleName(f.id),
    shortDescription: { text: f.title },
    fullDescription: { text: f.why },
    help: { text: f.fix },
    ...helpUri(f.references, catalog),
    defaultConfiguration: { level: sarifLevel(f.severity) },
    properties: {
      tags: ['security', 'stackwright', 'finding'],
      'security-severity': SECURITY_SEVERITY[f.severity],
      references: [...f.references],
    },
  }
}

function violationRule(v: Violation, catalog: Catalog): ReportingDescriptor {
  return {
    id: v.id,
    name: ruleName(v.id),
    shortDescription: {
      text: `Hard incompatibility ${v.id}: the design cannot be built as written.`,
    },
    help: { text: v.fix },
    ...helpUri(v.references, catalog),
    defaultConfiguration: { level: 'error' },
    properties: {
      tags: ['security', 'stackwright', 'violation'],
      'security-severity': SECURITY_SEVERITY.violation,
      references: [...v.references],
    },
  }
}

function locations(paths: readonly string[], uri: string, options: SarifOptions): Location[] {
  const at = (path?: string): Location => {
    const line = path === undefined ? undefined : options.lineOf?.(path)
    return {
      physicalLocation: {
        artifactLocation: { uri, index: 0 },
        ...(line === undefined ? {} : { region: { startLine: line } }),
      },
      ...(path === undefined
        ? {}
        : { logicalLocations: [{ fullyQualifiedName: path, kind: 'member' }] }),
    }
  }
  return paths.length === 0 ? [at()] : paths.map((p) => at(p))
}

function findingResult(f: Finding, ruleIndex: number, uri: string, options: SarifOptions): Result {
  const treated = f.treatment !== 'open'
  return {
    ruleId: f.id,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: `${f.title}. ${f.why} Fix: ${f.fix}` },
    locations: locations(f.paths, uri, options),
    partialFingerprints: { 'stackwright/v1': `${f.id}|${f.paths.join(',')}` },
    ...(treated
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification:
                f.note === ''
                  ? `Treatment: ${f.treatment}`
                  : `Treatment: ${f.treatment}. ${f.note}`,
            },
          ],
        }
      : {}),
    properties: { treatment: f.treatment, note: f.note },
  }
}

function violationResult(
  v: Violation,
  ruleIndex: number,
  uri: string,
  options: SarifOptions,
): Result {
  return {
    ruleId: v.id,
    ruleIndex,
    level: 'error',
    message: { text: `${v.message} Fix: ${v.fix}` },
    locations: locations(v.paths, uri, options),
    partialFingerprints: { 'stackwright/v1': `${v.id}|${v.paths.join(',')}` },
  }
}
