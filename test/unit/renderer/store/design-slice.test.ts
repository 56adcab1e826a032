// The design slice: every edit derives the evaluation, is one undo step, and UI state is not undone.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate, recommend } from '../../../../shared/engine/index'
import { makeDesign } from '../../../support/designs'
import { makeStore, stackIn } from '../support/harness'

describe('design edits', () => {
  it('derive the evaluation in the same action, equal to a fresh evaluate()', () => {
    const { store } = makeStore(makeDesign())
    store.getState().chooseOption('runtime', 'cri-o')
    const { design, evaluation } = store.getState()
    expect(stackIn(design).runtime).toBe('cri-o')
    expect(design.nodePools.find((p) => p.role === 'workers')?.runtime).toBe('cri-o')
    expect(evaluation).toEqual(evaluate(design, catalog))
  })

  it('offering Kata to untrusted workloads moves the isolation score', () => {
    const { store } = makeStore(
      makeDesign({
        workloads: [
          { name: 'web', image: 'ghcr.io/acme/web:1.0.0', ports: [8080], talksTo: ['api'] },
          { name: 'api', image: 'ghcr.io/acme/api:1.0.0', ports: [9090], trust: 'untrusted' },
        ],
      }),
    )
    const before = store.getState().evaluation.scores.criteria.isolation.score
    store.getState().toggleSandbox('kata')
    const { design, evaluation } = store.getState()
    const pool = design.nodePools.find((p) => p.sandboxes.includes('kata'))
    expect(pool?.virtualization).toBe('bare-metal')
    expect(evaluation.violations).toEqual([])
    expect(evaluation.scores.criteria.isolation.score).toBeGreaterThan(before)
    store.getState().toggleSandbox('kata')
    expect(store.getState().design.nodePools.some((p) => p.sandboxes.includes('kata'))).toBe(false)
  })

  it('undo and redo restore the design and its evaluation', () => {
    const { store } = makeStore(makeDesign())
    const original = store.getState().design
    store.getState().chooseOption('runtime', 'cri-o')
    const changed = store.getState().design
    store.getState().undo()
    expect(store.getState().design).toBe(original)
    expect(store.getState().evaluation).toEqual(evaluate(original, catalog))
    store.getState().redo()
    expect(store.getState().design).toBe(changed)
    expect(store.getState().evaluation.scores).toEqual(evaluate(changed, catalog).scores)
  })

  it('does not record UI changes in the history', () => {
    const { store } = makeStore(makeDesign())
    store.getState().setStep('runtime')
    store.getState().setTheme('dark')
    store.getState().selectWorkload(1)
    expect(store.temporal.getState().pastStates).toHaveLength(0)
    store.getState().chooseOption('os', 'flatcar')
    store.getState().setStep('review')
    store.getState().undo()
    expect(stackIn(store.getState().design).os).toBe('ubuntu')
    expect(store.getState().step).toBe('review')
  })

  it('folds a run of keystrokes in one field into one undo step', () => {
    const { store } = makeStore(makeDesign())
    const type = (title: string) =>
      store
        .getState()
        .edit((d) => ({ ...d, metadata: { ...d.metadata, title } }), { coalesce: 'metadata.title' })
    type('P')
    type('Pa')
    type('Pay')
    store.getState().edit((d) => ({ ...d, metadata: { ...d.metadata, owner: 'ops' } }), {
      coalesce: 'metadata.owner',
    })
    expect(store.temporal.getState().pastStates).toHaveLength(2)
    store.getState().undo()
    expect(store.getState().design.metadata).toMatchObject({ title: 'Pay', owner: '' })
    store.getState().undo()
    expect(store.getState().design.metadata.title).toBe('')
  })

  it('starts a new undo step for the same field after an undo', () => {
    const { store } = makeStore(makeDesign())
    const setTitle = (title: string) =>
      store
        .getState()
        .edit((d) => ({ ...d, metadata: { ...d.metadata, title } }), { coalesce: 'metadata.title' })
    setTitle('A')
    setTitle('AB')
    store.getState().undo()
    setTitle('X')
    setTitle('XY')
    store.getState().undo()
    expect(store.getState().design.metadata.title).toBe('')
  })

  it('is dirty after an edit and clean again when undone to the saved design', () => {
    const { store } = makeStore(makeDesign())
    expect(store.getState().dirty).toBe(false)
    store.getState().togglePlugin('falco')
    expect(store.getState().dirty).toBe(true)
    store.getState().undo()
    expect(store.getState().dirty).toBe(false)
  })

  it('ignores edits that return the same design', () => {
    const { store } = makeStore(makeDesign())
    store.getState().chooseOption('runtime', 'containerd')
    store.getState().edit((d) => d)
    expect(store.temporal.getState().pastStates).toHaveLength(0)
    expect(store.getState().dirty).toBe(false)
  })
})

describe('workload edits', () => {
  it('adds a valid workload and selects it', () => {
    const { store } = makeStore(makeDesign())
    store.getState().addWorkload()
    const { design, selectedWorkload, issues } = store.getState()
    expect(design.workloads).toHaveLength(3)
    expect(selectedWorkload).toBe(2)
    expect(Object.keys(issues).filter((p) => p.startsWith('workloads[2]'))).toEqual([])
  })

  it('carries flows along when a workload is renamed', () => {
    const { store } = makeStore(makeDesign())
    store.getState().updateWorkload(1, { name: 'backend' })
    const [web, backend] = store.getState().design.workloads
    expect(backend?.name).toBe('backend')
    expect(web?.talksTo).toEqual(['backend'])
    expect(store.getState().evaluation.violations.map((v) => v.id)).not.toContain(
      'COMPAT-FLOW-UNKNOWN',
    )
  })

  it('removes the flows that pointed at a removed workload', () => {
    const { store } = makeStore(makeDesign())
    store.getState().removeWorkload(1)
    const { design, selectedWorkload } = store.getState()
    expect(design.workloads.map((w) => w.name)).toEqual(['web'])
    expect(design.workloads[0]?.talksTo).toEqual([])
    expect(selectedWorkload).toBe(0)
  })

  it('reports schema problems on the edited field', () => {
    const { store } = makeStore(makeDesign())
    store.getState().updateWorkload(0, { image: 'Not An Image' }, 'workloads[0].image')
    expect(store.getState().issues['workloads[0].image']).toMatch(/image reference/)
  })
})

describe('risks and stacks', () => {
  it('saves a treatment into risks and shows it on the finding', () => {
    const { store } = makeStore(makeDesign({ isolation: { network: 'allow-all' } }))
    const finding = store.getState().evaluation.findings[0]
    expect(finding).toBeDefined()
    const id = finding?.id ?? ''
    store.getState().setRisk(id, 'accepted', 'Signed off by the CISO')
    expect(store.getState().design.risks[id]).toEqual({
      treatment: 'accepted',
      note: 'Signed off by the CISO',
    })
    expect(store.getState().evaluation.findings.find((f) => f.id === id)?.treatment).toBe(
      'accepted',
    )
    store.getState().setRisk(id, 'open', '')
    expect(store.getState().design.risks[id]).toBeUndefined()
  })

  it('adopting a recommended stack scores what recommend() promised, and is undoable', () => {
    const { store } = makeStore(makeDesign())
    const before = store.getState().design
    const [best] = recommend(before, catalog, 3)
    expect(best).toBeDefined()
    if (!best) return
    store.getState().adoptStack(best.stack)
    const { design, evaluation } = store.getState()
    expect(stackIn(design)).toEqual(best.stack)
    expect(evaluation.scores.overall).toBe(best.score)
    store.getState().undo()
    expect(store.getState().design).toBe(before)
  })
})
