import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import type { Log } from 'sarif'
import { describe, expect, it } from 'vitest'
import { catalog, getReference } from '../../../../../shared/catalog/index'
import { evaluate } from '../../../../../shared/engine/index'
import { sarifLog, sarifReport } from '../../../../../shared/generate/reports/index'
import type { Design } from '../../../../../shared/model/schema'
import { exampleFiles, loadExample, makeDesign } from '../../../../support/designs'
import { RAW_CONTROL } from '../../../../support/injection-checks'
import { hostileDesign } from '../doc/support'

const schema = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL('../../../../fixtures/schemas/sarif-schema-2.1.0-rtm.5.json', import.meta.url),
    ),
    'utf8',
  ),
) as object
// The schema's language pattern is not valid with the `u` flag (a stray `]`), so compile patterns without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })
addFormats(ajv)
const validate = ajv.compile(schema)

const withViolations = makeDesign({
  choices: { orchestrator: 'ecs-fargate', runtime: 'kata', os: 'ubuntu', plugins: ['falco'] },
  workloads: [
    { name: 'web', image: 'a/web:1', ports: [80], talksTo: ['ghost'], needs: { hostAccess: true } },
  ],
})

const designs: [string, Design][] = [
  ...exampleFiles().map((f): [string, Design] => [f, loadExample(f)]),
  ['hostile', hostileDesign()],
  ['with violations', withViolations],
]

function logOf(design: Design, lineOf?: (path: string) => number | undefined): Log {
  const text = sarifReport(evaluate(design, catalog), catalog, {
    designFileName: 'my design.stackwright.yaml',
    lineOf,
  })
  return JSON.parse(text) as Log
}

describe.each(designs)('report.sarif for %s', (_, design) => {
  const evaluation = evaluate(design, catalog)
  const log = logOf(design)
  const run = log.runs[0]!

  it('is valid against the SARIF 2.1.0 schema', () => {
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true)
  })

  it('has one result per finding and violation, each pointing at a rule with its id', () => {
    expect(run.results).toHaveLength(evaluation.findings.length + evaluation.violations.length)
    const rules = run.tool.driver.rules ?? []
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
    for (const r of run.results ?? []) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId)
    expect(new Set(rules.map((r) => r.id))).toEqual(
      new Set([...evaluation.findings, ...evaluation.violations].map((x) => x.id)),
    )
  })

  it('maps severities to levels and violations to errors', () => {
    const levels = { high: 'error', medium: 'warning', low: 'note' }
    for (const f of evaluation.findings) {
      expect(run.results?.find((r) => r.ruleId === f.id)?.level).toBe(levels[f.severity])
    }
    for (const v of evaluation.violations)
      expect(run.results?.find((r) => r.ruleId === v.id)?.level).toBe('error')
  })

  it('locates results in the design file by design path, and links help to the first reference URL', () => {
    for (const r of run.results ?? []) {
      for (const loc of r.locations ?? [])
        expect(loc.physicalLocation?.artifactLocation?.uri).toBe('my%20design.stackwright.yaml')
    }
    for (const f of evaluation.findings) {
      const result = run.results?.find((r) => r.ruleId === f.id)
      expect(
        result?.locations?.flatMap(
          (l) => l.logicalLocations?.map((x) => x.fullyQualifiedName) ?? [],
        ),
      ).toEqual([...f.paths])
      const firstUrl = f.references
        .map((id) => getReference(catalog, id)?.url)
        .find((u) => u !== undefined)
      expect(run.tool.driver.rules?.find((x) => x.id === f.id)?.helpUri).toBe(firstUrl)
    }
  })
})

describe('report.sarif details', () => {
  it('uses a schema that rejects a log without a tool name', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false)
  })

  it('marks treated findings as suppressed with the architect’s note', () => {
    const design = hostileDesign()
    const treated = evaluate(design, catalog).findings.find((f) => f.treatment !== 'open')
    expect(treated).toBeDefined()
    const result = logOf(design).runs[0]?.results?.find((r) => r.ruleId === treated?.id)
    expect(result?.suppressions?.[0]?.status).toBe('accepted')
    expect(result?.suppressions?.[0]?.justification).toContain(treated?.note ?? '')
  })

  it('adds line regions only when given a line map', () => {
    const design = loadExample('windows-swarm.stackwright.yaml')
    expect(JSON.stringify(logOf(design))).not.toContain('startLine')
    const withLines = logOf(design, (path) => path.length)
    const regions = (withLines.runs[0]?.results ?? [])
      .flatMap((r) => r.locations ?? [])
      .filter((l) => l.logicalLocations)
    expect(regions.length).toBeGreaterThan(0)
    for (const l of regions)
      expect(l.physicalLocation?.region?.startLine).toBe(
        l.logicalLocations?.[0]?.fullyQualifiedName?.length,
      )
    expect(validate(withLines)).toBe(true)
  })

  it('is deterministic and matches the log object', () => {
    const evaluation = evaluate(withViolations, catalog)
    const options = { designFileName: 'x.yaml' }
    expect(sarifReport(evaluation, catalog, options)).toBe(
      JSON.stringify(sarifLog(evaluation, catalog, options), null, 2) + '\n',
    )
    expect(evaluation.violations.length).toBeGreaterThan(0)
  })

  it('writes the controls JSON.stringify leaves raw in a note as \\u escapes, parsing to the same log', () => {
    const evaluation = evaluate(loadExample('payments-eks.stackwright.yaml'), catalog)
    const note = 'a\u202eb\u2028c\u2029d\u0085e\u007f\u200f\u2066'
    const noted = {
      ...evaluation,
      findings: evaluation.findings.map((f) => ({ ...f, treatment: 'accepted' as const, note })),
    }
    const options = { designFileName: 'x.yaml' }
    expect(JSON.stringify({ note })).toContain('\u202e')
    const text = sarifReport(noted, catalog, options)
    expect(text).not.toMatch(RAW_CONTROL)
    expect(text).toContain('a\\u202eb\\u2028c\\u2029d\\u0085e\\u007f\\u200f\\u2066')
    expect(JSON.parse(text)).toEqual(sarifLog(noted, catalog, options))
  })
})
