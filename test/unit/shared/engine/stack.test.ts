import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { baseStacks } from '../../../../shared/engine/recommend'
import { applyStack, stackOf } from '../../../../shared/engine/stack'
import { designArb } from '../../../support/arbitrary-design'
import { exampleFiles, loadExample, makeV2Design } from '../../../support/designs'

const withKata = makeV2Design({
  nodePools: [
    { name: 'control-plane', role: 'control-plane', os: 'ubuntu', runtime: 'containerd' },
    { name: 'workers', role: 'workers', os: 'ubuntu', runtime: 'containerd' },
    {
      name: 'sandboxed',
      role: 'workers',
      os: 'ubuntu',
      runtime: 'containerd',
      sandboxes: ['kata'],
      virtualization: 'nested',
    },
  ],
})

describe('applyStack', () => {
  it.each(exampleFiles())('applying its own stack leaves %s unchanged', (file) => {
    const design = loadExample(file)
    expect(applyStack(design, stackOf(design, catalog), catalog)).toEqual(design)
  })

  it('is idempotent for every base stack on arbitrary designs', () => {
    const arb = designArb(3).chain((design) =>
      fc.tuple(fc.constant(design), fc.constantFrom(...baseStacks(catalog, design))),
    )
    fc.assert(
      fc.property(arb, ([design, stack]) => {
        const once = applyStack(design, stack, catalog)
        expect(applyStack(once, stack, catalog)).toEqual(once)
      }),
      { numRuns: 200 },
    )
  })

  it('drops a sandbox the new orchestrator cannot run instead of carrying it over', () => {
    expect(stackOf(withKata, catalog).sandbox).toBe('kata')
    const ecs = applyStack(
      withKata,
      {
        ...stackOf(withKata, catalog),
        orchestrator: 'ecs-ec2',
        runtime: 'docker',
        os: 'amazon-linux',
      },
      catalog,
    )
    expect(ecs.nodePools.flatMap((p) => p.sandboxes)).toEqual([])
    expect(stackOf(ecs, catalog).sandbox).toBe('none')
  })

  it('removes the control-plane pool for a managed control plane and adds one back when self-managed', () => {
    const eks = applyStack(
      withKata,
      { ...stackOf(withKata, catalog), orchestrator: 'eks', os: 'bottlerocket' },
      catalog,
    )
    expect(eks.nodePools.map((p) => p.role)).not.toContain('control-plane')
    const back = applyStack(
      eks,
      { ...stackOf(eks, catalog), orchestrator: 'kubernetes', os: 'ubuntu' },
      catalog,
    )
    expect(back.nodePools.filter((p) => p.role === 'control-plane')).toHaveLength(1)
  })

  it('keeps a Windows pool on Windows and gives it the new orchestrator’s Windows engine', () => {
    const swarm = makeV2Design({
      choices: { orchestrator: 'swarm', plugins: [] },
      nodePools: [
        { name: 'managers', role: 'control-plane', os: 'ubuntu', runtime: 'docker' },
        { name: 'linux', role: 'workers', os: 'ubuntu', runtime: 'docker' },
        { name: 'windows', role: 'workers', os: 'windows-server', runtime: 'docker' },
      ],
    })
    const k8s = applyStack(
      swarm,
      { ...stackOf(swarm, catalog), orchestrator: 'kubernetes', runtime: 'containerd' },
      catalog,
    )
    const windows = k8s.nodePools.find((p) => p.name === 'windows')
    expect(windows).toMatchObject({ os: 'windows-server', runtime: 'containerd' })
    expect(k8s.nodePools.find((p) => p.name === 'linux')).toMatchObject({ runtime: 'containerd' })
  })
})
