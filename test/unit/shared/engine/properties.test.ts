import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalog, getOs } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/evaluate'
import { softScore } from '../../../../shared/engine/arithmetic'
import type { Design } from '../../../../shared/model/schema'
import { CRITERIA } from '../../../../shared/engine/types'
import { designArb } from '../../../support/arbitrary-design'

const STRICTER = {
  podSecurity: ['privileged', 'baseline', 'restricted'],
  namespaces: ['shared', 'per-team', 'per-workload'],
  network: ['allow-all', 'default-deny'],
} as const

describe('evaluate invariants', () => {
  it('never throws on a schema-valid design, and every score stays within 0..100', () => {
    fc.assert(
      fc.property(designArb(), (design) => {
        const evaluation = evaluate(design, catalog)
        for (const c of CRITERIA) {
          const { score } = evaluation.scores.criteria[c]
          expect(score).toBeGreaterThanOrEqual(0)
          expect(score).toBeLessThanOrEqual(100)
          expect(Number.isInteger(score)).toBe(true)
        }
        expect(evaluation.scores.overall).toBeGreaterThanOrEqual(0)
        expect(evaluation.scores.overall).toBeLessThanOrEqual(100)
        expect(evaluation.isolationBalance.value).toBeGreaterThanOrEqual(-100)
        expect(evaluation.isolationBalance.value).toBeLessThanOrEqual(100)
        expect(evaluation.valid).toBe(evaluation.violations.length === 0)
      }),
      { numRuns: 400 },
    )
  })

  it('a stricter isolation setting never lowers the isolation score', () => {
    const setting = fc.constantFrom(...(Object.keys(STRICTER) as (keyof typeof STRICTER)[]))
    fc.assert(
      fc.property(designArb(), setting, fc.nat(), (design, key, seed) => {
        const levels = STRICTER[key]
        const i = seed % (levels.length - 1)
        const looser: Design = { ...design, isolation: { ...design.isolation, [key]: levels[i] } }
        const stricter: Design = {
          ...design,
          isolation: { ...design.isolation, [key]: levels[i + 1] },
        }
        const before = evaluate(looser, catalog).scores.criteria.isolation.score
        const after = evaluate(stricter, catalog).scores.criteria.isolation.score
        expect(after).toBeGreaterThanOrEqual(before)
      }),
      { numRuns: 400 },
    )
  })

  it('adding a sandbox for untrusted workloads never lowers the isolation score', () => {
    fc.assert(
      fc.property(
        designArb(),
        fc.constantFrom('kata', 'gvisor', 'firecracker' as const),
        (design, sandbox) => {
          const linuxWorkers = (p: Design['nodePools'][number]) =>
            p.role !== 'control-plane' && getOs(catalog, p.os).family === 'linux'
          const without: Design = {
            ...design,
            nodePools: design.nodePools.map((p) => (linuxWorkers(p) ? { ...p, sandboxes: [] } : p)),
          }
          const withSandbox: Design = {
            ...design,
            nodePools: design.nodePools.map((p) =>
              linuxWorkers(p)
                ? {
                    ...p,
                    sandboxes: [sandbox],
                    virtualization: p.virtualization === 'none' ? 'nested' : p.virtualization,
                  }
                : p,
            ),
          }
          expect(
            evaluate(withSandbox, catalog).scores.criteria.isolation.score,
          ).toBeGreaterThanOrEqual(evaluate(without, catalog).scores.criteria.isolation.score)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('is deterministic: the same design gives byte-identical JSON', () => {
    fc.assert(
      fc.property(designArb(), (design) => {
        expect(JSON.stringify(evaluate(design, catalog))).toBe(
          JSON.stringify(evaluate(structuredClone(design), catalog)),
        )
      }),
      { numRuns: 100 },
    )
  })

  it('each criterion score is the mapped sum of its contributions', () => {
    fc.assert(
      fc.property(designArb(), (design) => {
        const { criteria } = evaluate(design, catalog).scores
        for (const c of CRITERIA) {
          const sum = criteria[c].contributions.reduce((s, x) => s + x.points, 0)
          expect(criteria[c].score).toBe(Math.round(softScore(sum)))
        }
      }),
      { numRuns: 200 },
    )
  })
})
