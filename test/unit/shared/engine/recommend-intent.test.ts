// Recommendations a user would accept (issue 10): pins, the cloud, grouping, isolation, sandboxes.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { bruteForceRanking } from '../../../../shared/engine/brute-force'
import { baseKeyOf, keyOf, recommend } from '../../../../shared/engine/recommend'
import type { KeepDimension } from '../../../../shared/engine/types'
import { stackOf } from '../../../../shared/engine/stack'
import { loadExample, makeV2Design } from '../../../support/designs'

const payments = () => loadExample('payments-eks.stackwright.yaml')

describe('recommend keeps what the user pins', () => {
  const cases: [
    KeepDimension[],
    (s: ReturnType<typeof stackOf>, own: ReturnType<typeof stackOf>) => boolean,
  ][] = [
    [['orchestrator'], (s, own) => s.orchestrator === own.orchestrator],
    [['os'], (s, own) => s.os === own.os],
    [
      ['plugins'],
      (s, own) =>
        s.plugins.join() === [...own.plugins].sort().join() ||
        s.plugins.length === own.plugins.length,
    ],
    [
      ['orchestrator', 'plugins'],
      (s, own) => s.orchestrator === own.orchestrator && s.plugins.length === own.plugins.length,
    ],
    [['isolation'], (s, own) => JSON.stringify(s.isolation) === JSON.stringify(own.isolation)],
  ]
  it.each(cases)('--keep %j', (keep, holds) => {
    const design = payments()
    const own = stackOf(design, catalog)
    const picks = recommend(design, catalog, 5, { keep })
    expect(picks.length).toBeGreaterThan(0)
    for (const p of picks) expect(holds(p.stack, own), keyOf(p.stack)).toBe(true)
  })

  it('pinned search equals brute force over the pinned space', () => {
    const design = loadExample('small-team-ecs.stackwright.yaml')
    for (const keep of [['orchestrator'], ['plugins'], ['os', 'isolation']] as KeepDimension[][]) {
      const exact = bruteForceRanking(design, catalog, { keep }).slice(0, 5)
      const fast = recommend(design, catalog, 5, { keep })
      expect(fast.map((r) => keyOf(r.stack))).toEqual(exact.map((c) => c.key))
    }
  }, 120_000)
})

describe('recommendations differ in substance', () => {
  it('no two picks share a base stack (orchestrator, engine, OS, sandbox)', () => {
    for (const file of ['payments-eks.stackwright.yaml', 'windows-swarm.stackwright.yaml']) {
      const keys = recommend(loadExample(file), catalog, 8).map((p) => baseKeyOf(p.stack))
      expect(new Set(keys).size).toBe(keys.length)
    }
  })

  it('stays on the design’s cloud', () => {
    const aks = loadExample('aks-sandboxed.stackwright.yaml')
    for (const p of recommend(aks, catalog, 8)) {
      const o = catalog.orchestrators.find((x) => x.id === p.stack.orchestrator)
      expect(o?.clouds).toContain('azure')
      const os = catalog.operatingSystems.find((x) => x.id === p.stack.os)
      expect(os?.clouds).toContain('azure')
    }
  })

  it('offers no sandbox when nothing is untrusted', () => {
    const design = payments()
    expect(design.workloads.some((w) => w.trust === 'untrusted')).toBe(false)
    for (const p of recommend(design, catalog, 8)) expect(p.stack.sandbox).toBe('none')
  })
})

describe('isolation settings are in the search, and only ever tightened', () => {
  const loose = makeV2Design({
    isolation: { podSecurity: 'baseline', namespaces: 'shared', network: 'allow-all' },
  })

  it('every pick is at least as strict as the design, and says what it tightens', () => {
    const picks = recommend(loose, catalog, 6)
    expect(picks.length).toBeGreaterThan(0)
    for (const p of picks) {
      expect(p.stack.isolation?.podSecurity).not.toBe('privileged')
      for (const c of p.changes.filter((x) => x.startsWith('isolation.')))
        expect(c).toMatch(
          /baseline -> restricted|shared -> per-(team|workload)|allow-all -> default-deny/,
        )
    }
    expect(picks[0]?.changes.some((c) => c.startsWith('isolation.'))).toBe(true)
  })

  it('the best pick for a loose design tightens the network to default-deny', () => {
    const best = recommend(loose, catalog, 1)[0]
    expect(best?.stack.isolation?.network).toBe('default-deny')
  })
})
