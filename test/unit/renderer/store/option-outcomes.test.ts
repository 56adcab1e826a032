// Option cards: the delta each shows is the real score move, and impossible options say why.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/index'
import {
  isolationOutcomes,
  noPluginOutcome,
  optionOutcomes,
  pluginOutcomes,
  sandboxOutcomes,
} from '../../../../renderer/store/option-outcomes'
import { primaryPoolIndex } from '../../../../shared/engine/stack'
import { stackIn } from '../support/harness'
import type { ChoiceDimension } from '../../../../renderer/store/option-outcomes'
import { makeDesign } from '../../../support/designs'

const DIMENSIONS: readonly ChoiceDimension[] = ['orchestrator', 'runtime', 'os']

describe('optionOutcomes', () => {
  const design = makeDesign()
  const evaluation = evaluate(design, catalog)

  it.each(DIMENSIONS)(
    'gives each %s option the score of the design with it picked',
    (dimension) => {
      for (const o of optionOutcomes(design, evaluation, catalog, dimension)) {
        expect(stackIn(o.design)[dimension]).toBe(o.id)
        const after = evaluate(o.design, catalog)
        expect(o.delta).toBe(after.scores.overall - evaluation.scores.overall)
        for (const c of o.criteria)
          expect(c.delta).toBe(
            after.scores.criteria[c.criterion].score -
              evaluation.scores.criteria[c.criterion].score,
          )
      }
    },
  )

  it.each(DIMENSIONS)(
    'blocks exactly the %s options whose pick names that choice (on the primary pool) in a violation',
    (dimension) => {
      for (const o of optionOutcomes(design, evaluation, catalog, dimension)) {
        const path =
          dimension === 'orchestrator'
            ? 'choices.orchestrator'
            : `nodePools[${primaryPoolIndex(o.design, catalog)}].${dimension}`
        const named = evaluate(o.design, catalog).violations.filter((v) => v.paths.includes(path))
        expect(o.blocking.map((v) => v.id)).toEqual(named.map((v) => v.id))
      }
    },
  )

  it('offers engines only as runtime cards: sandboxes are switched on apart', () => {
    const ids = optionOutcomes(design, evaluation, catalog, 'runtime').map((o) => o.id)
    expect(ids).toContain('cri-o')
    expect(ids).not.toContain('kata')
    expect(sandboxOutcomes(design, evaluation, catalog).map((o) => o.id)).toContain('kata')
  })

  it('disables Kata on ECS with the sandbox rule, the reason and a fix', () => {
    const ecs = makeDesign({
      context: { cloud: 'aws' },
      choices: { orchestrator: 'ecs-ec2', runtime: 'docker', os: 'amazon-linux', plugins: [] },
    })
    const kata = sandboxOutcomes(ecs, evaluate(ecs, catalog), catalog).find((o) => o.id === 'kata')
    expect(kata?.selected).toBe(false)
    expect(kata?.blocking.map((v) => v.id)).toEqual(['COMPAT-SANDBOX-UNSUPPORTED'])
    expect(kata?.blocking[0]?.message).toMatch(/cannot run Kata/)
  })

  it('shows why an offered sandbox is refused, on the card that switches it off', () => {
    const windows = makeDesign({
      workloads: [{ name: 'iis', image: 'mcr.microsoft.com/iis:10.0', os: 'windows', ports: [80] }],
    })
    const withGvisor = {
      ...windows,
      nodePools: windows.nodePools.map((p) =>
        p.os === 'windows-server' ? { ...p, sandboxes: [...p.sandboxes, 'gvisor' as const] } : p,
      ),
    }
    const gvisor = sandboxOutcomes(withGvisor, evaluate(withGvisor, catalog), catalog).find(
      (o) => o.id === 'gvisor',
    )
    expect(gvisor?.selected).toBe(true)
    expect(gvisor?.blocking[0]?.message).toMatch(/runs linux containers only/)
  })

  it('repairs the engine, pools and plugins when switching to an orchestrator that needs it', () => {
    const aws = makeDesign({ context: { cloud: 'aws' } })
    const ecs = optionOutcomes(aws, evaluate(aws, catalog), catalog, 'orchestrator').find(
      (o) => o.id === 'ecs-ec2',
    )
    expect(ecs?.blocking).toEqual([])
    expect(ecs && stackIn(ecs.design).runtime).toBe('docker')
    expect(ecs?.design.choices.plugins).not.toContain('cilium')
    expect(ecs?.adjustments).toContain('runtime: containerd -> docker')
    expect(ecs?.adjustments).toContain('pool control-plane: removed')
  })

  it('marks the current option as selected with no delta', () => {
    const current = optionOutcomes(design, evaluation, catalog, 'os').filter((o) => o.selected)
    expect(current.map((o) => o.id)).toEqual(['ubuntu'])
    expect(current[0]?.delta).toBe(0)
  })

  it('computes once per design object', () => {
    expect(optionOutcomes(design, evaluation, catalog, 'runtime')).toBe(
      optionOutcomes(design, evaluation, catalog, 'runtime'),
    )
  })
})

describe('pluginOutcomes', () => {
  it('switches within an exclusive category like a radio button', () => {
    const design = makeDesign()
    const calico = pluginOutcomes(design, evaluate(design, catalog), catalog).find(
      (o) => o.id === 'calico',
    )
    expect(calico?.design.choices.plugins).toEqual(['calico'])
    expect(calico?.adjustments).toContain('plugins: - cilium')
  })

  it('adds to a non-exclusive category without removing anything', () => {
    const design = makeDesign({ choices: { plugins: ['cilium', 'prometheus'] } })
    const fluent = pluginOutcomes(design, evaluate(design, catalog), catalog).find(
      (o) => o.id === 'fluent-bit',
    )
    expect(fluent?.design.choices.plugins).toEqual(['cilium', 'prometheus', 'fluent-bit'])
  })

  it('blocks plugins that do not apply to the orchestrator', () => {
    const design = makeDesign({
      context: { cloud: 'aws' },
      choices: { orchestrator: 'ecs-fargate', runtime: 'fargate', os: 'amazon-linux', plugins: [] },
      isolation: { network: 'default-deny' },
    })
    const outcomes = pluginOutcomes(design, evaluate(design, catalog), catalog)
    const ecs = catalog.orchestrators.find((o) => o.id === 'ecs-fargate')
    for (const o of outcomes) {
      const applies = ecs?.plugins.some((id) => id === o.id) ?? false
      expect(o.blocking.length > 0).toBe(!applies)
    }
  })

  it('offers "none" for an exclusive category', () => {
    const design = makeDesign()
    const none = noPluginOutcome(design, evaluate(design, catalog), catalog, 'cni')
    expect(none.selected).toBe(false)
    expect(none.design.choices.plugins).toEqual([])
    expect(none.introduced.map((v) => v.id)).toContain('COMPAT-NETWORK-POLICY-UNENFORCED')
  })
})

describe('isolationOutcomes', () => {
  it('blocks default-deny where nothing can enforce it', () => {
    const design = makeDesign({ choices: { plugins: [] }, isolation: { network: 'allow-all' } })
    const [deny] = isolationOutcomes(design, evaluate(design, catalog), catalog, 'network', [
      'default-deny',
    ])
    expect(deny?.blocking.map((v) => v.id)).toEqual(['COMPAT-NETWORK-POLICY-UNENFORCED'])
  })
})
