import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkTargets, generateCommand } from '../../../../cli/commands/generate'
import { catalog } from '../../../../shared/catalog/index'
import { generateAll } from '../../../../shared/generate/index'
import { loadExample } from '../../../support/designs'
import type { CapturedIo } from '../capture-io'
import { captureIo } from '../capture-io'
import { INVALID_DESIGN, VIOLATING_DESIGN, exampleText, writeDesign } from '../fixtures'

let t: CapturedIo
beforeEach(() => {
  t = captureIo()
})
afterEach(() => t.cleanup())

const EXAMPLE = 'payments-eks.stackwright.yaml'

/** Every file under `dir`, as '/'-separated paths relative to it, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`)
        : [`${prefix}${e.name}`],
    )
    .sort()
}

describe('generate', () => {
  it('writes every artifact of the design into the folder, and lists them', async () => {
    const file = writeDesign(t.dir, 'd.stackwright.yaml', exampleText(EXAMPLE))
    expect(await generateCommand({ file, out: 'out', force: false }, t.io)).toBe(0)
    const expected = generateAll(loadExample(EXAMPLE), catalog, { designFileName: file })
    const out = path.join(t.dir, 'out')
    expect(filesUnder(out)).toEqual(expected.map((a) => a.path).sort())
    for (const a of expected) {
      expect(readFileSync(path.join(out, a.path), 'utf8')).toBe(a.content)
      expect(t.stdout()).toContain(`wrote ${path.join('out', a.path)}`)
    }
    for (const p of ['design.md', 'design.html', 'report.json', 'findings.csv', 'report.sarif'])
      expect(existsSync(path.join(out, p)), p).toBe(true)
    expect(existsSync(path.join(out, 'kubernetes', 'kustomization.yaml'))).toBe(true)
  })

  it('refuses a non-empty folder without --force (exit 2) and leaves it untouched', async () => {
    const file = writeDesign(t.dir, 'd.yaml', exampleText(EXAMPLE))
    mkdirSync(path.join(t.dir, 'out'))
    writeFileSync(path.join(t.dir, 'out', 'design.md'), 'old')
    expect(await generateCommand({ file, out: 'out', force: false }, t.io)).toBe(2)
    expect(filesUnder(path.join(t.dir, 'out'))).toEqual(['design.md'])
    expect(t.stderr()).toContain('--force')
  })

  it('--force replaces an earlier output whole: stale files go, nothing is left beside it', async () => {
    const file = writeDesign(t.dir, 'd.yaml', exampleText(EXAMPLE))
    mkdirSync(path.join(t.dir, 'out', 'kubernetes'), { recursive: true })
    writeFileSync(path.join(t.dir, 'out', 'kubernetes', 'removed-workload.yaml'), 'stale')
    expect(await generateCommand({ file, out: 'out', force: true }, t.io)).toBe(0)
    const expected = generateAll(loadExample(EXAMPLE), catalog, { designFileName: file })
    expect(filesUnder(path.join(t.dir, 'out'))).toEqual(expected.map((a) => a.path).sort())
    expect(readdirSync(t.dir).sort()).toEqual(['d.yaml', 'out'])
  })

  it('--force refuses, and keeps, a folder holding files generate does not write', async () => {
    const file = writeDesign(t.dir, 'd.yaml', exampleText(EXAMPLE))
    mkdirSync(path.join(t.dir, 'out'))
    writeFileSync(path.join(t.dir, 'out', 'notes.txt'), 'mine')
    expect(await generateCommand({ file, out: 'out', force: true }, t.io)).toBe(2)
    expect(t.stderr()).toMatch(/out holds an entry that generate does not write \(notes\.txt\)/)
    expect(filesUnder(path.join(t.dir, 'out'))).toEqual(['notes.txt'])
    expect(readdirSync(t.dir).sort()).toEqual(['d.yaml', 'out'])
  })

  it('writes only the requested targets', async () => {
    const file = writeDesign(t.dir, 'd.yaml', exampleText(EXAMPLE))
    expect(await generateCommand({ file, out: 'out', targets: ['doc'], force: false }, t.io)).toBe(
      0,
    )
    const expected = generateAll(loadExample(EXAMPLE), catalog, {
      targets: ['doc'],
      designFileName: file,
    })
    expect(filesUnder(path.join(t.dir, 'out'))).toEqual(expected.map((a) => a.path).sort())
    expect(existsSync(path.join(t.dir, 'out', 'kubernetes'))).toBe(false)
  })

  it.each([[['bogus']], [['ecs']], [['doc', 'nomad']]])(
    'refuses targets %j for an EKS design (exit 2)',
    async (targets) => {
      const file = writeDesign(t.dir, 'd.yaml', exampleText(EXAMPLE))
      expect(await generateCommand({ file, out: 'out', targets, force: false }, t.io)).toBe(2)
      expect(existsSync(path.join(t.dir, 'out'))).toBe(false)
    },
  )

  it('writes nothing for a design with violations (exit 1) or an invalid one (exit 1)', async () => {
    const violating = writeDesign(t.dir, 'v.yaml', VIOLATING_DESIGN)
    expect(await generateCommand({ file: violating, out: 'out', force: false }, t.io)).toBe(1)
    expect(t.stderr()).toMatch(
      /^v\.yaml:\d+:\d+: nodePools\[0\]\.runtime: COMPAT-RUNTIME-ORCHESTRATOR/m,
    )
    const invalid = writeDesign(t.dir, 'bad.yaml', INVALID_DESIGN)
    expect(await generateCommand({ file: invalid, out: 'out', force: false }, t.io)).toBe(1)
    expect(existsSync(path.join(t.dir, 'out'))).toBe(false)
  })
})

describe('checkTargets', () => {
  it('accepts the documented targets and names the unknown ones', () => {
    expect(checkTargets(['kubernetes', 'ecs', 'swarm', 'nomad', 'doc', 'reports'])).toHaveLength(6)
    expect(() => checkTargets(['doc', 'pdf', 'helm'])).toThrow(/"pdf", "helm"/)
  })
})
