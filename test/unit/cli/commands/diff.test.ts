// stackwright diff: score deltas, findings and design parts between two versions of a design.
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { diffCommand } from '../../../../cli/commands/diff'
import type { DesignDiff } from '../../../../cli/diff/design-diff'
import { isEmptyDiff } from '../../../../cli/diff/design-diff'
import { DIFF_MARKDOWN_MARKER } from '../../../../cli/diff/diff-format'
import { run } from '../../../../cli/program'
import type { CapturedIo } from '../capture-io'
import { captureIo } from '../capture-io'
import { INVALID_DESIGN, VIOLATING_DESIGN, exampleText, writeDesign } from '../fixtures'

let t: CapturedIo
beforeEach(() => {
  t = captureIo()
})
afterEach(() => t.cleanup())

const PAYMENTS = exampleText('payments-eks.stackwright.yaml')
/** payments-eks with RISK-AUDIT-OFF treated as mitigated (its only open high finding). */
const TREATED = `${PAYMENTS.replace(/^risks:\n(?: {2}.*\n)*/m, '')}risks:\n  RISK-AUDIT-OFF:\n    treatment: mitigated\n    note: audit log shipped to the SIEM\n`
/** payments-eks with web also talking to db. */
const MORE_FLOWS = PAYMENTS.replace('    talksTo: [api]\n', '    talksTo: [api, db]\n')

async function diffJson(oldText: string, newText: string): Promise<DesignDiff> {
  const o = writeDesign(t.dir, 'old.yaml', oldText)
  const n = writeDesign(t.dir, 'new.yaml', newText)
  expect(await diffCommand({ old: o, new: n, format: 'json' }, t.io)).toBe(0)
  return JSON.parse(t.stdout()) as DesignDiff
}

describe('diff', () => {
  it('finds nothing between a design and itself', async () => {
    const diff = await diffJson(PAYMENTS, PAYMENTS)
    expect(isEmptyDiff(diff)).toBe(true)
    expect(diff.overall).toEqual({ old: diff.overall.new, new: diff.overall.new, delta: 0 })
  })

  it('reports an added flow', async () => {
    const diff = await diffJson(PAYMENTS, MORE_FLOWS)
    expect(diff.flows).toEqual({ added: ['web -> db'], removed: [] })
    expect(diff.workloads).toEqual({ added: [], removed: [] })
  })

  it('reports a treatment change and the score it gives back', async () => {
    const diff = await diffJson(PAYMENTS, TREATED)
    expect(diff.findings.treatmentChanged.map((f) => [f.id, f.oldTreatment, f.treatment])).toEqual([
      ['RISK-AUDIT-OFF', 'open', 'mitigated'],
    ])
    expect(diff.overall.delta).toBeGreaterThan(0)
  })

  it('reports findings added and resolved, and workloads, pools and choices', async () => {
    const diff = await diffJson(exampleText('gke-autopilot.stackwright.yaml'), PAYMENTS)
    expect(diff.findings.added.map((f) => f.id)).toContain('RISK-AUDIT-OFF')
    expect(diff.findings.resolved.length).toBeGreaterThan(0)
    expect(diff.workloads.added).toContain('web')
    expect(diff.choices).toContain('orchestrator: gke-autopilot -> eks')
    for (const c of Object.values(diff.criteria)) expect(c.delta).toBe(c.new - c.old)
  })

  it('--fail-on high exits 1 when the change opens a high finding, 0 when it closes one', async () => {
    const treated = writeDesign(t.dir, 'treated.yaml', TREATED)
    const open = writeDesign(t.dir, 'open.yaml', PAYMENTS)
    expect(
      await diffCommand({ old: treated, new: open, format: 'text', failOn: 'high' }, t.io),
    ).toBe(1)
    expect(t.stderr()).toContain('RISK-AUDIT-OFF')
    expect(
      await diffCommand({ old: open, new: treated, format: 'text', failOn: 'high' }, t.io),
    ).toBe(0)
  })

  it('--fail-on exits 1 when the change adds a violation', async () => {
    const o = writeDesign(t.dir, 'o.yaml', PAYMENTS)
    const n = writeDesign(t.dir, 'n.yaml', VIOLATING_DESIGN)
    expect(await diffCommand({ old: o, new: n, format: 'text', failOn: 'low' }, t.io)).toBe(1)
    expect(t.stderr()).toMatch(/adds \d+ violation/)
  })

  it('reads OLD from stdin with -, as `git show REV:path | stackwright diff - NEW`', async () => {
    const n = writeDesign(t.dir, 'new.yaml', MORE_FLOWS)
    const io = { ...t.io, stdin: Readable.from([Buffer.from(PAYMENTS)]) }
    expect(await run(['diff', '-', n, '--format', 'json'], io)).toBe(0)
    expect((JSON.parse(t.stdout()) as DesignDiff).flows.added).toEqual(['web -> db'])
  })

  it('refuses - on both sides, and reports an invalid side with exit 1', async () => {
    expect(await diffCommand({ old: '-', new: '-', format: 'text' }, t.io)).toBe(2)
    const o = writeDesign(t.dir, 'o.yaml', PAYMENTS)
    const bad = writeDesign(t.dir, 'bad.yaml', INVALID_DESIGN)
    expect(await diffCommand({ old: o, new: bad, format: 'text' }, t.io)).toBe(1)
    expect(t.stdout()).toBe('')
  })

  it('prints text and Markdown', async () => {
    const o = writeDesign(t.dir, 'o.yaml', PAYMENTS)
    const n = writeDesign(t.dir, 'n.yaml', MORE_FLOWS)
    expect(await diffCommand({ old: o, new: n, format: 'text' }, t.io)).toBe(0)
    expect(t.stdout()).toMatch(/^ {2}\+ flow web -> db$/m)
    const md = captureIo()
    const mo = writeDesign(md.dir, 'o.yaml', PAYMENTS)
    const mn = writeDesign(md.dir, 'n.yaml', MORE_FLOWS)
    expect(await diffCommand({ old: mo, new: mn, format: 'markdown' }, md.io)).toBe(0)
    expect(md.stdout().split('\n')[0]).toBe(DIFF_MARKDOWN_MARKER)
    expect(md.stdout()).toContain('- ➕ flow `web -> db`')
    expect(md.stdout()).toContain('`o.yaml` → `n.yaml`')
    md.cleanup()
  })

  it('--generated lists the generated files a change rewrites', async () => {
    const o = writeDesign(t.dir, 'o.yaml', PAYMENTS)
    const n = writeDesign(t.dir, 'n.yaml', MORE_FLOWS)
    expect(await diffCommand({ old: o, new: n, format: 'json', generated: true }, t.io)).toBe(0)
    const generated = (JSON.parse(t.stdout()) as DesignDiff).generated
    expect(generated?.added).toEqual([])
    expect(generated?.removed).toEqual([])
    // A new flow opens a NetworkPolicy path; the document describes it.
    expect(generated?.changed).toEqual(expect.arrayContaining(['design.md']))
    expect(generated?.changed.some((p) => p.startsWith('kubernetes/network-policies/'))).toBe(true)
  })

  it('--generated on an unchanged design finds no generated change', async () => {
    const o = writeDesign(t.dir, 'o.yaml', PAYMENTS)
    expect(await diffCommand({ old: o, new: o, format: 'json', generated: true }, t.io)).toBe(0)
    expect((JSON.parse(t.stdout()) as DesignDiff).generated).toEqual({
      added: [],
      removed: [],
      changed: [],
    })
  })

  it('refuses stdin past the design size bound without reading all of it', async () => {
    const n = writeDesign(t.dir, 'new.yaml', PAYMENTS)
    let chunks = 0
    async function* endless() {
      const block = new Uint8Array(1024 * 1024).fill(0x20)
      for (;;) {
        chunks++
        yield block
      }
    }
    const io = { ...t.io, stdin: endless() }
    expect(await run(['diff', '-', n], io)).toBe(1)
    expect(t.stderr()).toMatch(/may be at most/)
    expect(chunks).toBeLessThan(64)
  })
})
