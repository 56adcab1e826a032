import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { evaluate } from '../../../../../shared/engine/index'
import { ALTERNATIVES_SHOWN } from '../../../../../shared/generate/doc/alternatives'
import { computeAlternatives, generateDocument } from '../../../../../shared/generate/doc/index'
import { DECISION_DIMENSIONS } from '../../../../../shared/model/schema'
import { designArb } from '../../../../support/arbitrary-design'
import { loadExample } from '../../../../support/designs'

describe('computeAlternatives', () => {
  const design = loadExample('payments-eks.stackwright.yaml')
  const alternatives = computeAlternatives(design, catalog)

  it('lists at most three valid alternatives per dimension, best first', () => {
    for (const dim of DECISION_DIMENSIONS) {
      const scores = alternatives[dim].options.map((o) => o.overall)
      expect(scores.length).toBeLessThanOrEqual(ALTERNATIVES_SHOWN)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
    }
  })

  it('scores each runtime and OS alternative exactly as the engine scores that design', () => {
    // payments-eks has one node pool, so a runtime or OS alternative is that pool with it changed
    // (EKS offers containerd as its only engine, so there may be no runtime alternative).
    expect(design.nodePools).toHaveLength(1)
    const pool = design.nodePools[0]!
    const withPool = (patch: Partial<typeof pool>) => ({
      ...design,
      nodePools: [{ ...pool, ...patch }],
    })
    expect(alternatives.os.options.length).toBeGreaterThan(0)
    for (const option of alternatives.runtime.options) {
      expect(option.changes).toHaveLength(1)
      const runtime = /runtime: \S+ → (\S+)/.exec(option.changes.join(';'))?.[1]
      const e = evaluate(withPool({ runtime: runtime as typeof pool.runtime }), catalog)
      expect(e.valid).toBe(true)
      expect(option.overall).toBe(e.scores.overall)
    }
    for (const option of alternatives.os.options) {
      expect(option.changes).toHaveLength(1)
      const os = /os: \S+ → (\S+)/.exec(option.changes.join(';'))?.[1]
      const e = evaluate(withPool({ os: os as typeof pool.os }), catalog)
      expect(e.valid).toBe(true)
      expect(option.overall).toBe(e.scores.overall)
    }
  })

  it('ties consequences to the dimension that moves them', () => {
    expect(alternatives.os.sensitiveRules).toContain('ISO-OS-HARDENING')
    expect(alternatives.os.sensitiveRules).not.toContain('ISO-POD-SECURITY')
    expect(alternatives.isolation.sensitiveRules).toContain('ISO-POD-SECURITY')
  })
})

describe('generateDocument on arbitrary designs', () => {
  it('never throws and always writes both files with every section', () => {
    fc.assert(
      fc.property(designArb(5), (design) => {
        const artifacts = generateDocument(
          design,
          evaluate(design, catalog),
          catalog,
          undefined,
          [],
        )
        expect(artifacts.map((a) => a.path)).toEqual(['design.md', 'design.html'])
        expect(artifacts[0]?.content).toContain('## 10. References')
        expect(artifacts[1]?.content).toContain('<svg')
      }),
      { numRuns: 10 },
    )
  }, 30_000)
})
