import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { evaluateCommand } from '../../../../cli/commands/evaluate'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/index'
import { CRITERIA } from '../../../../shared/engine/types'
import type { Evaluation, Severity } from '../../../../shared/engine/types'
import { parseDesign } from '../../../../shared/model/index'
import { exampleFiles } from '../../../support/designs'
import type { CapturedIo } from '../capture-io'
import { captureIo } from '../capture-io'
import { INVALID_DESIGN, V1_DESIGN, VIOLATING_DESIGN, exampleText, writeDesign } from '../fixtures'

let t: CapturedIo
beforeEach(() => {
  t = captureIo()
})
afterEach(() => t.cleanup())

const ANSI = new RegExp(String.fromCharCode(27) + '\\[')

function evaluationOf(text: string): Evaluation {
  const parsed = parseDesign(text)
  if (!parsed.ok) throw new Error('fixture is not valid')
  return evaluate(parsed.design, catalog)
}

/** The example text with a `risks:` block treating the given findings (examples end with a newline). */
function withTreatments(text: string, ids: readonly string[], treatment = 'mitigated'): string {
  const withoutRisks = text.replace(/^risks:\n(?: {2}.*\n)*/m, '')
  const block = ids
    .map((id) => `  ${id}:\n    treatment: ${treatment}\n    note: handled in test\n`)
    .join('')
  return ids.length === 0 ? withoutRisks : `${withoutRisks}risks:\n${block}`
}

describe('evaluate --format json', () => {
  it.each(exampleFiles())('prints exactly the Evaluation of %s', async (example) => {
    const text = exampleText(example)
    const file = writeDesign(t.dir, 'd.yaml', text)
    expect(await evaluateCommand({ file, format: 'json' }, t.io)).toBe(0)
    const out = t.stdout()
    // Through JSON, as a consumer sees it: the engine may produce -0, which JSON writes as 0.
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(evaluationOf(text))))
    expect(out.endsWith('}\n')).toBe(true)
    expect(out.split('\n')[1]).toMatch(/^ {2}"design": /)
    expect(t.stderr()).toBe('')
  })

  it('still prints the Evaluation for a design with violations, but exits 1', async () => {
    const file = writeDesign(t.dir, 'v.yaml', VIOLATING_DESIGN)
    expect(await evaluateCommand({ file, format: 'json' }, t.io)).toBe(1)
    const printed = JSON.parse(t.stdout()) as Evaluation
    expect(printed.valid).toBe(false)
    expect(printed.violations.map((v) => v.id)).toContain('COMPAT-RUNTIME-ORCHESTRATOR')
    expect(t.stderr()).toContain('cannot be built')
  })

  it('evaluates a v1 file as its migrated design, with a note on stderr', async () => {
    const file = writeDesign(t.dir, 'old.yaml', V1_DESIGN)
    expect(await evaluateCommand({ file, format: 'json' }, t.io)).toBe(0)
    const printed = JSON.parse(t.stdout()) as Evaluation
    expect(printed).toEqual(JSON.parse(JSON.stringify(evaluationOf(V1_DESIGN))))
    expect(printed.design).toBe('still-v1')
    expect(t.stderr()).toBe(
      'stackwright: note: old.yaml is format stackwright.dev/v1; read through a migration to stackwright.dev/v2 (the file is unchanged)\n',
    )
  })

  it('prints nothing on stdout for an invalid file, exit 1', async () => {
    const file = writeDesign(t.dir, 'bad.yaml', INVALID_DESIGN)
    expect(await evaluateCommand({ file, format: 'json' }, t.io)).toBe(1)
    expect(t.stdout()).toBe('')
    expect(t.stderr()).toMatch(/^bad\.yaml:\d+:\d+: metadata\.name: /m)
  })
})

describe('evaluate text output', () => {
  const text = exampleText('windows-swarm.stackwright.yaml')
  const evaluation = evaluationOf(text)

  it('shows the overall score, a bar per criterion, the gauge and every finding', async () => {
    const file = writeDesign(t.dir, 'd.yaml', text)
    expect(await evaluateCommand({ file, format: 'text' }, t.io)).toBe(0)
    const out = t.stdout()
    expect(out).toContain(`Overall  ${evaluation.scores.overall}/100`)
    for (const c of CRITERIA) {
      const score = evaluation.scores.criteria[c].score
      expect(out).toMatch(new RegExp(`^ {2}${c} +[█░]{10} +${score} `, 'm'))
    }
    expect(out).toMatch(/too little ├[─┼●]+┤ too much/)
    for (const r of [
      ...evaluation.isolationBalance.tooLittle,
      ...evaluation.isolationBalance.tooMuch,
    ])
      expect(out).toContain(r.rule)
    for (const f of evaluation.findings)
      expect(out).toMatch(new RegExp(`${f.id} .*\\[${f.treatment}\\]`))
    expect(out).not.toMatch(ANSI)
  })

  it('uses colour only on a terminal without NO_COLOR', async () => {
    const tty = captureIo({ tty: true })
    const noColor = captureIo({ tty: true, env: { NO_COLOR: '1' } })
    try {
      for (const c of [tty, noColor]) {
        const file = writeDesign(c.dir, 'd.yaml', text)
        expect(await evaluateCommand({ file, format: 'text' }, c.io)).toBe(0)
      }
      expect(tty.stdout()).toMatch(ANSI)
      expect(noColor.stdout()).not.toMatch(ANSI)
    } finally {
      tty.cleanup()
      noColor.cleanup()
    }
  })

  it('lists violations with their fix', async () => {
    const file = writeDesign(t.dir, 'v.yaml', VIOLATING_DESIGN)
    expect(await evaluateCommand({ file, format: 'text' }, t.io)).toBe(1)
    expect(t.stdout()).toMatch(/Violations \(\d+\)/)
    expect(t.stdout()).toMatch(/COMPAT-RUNTIME-ORCHESTRATOR[\s\S]*fix: /)
  })
})

describe('evaluate --fail-on', () => {
  const base = exampleText('payments-eks.stackwright.yaml')
  const findings = evaluationOf(base).findings
  const ids = (severity: Severity) =>
    findings.filter((f) => f.severity === severity).map((f) => f.id)

  async function exitFor(text: string, failOn: Severity): Promise<number> {
    const c = captureIo()
    try {
      const file = writeDesign(c.dir, 'd.yaml', text)
      return await evaluateCommand({ file, format: 'json', failOn }, c.io)
    } finally {
      c.cleanup()
    }
  }

  it('fails on an open finding at or above the threshold', async () => {
    expect(ids('high').length).toBeGreaterThan(0)
    for (const threshold of ['high', 'medium', 'low'] as const)
      expect(await exitFor(base, threshold)).toBe(1)
    expect(t.stderr()).toBe('')
  })

  it('ignores findings that are mitigated, accepted or transferred', async () => {
    const highTreated = withTreatments(base, ids('high'), 'accepted')
    expect(await exitFor(highTreated, 'high')).toBe(0)
    // The lower findings are still open, so a stricter gate still fails.
    expect(ids('low').length).toBeGreaterThan(0)
    expect(await exitFor(highTreated, 'low')).toBe(1)
    const allTreated = withTreatments(
      base,
      findings.map((f) => f.id),
      'transferred',
    )
    expect(await exitFor(allTreated, 'low')).toBe(0)
  })

  it('passes when the only open findings are below the threshold', async () => {
    const lowOnly = withTreatments(base, [...ids('high'), ...ids('medium')])
    expect(await exitFor(lowOnly, 'high')).toBe(0)
    expect(await exitFor(lowOnly, 'medium')).toBe(0)
    expect(await exitFor(lowOnly, 'low')).toBe(1)
  })

  it('names the findings that failed the gate on stderr', async () => {
    const file = writeDesign(t.dir, 'd.yaml', base)
    expect(await evaluateCommand({ file, format: 'text', failOn: 'high' }, t.io)).toBe(1)
    for (const id of ids('high')) expect(t.stderr()).toContain(id)
  })
})
