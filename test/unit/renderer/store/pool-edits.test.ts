// Node pool edits: new designs get the pools their orchestrator needs, pools are added, renamed and
// removed with the workloads placed on them kept consistent, and sandboxes land on a pool they fit.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/index'
import { postureOf } from '../../../../shared/engine/posture/index'
import { newDesign } from '../../../../shared/model/index'
import {
  poolChanges,
  withPoolAdded,
  withPoolRemoved,
  withPoolUpdated,
  withSandboxToggled,
  withStartingPools,
} from '../../../../renderer/store/pool-edits'
import { makeDesign } from '../../../support/designs'
import { makeStore } from '../support/harness'

describe('starting pools', () => {
  it('give a new self-managed design a control plane and workers, and no violations', () => {
    const design = withStartingPools(newDesign('fresh'), catalog)
    expect(design.nodePools.map((p) => p.role)).toEqual(['control-plane', 'workers'])
    expect(evaluate(design, catalog).violations).toEqual([])
  })

  it('leave a design that has pools alone', () => {
    const design = makeDesign()
    expect(withStartingPools(design, catalog)).toBe(design)
  })

  it('are what a new store starts with', () => {
    const { store } = makeStore()
    expect(store.getState().design.nodePools.length).toBeGreaterThan(0)
    store.getState().newDesign(true)
    // New leaves the CNI unchosen; with it picked, the starting pools are buildable.
    store.getState().togglePlugin('cilium')
    expect(store.getState().evaluation.violations).toEqual([])
  })
})

describe('pool edits', () => {
  const windowsWorkload = makeDesign({
    workloads: [
      { name: 'web', image: 'ghcr.io/acme/web:1.0.0', ports: [8080] },
      { name: 'iis', image: 'mcr.microsoft.com/iis:10.0', os: 'windows', ports: [80] },
    ],
  })
  const linuxOnly = {
    ...windowsWorkload,
    nodePools: windowsWorkload.nodePools.filter((p) => p.os !== 'windows-server'),
  }

  it('a Windows pool added to a Linux design takes the Windows workload', () => {
    const before = postureOf(linuxOnly, catalog)
    expect(before.placements[1]?.problem?.message).toMatch(/No node pool can run iis/)
    const added = withPoolAdded(linuxOnly, 'windows', catalog)
    const pool = added.nodePools.at(-1)
    expect(pool).toMatchObject({ name: 'windows', os: 'windows-server', runtime: 'containerd' })
    const after = postureOf(added, catalog)
    expect(after.placements[1]?.pool?.pool.name).toBe('windows')
    expect(after.placements[0]?.pool?.pool.name).toBe('workers')
  })

  it('a rename carries pinned workloads along; a removal unpins them', () => {
    const pinned = {
      ...windowsWorkload,
      workloads: windowsWorkload.workloads.map((w) =>
        w.name === 'iis' ? { ...w, pool: 'windows' } : w,
      ),
    }
    const index = pinned.nodePools.findIndex((p) => p.name === 'windows')
    const renamed = withPoolUpdated(pinned, index, { name: 'win' })
    expect(renamed.workloads[1]?.pool).toBe('win')
    const removed = withPoolRemoved(renamed, index)
    expect(removed.workloads[1]).not.toHaveProperty('pool')
  })

  it('a sandbox goes to a pool it can run on and gets the virtualisation it needs', () => {
    const design = makeDesign({ context: { cloud: 'aws' }, choices: { orchestrator: 'eks' } })
    const kata = withSandboxToggled(design, 'kata', catalog)
    const pool = kata.nodePools.find((p) => p.sandboxes.includes('kata'))
    expect(pool?.virtualization).toBe('nested')
    expect(poolChanges(design, kata, catalog)).toEqual([
      `pool ${pool?.name}: sandboxes + kata`,
      `pool ${pool?.name}: virtualization none -> nested`,
    ])
    expect(
      withSandboxToggled(kata, 'kata', catalog).nodePools.some((p) => p.sandboxes.length > 0),
    ).toBe(false)
  })

  it('Hyper-V isolation goes to the Windows pool, not the Linux primary', () => {
    const swarm = makeDesign({
      choices: { orchestrator: 'swarm', runtime: 'docker', os: 'ubuntu', plugins: [] },
      isolation: { network: 'allow-all' },
      workloads: [{ name: 'iis', image: 'mcr.microsoft.com/iis:10.0', os: 'windows', ports: [80] }],
    })
    const hyperv = withSandboxToggled(swarm, 'windows-hyperv', catalog)
    expect(hyperv.nodePools.find((p) => p.sandboxes.includes('windows-hyperv'))?.os).toBe(
      'windows-server',
    )
  })
})

describe('pool actions in the store', () => {
  it('are undoable edits that re-evaluate', () => {
    const { store } = makeStore(makeDesign())
    const before = store.getState().design
    store.getState().addPool('linux')
    expect(store.getState().design.nodePools).toHaveLength(before.nodePools.length + 1)
    store.getState().updatePool(0, { size: 5 }, 'nodePools[0].size')
    expect(store.getState().design.nodePools[0]?.size).toBe(5)
    store.getState().removePool(store.getState().design.nodePools.length - 1)
    store.getState().undo()
    store.getState().undo()
    store.getState().undo()
    expect(store.getState().design).toBe(before)
  })

  it('report a duplicate pool name on the field', () => {
    const { store } = makeStore(makeDesign())
    store.getState().addPool('linux')
    const last = store.getState().design.nodePools.length - 1
    store.getState().updatePool(last, { name: 'workers' })
    expect(store.getState().issues[`nodePools[${last}].name`]).toMatch(/duplicate name/)
  })
})
