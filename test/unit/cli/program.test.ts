import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseTop, run } from '../../../cli/program'
import type { CapturedIo } from './capture-io'
import { captureIo } from './capture-io'
import { exampleText, writeDesign } from './fixtures'

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

let t: CapturedIo
beforeEach(() => {
  t = captureIo()
})
afterEach(() => t.cleanup())

describe('run', () => {
  it('prints the package version', async () => {
    expect(await run(['--version'], t.io)).toBe(0)
    expect(t.stdout()).toBe(`${version}\n`)
  })

  it('prints help with the exit codes, exit 0', async () => {
    expect(await run(['--help'], t.io)).toBe(0)
    expect(t.stdout()).toContain('evaluate')
    expect(t.stdout()).toContain('Exit codes')
  })

  it.each([
    [['frobnicate'], /unknown command/],
    [['evaluate', 'x.yaml', '--bogus'], /unknown option/],
    [['evaluate'], /missing required argument/],
    [['evaluate', 'x.yaml', '--format', 'xml'], /Allowed choices are text, json/],
    [['evaluate', 'x.yaml', '--fail-on', 'critical'], /Allowed choices are high, medium, low/],
    [['recommend', 'x.yaml', '--top', '0'], /--top/],
    [[], /Usage: stackwright/],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    expect(await run(argv, t.io)).toBe(2)
    expect(t.stderr()).toMatch(message)
    expect(t.stdout()).toBe('')
  })

  it('exits 2 on a missing file, without a stack trace', async () => {
    expect(await run(['evaluate', 'missing.yaml'], t.io)).toBe(2)
    expect(t.stderr()).toBe('stackwright: cannot read missing.yaml: no such file or directory\n')
  })

  it('runs a command and returns its exit code', async () => {
    writeDesign(t.dir, 'd.yaml', exampleText('payments-eks.stackwright.yaml'))
    expect(await run(['validate', 'd.yaml'], t.io)).toBe(0)
    expect(await run(['evaluate', 'd.yaml', '--fail-on', 'high', '--format', 'json'], t.io)).toBe(1)
  })
})

describe('parseTop', () => {
  it('accepts 1..100 and refuses the rest', () => {
    expect(parseTop('1')).toBe(1)
    expect(parseTop('100')).toBe(100)
    for (const bad of ['0', '101', '-1', '2.5', 'ten', '', '1e2'])
      expect(() => parseTop(bad)).toThrow()
  })
})

describe('run generate', () => {
  it('requires --out and parses --targets as a list', async () => {
    const c = captureIo()
    try {
      writeDesign(c.dir, 'd.yaml', exampleText('nomad-edge.stackwright.yaml'))
      expect(await run(['generate', 'd.yaml'], c.io)).toBe(2)
      expect(c.stderr()).toMatch(/--out/)
      expect(await run(['generate', 'd.yaml', '--out', 'o', '--targets', 'doc, nomad'], c.io)).toBe(
        0,
      )
      expect(c.stdout()).toMatch(/^wrote o\/nomad\//m)
      expect(c.stdout()).not.toContain('report.json')
    } finally {
      c.cleanup()
    }
  })
})
