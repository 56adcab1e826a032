// Review and Export: recommendations follow the design, compare is bounded, and the exported files
// are exactly what generateAll produces for the same design.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { recommend } from '../../../../shared/engine/index'
import { generateAll } from '../../../../shared/generate/index'
import { parseDesign, serializeDesign } from '../../../../shared/model/index'
import { compareStacks } from '../../../../renderer/store/compare'
import { MAX_COMPARED } from '../../../../renderer/store/ui-slice'
import { makeDesign } from '../../../support/designs'
import { makeStore } from '../support/harness'

describe('recommendations', () => {
  it('are computed when Review opens and recomputed after an edit there', () => {
    const { store, scheduler } = makeStore(makeDesign())
    store.getState().setStep('review')
    scheduler.runAll()
    const first = store.getState().recommendations
    expect(first?.forDesign).toBe(store.getState().design)
    expect(first?.stacks).toEqual(recommend(store.getState().design, catalog, 5))
    store.getState().edit((d) => ({
      ...d,
      context: { ...d.context, priorities: { ...d.context.priorities, cost: 5 } },
    }))
    expect(store.getState().recommendations?.forDesign).not.toBe(store.getState().design)
    scheduler.runAll()
    expect(store.getState().recommendations?.forDesign).toBe(store.getState().design)
  })

  it('are not computed on other steps', () => {
    const { store, scheduler } = makeStore(makeDesign())
    store.getState().chooseOption('runtime', 'cri-o')
    scheduler.runAll()
    expect(store.getState().recommendations).toBeNull()
  })
})

describe('compare', () => {
  const stacks = recommend(makeDesign(), catalog, 5).map((r) => r.stack)

  it(`holds at most ${MAX_COMPARED - 1} alternatives beside the current stack`, () => {
    const { store } = makeStore(makeDesign())
    for (const s of stacks) store.getState().toggleCompare(s)
    expect(store.getState().compare).toHaveLength(MAX_COMPARED - 1)
    expect(store.getState().notice?.text).toMatch(/at most/)
    store.getState().toggleCompare(stacks[0] ?? stacks[1]!)
    expect(store.getState().compare).toHaveLength(MAX_COMPARED - 2)
  })

  it('puts the current stack first and diffs findings against it', () => {
    const { store } = makeStore(makeDesign())
    const { design, evaluation } = store.getState()
    const columns = compareStacks(design, evaluation, stacks.slice(0, 2), catalog)
    expect(columns[0]?.current).toBe(true)
    for (const c of columns.slice(1)) {
      const ids = new Set(c.evaluation.findings.map((f) => f.id))
      const currentIds = new Set(evaluation.findings.map((f) => f.id))
      expect(c.newFindings.every((f) => !currentIds.has(f.id))).toBe(true)
      expect(c.resolvedFindings.every((f) => !ids.has(f.id))).toBe(true)
      expect(c.changes.length).toBeGreaterThan(0)
    }
  })
})

describe('export', () => {
  it('generates exactly what generateAll gives for the default targets', async () => {
    const { store } = makeStore(makeDesign())
    const generated = await store.getState().generate()
    const design = store.getState().design
    expect(generated?.files).toEqual([
      { path: 'test-design.stackwright.yaml', content: serializeDesign(design, 'yaml') },
      ...generateAll(design, catalog),
    ])
    expect(store.getState().previewPath).toBe(generated?.files[0]?.path)
  })

  it('includes the design file itself, which reopens as the same design', async () => {
    const { store } = makeStore(makeDesign())
    const generated = await store.getState().generate()
    const file = generated?.files.find((f) => f.path === 'test-design.stackwright.yaml')
    const reopened = parseDesign(file?.content ?? '')
    expect(reopened.ok && reopened.design).toEqual(store.getState().design)
  })

  it('refuses to export a design with field problems, and says why', async () => {
    const { store, platform } = makeStore(makeDesign())
    const first = store.getState().design.workloads[0]?.name ?? ''
    store.getState().updateWorkload(1, { name: first })
    await store.getState().exportFiles()
    expect(platform.exported).toEqual([])
    expect(store.getState().notice).toMatchObject({ tone: 'error' })
    expect(store.getState().notice?.text).toMatch(/^Fix .*field problems? before exporting$/)
  })

  it('exports a design with incompatibilities only with a notice that says so', async () => {
    const { store, platform } = makeStore(makeDesign())
    // GKE on premises: a managed Google control plane outside Google Cloud.
    store.getState().edit((d) => ({ ...d, choices: { ...d.choices, orchestrator: 'gke' } }))
    expect(store.getState().evaluation.valid).toBe(false)
    await store.getState().exportFiles()
    expect(platform.exported).toHaveLength(1)
    expect(store.getState().notice?.text).toMatch(/not buildable/)
  })

  it('regenerates when the targets change and writes through the platform', async () => {
    const { store, platform } = makeStore(makeDesign())
    store.getState().setExportTargets(['kubernetes', 'doc'])
    const generated = await store.getState().generate()
    expect(generated?.targets).toEqual(['doc', 'kubernetes'])
    await store.getState().exportFiles()
    const design = store.getState().design
    expect(platform.exported).toEqual([
      {
        folder: 'test-design',
        files: [
          { path: 'test-design.stackwright.yaml', content: serializeDesign(design, 'yaml') },
          ...generateAll(design, catalog, { targets: ['doc', 'kubernetes'] }),
        ],
      },
    ])
  })

  it('drops manifests of another orchestrator family from the targets', async () => {
    const { store } = makeStore(makeDesign())
    store.getState().setExportTargets(['doc', 'swarm', 'ecs', 'kubernetes'])
    const generated = await store.getState().generate()
    expect(generated?.targets).toEqual(['doc', 'kubernetes'])
    expect(store.getState().notice).toBeNull()
  })

  it('shares one run between requests made while it is running', async () => {
    const { store } = makeStore(makeDesign())
    const first = store.getState().generate()
    const second = store.getState().generate()
    expect(second).toBe(first)
    const files = await first
    expect(await store.getState().generate()).toBe(files)
  })

  it('copies a previewed file to the clipboard', async () => {
    const { store, clipboard } = makeStore(makeDesign())
    const generated = await store.getState().generate()
    const file = generated?.files.find((f) => f.path.endsWith('.md'))
    await store.getState().copyFile(file?.path ?? '')
    expect(clipboard).toEqual([file?.content])
  })
})
