import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recommendCommand } from '../../../../cli/commands/recommend'
import { catalog } from '../../../../shared/catalog/index'
import { recommend } from '../../../../shared/engine/index'
import type { RankedStack } from '../../../../shared/engine/types'
import { loadExample } from '../../../support/designs'
import type { CapturedIo } from '../capture-io'
import { captureIo } from '../capture-io'
import { INVALID_DESIGN, VIOLATING_DESIGN, exampleText, writeDesign } from '../fixtures'

let t: CapturedIo
beforeEach(() => {
  t = captureIo()
})
afterEach(() => t.cleanup())

const EXAMPLE = 'small-team-ecs.stackwright.yaml'

describe('recommend', () => {
  it('prints the ranked stacks as JSON, best first, equal to recommend()', async () => {
    const file = writeDesign(t.dir, 'd.yaml', exampleText(EXAMPLE))
    expect(await recommendCommand({ file, top: 3, format: 'json' }, t.io)).toBe(0)
    const printed = JSON.parse(t.stdout()) as RankedStack[]
    expect(printed).toEqual(JSON.parse(JSON.stringify(recommend(loadExample(EXAMPLE), catalog, 3))))
    expect(printed.map((r) => r.rank)).toEqual([1, 2, 3])
    for (const r of printed) {
      expect(Object.keys(r).slice(0, 4)).toEqual(['rank', 'score', 'stack', 'changes'])
      // The documented stack (primary pool's engine and OS), plus the untrusted workloads' sandbox
      // and the isolation settings it applies.
      expect(Object.keys(r.stack).filter((k) => k !== 'sandbox')).toEqual([
        'orchestrator',
        'runtime',
        'os',
        'isolation',
        'plugins',
      ])
    }
    // Best first: fewer added high findings, then the higher score.
    const order = printed.map((r) => [
      r.findingsAdded.filter((f) => f.severity === 'high').length,
      -r.score,
    ])
    expect([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)).toEqual(order)
  })

  it('prints a ranked table with each stack and its changes', async () => {
    const file = writeDesign(t.dir, 'd.yaml', exampleText(EXAMPLE))
    expect(await recommendCommand({ file, top: 2, format: 'text' }, t.io)).toBe(0)
    const ranked = recommend(loadExample(EXAMPLE), catalog, 2)
    const out = t.stdout()
    expect(out).toMatch(/^#\s+score\s+orchestrator\s+runtime\s+os\s+plugins$/m)
    for (const r of ranked) {
      expect(out).toMatch(
        new RegExp(
          `^${r.rank}\\s+${r.score}\\s+${r.stack.orchestrator}\\s+${r.stack.runtime}\\s+${r.stack.os}`,
          'm',
        ),
      )
      for (const change of r.changes) expect(out).toContain(change)
    }
  })

  it('recommends for a design whose current choices violate, exit 0', async () => {
    const file = writeDesign(t.dir, 'v.yaml', VIOLATING_DESIGN)
    expect(await recommendCommand({ file, top: 1, format: 'json' }, t.io)).toBe(0)
    const [best] = JSON.parse(t.stdout()) as RankedStack[]
    expect(best?.changes.length).toBeGreaterThan(0)
  })

  it('exits 1 on an invalid design with nothing on stdout', async () => {
    const file = writeDesign(t.dir, 'bad.yaml', INVALID_DESIGN)
    expect(await recommendCommand({ file, top: 1, format: 'json' }, t.io)).toBe(1)
    expect(t.stdout()).toBe('')
  })
})
