// Honest arithmetic (issue 10): no penalty is clamped away, findings lower the overall, treatments count.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import {
  FINDING_PENALTY,
  overallWithFindings,
  softScore,
} from '../../../../shared/engine/arithmetic'
import { evaluate } from '../../../../shared/engine/evaluate'
import { recommend } from '../../../../shared/engine/recommend'
import { applyStack } from '../../../../shared/engine/stack'
import type { Design } from '../../../../shared/model/schema'
import { loadExample, makeDesign, makeV2Design } from '../../../support/designs'

describe('softScore', () => {
  it('is the identity between 20 and 80 and stays inside (0, 100)', () => {
    for (const x of [20, 33, 50, 80]) expect(softScore(x)).toBe(x)
    fc.assert(
      fc.property(fc.double({ min: -500, max: 500, noNaN: true }), (x) => {
        expect(softScore(x)).toBeGreaterThan(0)
        expect(softScore(x)).toBeLessThan(100)
      }),
    )
  })

  it('is strictly increasing, so a penalty beyond 100 still shows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        (x, d) => {
          expect(softScore(x + d)).toBeGreaterThan(softScore(x))
        },
      ),
    )
    // A host agent's -10 on an isolation sum of 120 moves the shown score by about 2 points.
    expect(Math.round(softScore(120)) - Math.round(softScore(110))).toBeGreaterThanOrEqual(1)
  })
})

describe('findings lower the overall', () => {
  const pci = () => loadExample('payments-eks.stackwright.yaml')
  const withoutPlugin = (design: Design, id: string): Design => ({
    ...design,
    choices: { ...design.choices, plugins: design.choices.plugins.filter((p) => p !== id) },
  })

  it('removing Falco from the PCI example adds a high finding and lowers the overall', () => {
    const before = evaluate(pci(), catalog)
    const after = evaluate(withoutPlugin(pci(), 'falco'), catalog)
    const high = after.findings.find((f) => f.id === 'RISK-NO-RUNTIME-DETECTION')
    expect(high?.severity).toBe('high')
    // Visibility loses Falco's 20 points and the high finding takes 5 off the overall.
    expect(after.scores.overall).toBeLessThan(before.scores.overall - 3)
  })

  it('marking an open finding mitigated raises the overall by its penalty; accepted changes nothing', () => {
    const design = makeDesign()
    const e = evaluate(design, catalog)
    const target = e.findings.find((f) => f.treatment === 'open')
    expect(target).toBeDefined()
    const treat = (treatment: string) =>
      evaluate(
        {
          ...design,
          risks: { ...design.risks, [target!.id]: { treatment, note: 'Control X.' } },
        } as Design,
        catalog,
      ).scores
    const raw = (s: ReturnType<typeof treat>) =>
      s.criteriaMean + s.findingPenalties.reduce((sum, p) => sum + p.points, 0)
    const open = raw(e.scores)
    expect(raw(treat('mitigated')) - open).toBeCloseTo(FINDING_PENALTY[target!.severity])
    expect(raw(treat('transferred')) - open).toBeCloseTo(FINDING_PENALTY[target!.severity] / 2)
    expect(raw(treat('accepted'))).toBeCloseTo(open)
  })

  it('the overall is the criteria mean less every penalty', () => {
    const e = evaluate(pci(), catalog)
    const penalty = -e.scores.findingPenalties.reduce((sum, p) => sum + p.points, 0)
    expect(penalty).toBeGreaterThan(0)
    expect(e.scores.overall).toBe(Math.round(overallWithFindings(e.scores.criteriaMean, penalty)))
  })

  it('adding untrusted code never raises the overall', () => {
    const base = makeV2Design()
    const untrusted = makeV2Design({
      workloads: [
        ...base.workloads,
        { name: 'runner', image: 'ghcr.io/acme/runner:1.0.0', trust: 'untrusted' },
      ],
    })
    const trusted = makeV2Design({
      workloads: [...base.workloads, { name: 'runner', image: 'ghcr.io/acme/runner:1.0.0' }],
    })
    expect(evaluate(untrusted, catalog).scores.overall).toBeLessThan(
      evaluate(trusted, catalog).scores.overall,
    )
  })
})

describe('recommend respects findings', () => {
  it('no pick that adds a high finding ranks above one that adds none', () => {
    for (const file of ['payments-eks.stackwright.yaml', 'small-team-ecs.stackwright.yaml']) {
      const picks = recommend(loadExample(file), catalog, 8)
      const firstWithHigh = picks.findIndex((p) =>
        p.findingsAdded.some((f) => f.severity === 'high'),
      )
      if (firstWithHigh >= 0)
        for (const later of picks.slice(firstWithHigh))
          expect(
            later.findingsAdded.some((f) => f.severity === 'high'),
            file,
          ).toBe(true)
    }
  })

  it('the PCI team is not sent to a stack that drops its runtime detection', () => {
    const design = loadExample('payments-eks.stackwright.yaml')
    const best = recommend(design, catalog, 1)[0]!
    expect(best.findingsAdded.filter((f) => f.severity === 'high')).toEqual([])
    const adopted = evaluate(applyStack(design, best.stack, catalog), catalog)
    expect(adopted.findings.map((f) => f.id)).not.toContain('RISK-NO-RUNTIME-DETECTION')
    expect(adopted.scores.overall).toBe(best.score)
  })

  it('each pick lists the findings it adds and resolves against the design', () => {
    const design = makeV2Design({ choices: { plugins: [] }, isolation: { network: 'allow-all' } })
    const own = new Set(evaluate(design, catalog).findings.map((f) => f.id))
    for (const pick of recommend(design, catalog, 5)) {
      const theirs = new Set(
        evaluate(applyStack(design, pick.stack, catalog), catalog).findings.map((f) => f.id),
      )
      for (const r of pick.findingsResolved) {
        expect(own.has(r.id)).toBe(true)
        expect(theirs.has(r.id)).toBe(false)
      }
      for (const a of pick.findingsAdded) expect(theirs.has(a.id)).toBe(true)
    }
  })
})
