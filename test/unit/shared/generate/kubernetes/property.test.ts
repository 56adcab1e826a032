import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kubernetesDesignArb } from '../../../../support/k8s-design-arbitrary'
import { verifyKubernetesTree } from '../../../../support/k8s-verify'
import { generate, readmeOf } from './helpers'

describe('property: any valid design gives a tree that meets the whole bar', () => {
  it('schema-valid, PSS Restricted outside exceptions, linters met or waived, exact reachability, README lists every waiver', () => {
    fc.assert(
      fc.property(kubernetesDesignArb, (design) => {
        const out = generate(design)
        const report = verifyKubernetesTree(design, out)
        expect(report.schema.errors).toEqual([])
        expect(report.pss.violations).toEqual([])
        expect(
          report.hardening.unwaived.map((r) => `${r.check} ${r.object}: ${r.messages.join('; ')}`),
        ).toEqual([])
        expect(report.reachability.unexpected).toEqual([])
        expect(report.reachability.missing).toEqual([])
        const readme = readmeOf(out)
        for (const c of out.controls) expect(readme).toContain(c.id)
      }),
      { numRuns: 100 },
    )
  }, 120_000)
})
