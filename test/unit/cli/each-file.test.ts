// validate and evaluate on several files (as a pre-commit hook passes them).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { run } from '../../../cli/program'
import type { CapturedIo } from './capture-io'
import { captureIo } from './capture-io'
import { VIOLATING_DESIGN, exampleText, writeDesign } from './fixtures'

let t: CapturedIo
beforeEach(() => {
  t = captureIo()
})
afterEach(() => t.cleanup())

describe('several design files', () => {
  it('validate checks each and exits with the worst code', async () => {
    const good = writeDesign(t.dir, 'good.yaml', exampleText('gke-autopilot.stackwright.yaml'))
    const bad = writeDesign(t.dir, 'bad.yaml', VIOLATING_DESIGN)
    expect(await run(['validate', good, good], t.io)).toBe(0)
    expect(t.stdout().match(/: valid/g)).toHaveLength(2)
    expect(await run(['validate', good, bad], t.io)).toBe(1)
    expect(t.stderr()).toContain('bad.yaml')
  })

  it('evaluate --fail-on high fails when any file has an open high finding', async () => {
    const clean = writeDesign(t.dir, 'a.yaml', exampleText('gke-autopilot.stackwright.yaml'))
    const high = writeDesign(t.dir, 'b.yaml', exampleText('payments-eks.stackwright.yaml'))
    expect(await run(['evaluate', clean, '--fail-on', 'high'], t.io)).toBe(0)
    expect(await run(['evaluate', clean, high, '--fail-on', 'high'], t.io)).toBe(1)
  })

  it('refuses several files for a machine format, which prints one document', async () => {
    const a = writeDesign(t.dir, 'a.yaml', exampleText('gke-autopilot.stackwright.yaml'))
    expect(await run(['evaluate', a, a, '--format', 'sarif'], t.io)).toBe(2)
    expect(t.stdout()).toBe('')
    expect(t.stderr()).toContain('--format sarif takes one file')
  })
})
