// evaluate --format sarif (code scanning) and --format markdown (pull-request comments, step summaries).
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Log } from 'sarif'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { evaluateCommand, reportedPath } from '../../../../cli/commands/evaluate'
import { MARKDOWN_MARKER, mdCode } from '../../../../cli/format/evaluation-markdown'
import { SARIF_SCHEMA } from '../../../../shared/generate/reports/sarif'
import type { CapturedIo } from '../capture-io'
import { captureIo } from '../capture-io'
import { V1_DESIGN, VIOLATING_DESIGN, exampleText, writeDesign } from '../fixtures'

let t: CapturedIo
beforeEach(() => {
  t = captureIo()
})
afterEach(() => t.cleanup())

describe('evaluate --format sarif', () => {
  it('prints a SARIF 2.1.0 log whose results point at lines of the file as given', async () => {
    mkdirSync(path.join(t.dir, 'designs'))
    const file = writeDesign(t.dir, 'designs/p.yaml', exampleText('payments-eks.stackwright.yaml'))
    expect(await evaluateCommand({ file, format: 'sarif' }, t.io)).toBe(0)
    const log = JSON.parse(t.stdout()) as Log
    expect(log.$schema).toBe(SARIF_SCHEMA)
    const results = log.runs[0]?.results ?? []
    expect(results.length).toBeGreaterThan(0)
    for (const r of results) {
      const physical = r.locations?.[0]?.physicalLocation
      expect(physical?.artifactLocation?.uri).toBe('designs/p.yaml')
      expect(physical?.region?.startLine).toBeGreaterThan(0)
    }
    expect(t.stderr()).toBe('')
  })

  it('reports violations as results and still exits 1', async () => {
    const file = writeDesign(t.dir, 'v.yaml', VIOLATING_DESIGN)
    expect(await evaluateCommand({ file, format: 'sarif' }, t.io)).toBe(1)
    const results = (JSON.parse(t.stdout()) as Log).runs[0]?.results ?? []
    expect(results.map((r) => r.ruleId)).toContain('COMPAT-RUNTIME-ORCHESTRATOR')
  })

  it('points a migrated v1 file at the fields as written', async () => {
    const file = writeDesign(t.dir, 'old.yaml', V1_DESIGN)
    expect(await evaluateCommand({ file, format: 'sarif' }, t.io)).toBe(0)
    const lines = V1_DESIGN.split('\n').length
    for (const r of (JSON.parse(t.stdout()) as Log).runs[0]?.results ?? [])
      expect(r.locations?.[0]?.physicalLocation?.region?.startLine).toBeLessThanOrEqual(lines)
  })
})

describe('evaluate --format markdown', () => {
  it('starts with the marker and shows the overall score, criteria and findings', async () => {
    const file = writeDesign(t.dir, 'p.yaml', exampleText('payments-eks.stackwright.yaml'))
    expect(await evaluateCommand({ file, format: 'markdown' }, t.io)).toBe(0)
    const md = t.stdout()
    expect(md.split('\n')[0]).toBe(MARKDOWN_MARKER)
    expect(md).toMatch(/^\*\*Overall \d+\/100\*\* · ✅ buildable · `p\.yaml`$/m)
    expect(md).toContain('| isolation |')
    expect(md).toMatch(/^\| 🔴 high \| `RISK-AUDIT-OFF` /m)
  })

  it('lists violations when the design cannot be built', async () => {
    const file = writeDesign(t.dir, 'v.yaml', VIOLATING_DESIGN)
    expect(await evaluateCommand({ file, format: 'markdown' }, t.io)).toBe(1)
    expect(t.stdout()).toMatch(/^#### Violations \(\d+\)$/m)
    expect(t.stdout()).toContain('`COMPAT-RUNTIME-ORCHESTRATOR`')
  })

  it('escapes design text: a hostile title cannot become a link, HTML or a heading', async () => {
    const text = exampleText('payments-eks.stackwright.yaml').replace(
      /^ {2}title: .*$/m,
      '  title: "[x](https://evil.example) <img src=x> # h"',
    )
    const file = writeDesign(t.dir, 'p.yaml', text)
    await evaluateCommand({ file, format: 'markdown' }, t.io)
    const heading = t.stdout().split('\n')[1] ?? ''
    // `\](` is an escaped bracket, not a link; `https&#58;//` no longer autolinks.
    expect(heading).not.toMatch(/<img|(?<!\\)\]\(|https:\/\//)
    expect(heading).toContain('&lt;img')
  })

  it('keeps a file name with backticks and pipes inside one code span', () => {
    expect(mdCode('a`b|c\nd')).toBe('`a b\\|c d`')
  })
})

describe('reportedPath', () => {
  it('is relative to the working folder with / separators, or the path as given outside it', () => {
    expect(reportedPath('designs/p.yaml', '/repo')).toBe('designs/p.yaml')
    expect(reportedPath('/repo/designs/p.yaml', '/repo')).toBe('designs/p.yaml')
    expect(reportedPath('/elsewhere/p.yaml', '/repo')).toBe('/elsewhere/p.yaml')
  })
})
