import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { OrchestratorId, PluginId, RuntimeId, OsId } from '../../../../shared/catalog/ids'
import { catalog } from '../../../../shared/catalog/index'
import type { Catalog } from '../../../../shared/catalog/types'
import { bruteForceRanking } from '../../../../shared/engine/brute-force'
import { evaluate } from '../../../../shared/engine/evaluate'
import { changesBetween, keyOf, recommend } from '../../../../shared/engine/recommend'
import { applyStack, stackOf } from '../../../../shared/engine/stack'
import { designArb } from '../../../support/arbitrary-design'
import { exampleFiles, loadExample, makeDesign } from '../../../support/designs'

const KEEP_ORCHESTRATORS: OrchestratorId[] = ['kubernetes', 'eks', 'gke', 'ecs-fargate', 'swarm']
const KEEP_RUNTIMES: RuntimeId[] = [
  'containerd',
  'docker',
  'kata',
  'gvisor',
  'fargate',
  'windows-process',
]
const KEEP_OS: OsId[] = [
  'ubuntu',
  'bottlerocket',
  'cos',
  'amazon-linux',
  'flatcar',
  'windows-server',
]
const KEEP_PLUGINS: PluginId[] = [
  'calico',
  'cilium',
  'aws-vpc-cni',
  'kyverno',
  'falco',
  'linkerd',
  'prometheus',
  'trivy-operator',
]

/** A smaller catalog with the same data, so brute force over it runs in a unit test. */
function reducedCatalog(): Catalog {
  return {
    ...catalog,
    orchestrators: catalog.orchestrators
      .filter((o) => KEEP_ORCHESTRATORS.includes(o.id))
      .map((o) => ({
        ...o,
        runtimes: o.runtimes.filter((r) => KEEP_RUNTIMES.includes(r)),
        windowsRuntimes: o.windowsRuntimes.filter((r) => KEEP_RUNTIMES.includes(r)),
        os: {
          controlPlane: o.os.controlPlane.filter((x) => KEEP_OS.includes(x)),
          worker: o.os.worker.filter((x) => KEEP_OS.includes(x)),
        },
        plugins: o.plugins.filter((p) => KEEP_PLUGINS.includes(p)),
      })),
  }
}

const reduced = reducedCatalog()

function expectSameTop(design: ReturnType<typeof makeDesign>, k: number) {
  const exact = bruteForceRanking(design, reduced).slice(0, k)
  const fast = recommend(design, reduced, k)
  expect(fast.map((r) => keyOf(r.stack))).toEqual(exact.map((c) => c.key))
  expect(fast.map((r) => r.score)).toEqual(exact.map((c) => Math.round(c.exact)))
}

describe('recommend', () => {
  it.each(exampleFiles())('matches brute force on a reduced catalog for %s', (file) => {
    expectSameTop(loadExample(file), 10)
  })

  it('matches brute force for arbitrary designs and k', () => {
    fc.assert(
      fc.property(designArb(4), fc.integer({ min: 1, max: 12 }), (design, k) => {
        expectSameTop(design, k)
      }),
      { numRuns: 25 },
    )
  }, 60_000)

  it('returns only valid stacks whose score evaluate agrees with', () => {
    const design = loadExample('payments-eks.stackwright.yaml')
    for (const ranked of recommend(design, catalog, 10)) {
      const adopted = applyStack(design, ranked.stack, catalog)
      const evaluation = evaluate(adopted, catalog)
      expect(evaluation.violations).toEqual([])
      expect(evaluation.scores.overall).toBe(ranked.score)
    }
  })

  it('ranks best first with ranks 1..k and describes changes against the current choices', () => {
    const design = makeDesign()
    const ranked = recommend(design, catalog, 5)
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5])
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score)
    for (const r of ranked)
      expect(r.changes).toEqual(changesBetween(stackOf(design, catalog), r.stack))
  })

  it('describes a change of every dimension', () => {
    expect(
      changesBetween(
        {
          orchestrator: 'eks',
          runtime: 'containerd',
          os: 'bottlerocket',
          plugins: ['cilium', 'falco'],
        },
        { orchestrator: 'gke', runtime: 'gvisor', os: 'cos', plugins: ['falco', 'kyverno'] },
      ),
    ).toEqual([
      'orchestrator: eks -> gke',
      'runtime: containerd -> gvisor',
      'os: bottlerocket -> cos',
      'plugins: + kyverno',
      'plugins: - cilium',
    ])
  })

  it('is deterministic', () => {
    const design = loadExample('multi-tenant-untrusted.stackwright.yaml')
    expect(JSON.stringify(recommend(design, catalog, 10))).toBe(
      JSON.stringify(recommend(design, catalog, 10)),
    )
  })

  it('recommends a sandbox when untrusted code would otherwise share the kernel', () => {
    const design = makeDesign({
      workloads: [
        { name: 'runner', image: 'ghcr.io/acme/runner:1.0.0', trust: 'untrusted', ports: [80] },
      ],
    })
    const best = recommend(design, catalog, 1)[0]
    expect(best).toBeDefined()
    const adopted = applyStack(design, best!.stack, catalog)
    expect(evaluate(adopted, catalog).findings.map((f) => f.id)).not.toContain(
      'RISK-UNTRUSTED-SHARED-KERNEL',
    )
  })
})
