// Files: open never loses the design on failure, save round-trips, autosave offers recovery, and
// the close prompt answers main.
/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { newDesign, parseDesign, serializeDesign } from '../../../../shared/model/index'
import { makeDesign } from '../../../support/designs'
import { makeStore, settle, stackIn } from '../support/harness'

describe('open', () => {
  it('shows located errors and keeps the design when the file does not parse', () => {
    const { store } = makeStore(makeDesign())
    store.getState().togglePlugin('falco')
    const before = store.getState().design
    store
      .getState()
      .openText(
        'broken.yaml',
        'apiVersion: stackwright.dev/v1\nkind: Design\nmetadata:\n  name: Bad Name\n',
        'broken.yaml',
        true,
      )
    const { design, openFailure, dirty } = store.getState()
    expect(design).toBe(before)
    expect(dirty).toBe(true)
    expect(openFailure?.fileName).toBe('broken.yaml')
    expect(openFailure?.errors[0]).toMatchObject({ path: 'metadata.name', line: 4 })
  })

  it('opens a file whose names clash into the editor, with its errors listed and marked', () => {
    const design = makeDesign()
    const first = design.workloads[0]
    const clash = {
      ...design,
      workloads: design.workloads.map((w, i) =>
        i === 1 && first ? { ...w, name: first.name } : w,
      ),
    }
    const text = serializeDesign(clash, 'yaml')
    expect(parseDesign(text).ok).toBe(false)
    const { store } = makeStore(makeDesign())
    store.getState().openText('clash.stackwright.yaml', text, '/d/clash.stackwright.yaml', true)
    const s = store.getState()
    expect(serializeDesign(s.design, 'yaml')).toBe(text)
    expect(s.filePath).toBe('/d/clash.stackwright.yaml')
    expect(s.dirty).toBe(false)
    expect(s.openFailure).toMatchObject({ fileName: 'clash.stackwright.yaml', opened: true })
    expect(s.openFailure?.errors.map((e) => e.path)).toContain('workloads[1].name')
    expect(s.issues['workloads[1].name']).toBeDefined()
    expect(s.notice?.tone).toBe('error')
  })

  it('replaces the design, clears history and is clean after a good open', () => {
    const { store } = makeStore(makeDesign())
    store.getState().chooseOption('runtime', 'cri-o')
    const text = serializeDesign(makeDesign({ metadata: { name: 'opened' } }), 'yaml')
    store
      .getState()
      .openText('opened.stackwright.yaml', text, '/designs/opened.stackwright.yaml', true)
    const s = store.getState()
    expect(s.design.metadata.name).toBe('opened')
    expect(s.dirty).toBe(false)
    expect(s.filePath).toBe('/designs/opened.stackwright.yaml')
    expect(store.temporal.getState().pastStates).toHaveLength(0)
  })

  it('says once that a v1 file will be saved as v2, and saves v2', async () => {
    const { store, platform } = makeStore(makeDesign())
    const v1 = readFileSync(
      new URL(
        '../../../fixtures/designs/v1-examples/payments-eks.stackwright.yaml',
        import.meta.url,
      ),
      'utf8',
    )
    store.getState().openText('payments.stackwright.yaml', v1, '/d/payments.stackwright.yaml', true)
    expect(store.getState().migration).toEqual({
      fileName: 'payments.stackwright.yaml',
      from: 'stackwright.dev/v1',
      to: 'stackwright.dev/v2',
    })
    expect(store.getState().dirty).toBe(false)
    expect(await store.getState().save(true)).toBe(true)
    expect(platform.files.get('/d/payments.stackwright.yaml')).toMatch(
      /^apiVersion: stackwright\.dev\/v2$/m,
    )
    expect(store.getState().migration).toBeNull()
    expect(store.getState().notice?.text).toMatch(/in format stackwright\.dev\/v2/)
  })

  it('shows no migration notice for a v2 file; the notice can be dismissed', () => {
    const { store } = makeStore(makeDesign())
    const v1 = readFileSync(
      new URL('../../../fixtures/designs/v1-examples/nomad-edge.stackwright.yaml', import.meta.url),
      'utf8',
    )
    store.getState().openText('edge.yaml', v1, 'edge.yaml', true)
    store.getState().dismissMigration()
    expect(store.getState().migration).toBeNull()
    store.getState().openText('edge.yaml', v1, 'edge.yaml', true)
    store.getState().openText('a.yaml', serializeDesign(makeDesign(), 'yaml'), 'a.yaml', true)
    expect(store.getState().migration).toBeNull()
  })

  it('asks before replacing unsaved work, then goes ahead on discard', async () => {
    const { store, platform } = makeStore(makeDesign())
    store.getState().togglePlugin('falco')
    platform.nextOpen = { path: 'other.yaml', content: serializeDesign(newDesign('other'), 'yaml') }
    await store.getState().openFile()
    expect(store.getState().dialog).toEqual({ kind: 'discard', then: { kind: 'open' } })
    expect(store.getState().design.metadata.name).toBe('test-design')
    store.getState().discardAndContinue()
    await settle()
    expect(store.getState().design.metadata.name).toBe('other')
  })

  it('opens files sent by main (command line, second launch)', () => {
    const { store, platform } = makeStore(makeDesign())
    const disconnect = store.getState().connect()
    platform.sendFile({
      path: '/x/y.stackwright.yaml',
      content: serializeDesign(newDesign('sent'), 'yaml'),
    })
    expect(store.getState().design.metadata.name).toBe('sent')
    disconnect()
  })
})

describe('save', () => {
  it('saves as when there is no path, writing text that parses back to the design', async () => {
    const { store, platform } = makeStore(makeDesign())
    store.getState().chooseOption('runtime', 'cri-o')
    platform.nextSaveAsPath = '/designs/test.stackwright.yaml'
    expect(await store.getState().save()).toBe(true)
    const written = platform.files.get('/designs/test.stackwright.yaml') ?? ''
    const parsed = parseDesign(written)
    expect(parsed.ok && parsed.design).toEqual(store.getState().design)
    const s = store.getState()
    expect(s.dirty).toBe(false)
    expect(s.filePath).toBe('/designs/test.stackwright.yaml')
    expect(s.lastSaved).toBe('2025-06-01T10:00:00.000Z')
    expect(platform.windowStates.at(-1)).toEqual({
      title: 'test-design (test.stackwright.yaml)',
      dirty: false,
    })
  })

  it('stays dirty and keeps the file when Save As is cancelled', async () => {
    const { store, platform } = makeStore(makeDesign())
    store.getState().chooseOption('runtime', 'cri-o')
    platform.nextSaveAsPath = null
    expect(await store.getState().saveAs()).toBe(false)
    expect(store.getState().dirty).toBe(true)
    expect(platform.files.size).toBe(0)
  })

  it('asks before overwriting a file changed on disk', async () => {
    const { store, platform } = makeStore(makeDesign())
    platform.nextSaveAsPath = '/d.yaml'
    await store.getState().save()
    platform.files.set('/d.yaml', 'changed elsewhere')
    store.getState().togglePlugin('falco')
    expect(await store.getState().save()).toBe(false)
    expect(store.getState().dialog).toEqual({ kind: 'overwrite', path: '/d.yaml' })
    expect(await store.getState().save(true)).toBe(true)
    expect(platform.files.get('/d.yaml')).toContain('falco')
  })

  it('tells the window the title and dirty flag as they change', () => {
    const { store, platform } = makeStore(makeDesign())
    store.getState().edit((d) => ({ ...d, metadata: { ...d.metadata, title: 'Payments' } }))
    expect(platform.windowStates.at(-1)).toEqual({ title: 'Payments', dirty: true })
    store.getState().undo()
    expect(platform.windowStates.at(-1)).toEqual({ title: 'test-design', dirty: false })
  })
})

describe('autosave and recovery', () => {
  it('writes the autosave copy after the quiet period, only for dirty designs', async () => {
    const { store, platform, scheduler } = makeStore(makeDesign())
    store.getState().chooseOption('runtime', 'cri-o')
    store.getState().chooseOption('os', 'flatcar')
    expect(scheduler.size).toBe(1)
    scheduler.runAll()
    await settle()
    const parsed = parseDesign(platform.autosave?.content ?? '')
    expect(parsed.ok && stackIn(parsed.design)).toMatchObject({ runtime: 'cri-o', os: 'flatcar' })
    store.getState().undo()
    store.getState().undo()
    scheduler.runAll()
    expect(scheduler.size).toBe(0)
  })

  it('offers the autosaved copy on start and restores it as unsaved work', async () => {
    const { store, platform } = makeStore()
    const lost = makeDesign({ metadata: { name: 'lost-work' } })
    platform.autosave = {
      content: serializeDesign(lost, 'yaml'),
      path: '/w/lost.yaml',
      savedAt: '2025-01-01T00:00:00Z',
    }
    await store.getState().boot()
    expect(store.getState().dialog?.kind).toBe('recovery')
    store.getState().restoreRecovery()
    const s = store.getState()
    expect(s.design).toEqual(lost)
    expect(s.dirty).toBe(true)
    expect(s.filePath).toBe('/w/lost.yaml')
  })

  it('restores unsaved work with a name used twice, its errors marked', async () => {
    const { store, platform } = makeStore()
    const base = makeDesign({ metadata: { name: 'clash' } })
    const first = base.workloads[0]
    if (!first || base.workloads.length < 2) throw new Error('makeDesign needs two workloads')
    const clash = {
      ...base,
      workloads: base.workloads.map((w, i) => (i === 1 ? { ...w, name: first.name } : w)),
    }
    platform.autosave = { content: serializeDesign(clash, 'yaml'), savedAt: '2025-01-01T00:00:00Z' }
    await store.getState().boot()
    store.getState().restoreRecovery()
    const s = store.getState()
    expect(s.design).toEqual(clash)
    expect(s.dirty).toBe(true)
    expect(s.issues['workloads[1].name']).toBeDefined()
    expect(s.notice?.text).toMatch(/to fix$/)
  })

  it('forgets the copy when the user discards it', async () => {
    const { store, platform } = makeStore()
    platform.autosave = {
      content: serializeDesign(makeDesign(), 'yaml'),
      savedAt: '2025-01-01T00:00:00Z',
    }
    await store.getState().boot()
    await store.getState().discardRecovery()
    expect(platform.autosave).toBeNull()
    expect(store.getState().dialog).toBeNull()
  })
})

describe('close and menu commands', () => {
  it('closes at once when clean, and asks when dirty', async () => {
    const { store, platform } = makeStore(makeDesign())
    const disconnect = store.getState().connect()
    platform.requestClose()
    await settle()
    expect(platform.closeAnswers).toEqual([true])
    store.getState().togglePlugin('falco')
    platform.requestClose()
    expect(store.getState().dialog).toEqual({ kind: 'close' })
    await store.getState().answerClose('cancel')
    expect(platform.closeAnswers).toEqual([true, false])
    disconnect()
  })

  it('saves before closing when asked to, and closes only if the save worked', async () => {
    const { store, platform } = makeStore(makeDesign())
    store.getState().togglePlugin('falco')
    platform.nextSaveAsPath = null
    await store.getState().answerClose('save')
    platform.nextSaveAsPath = '/saved.yaml'
    await store.getState().answerClose('save')
    expect(platform.closeAnswers).toEqual([false, true])
    expect(platform.files.has('/saved.yaml')).toBe(true)
  })

  it('runs undo, redo and theme from menu commands', () => {
    const { store, platform } = makeStore(makeDesign())
    const disconnect = store.getState().connect()
    store.getState().chooseOption('runtime', 'cri-o')
    platform.sendMenu('undo')
    expect(stackIn(store.getState().design).runtime).toBe('containerd')
    platform.sendMenu('redo')
    expect(stackIn(store.getState().design).runtime).toBe('cri-o')
    platform.sendMenu('toggle-theme')
    expect(store.getState().theme).toBe('dark')
    platform.sendMenu('export')
    expect(store.getState().step).toBe('export')
    disconnect()
  })
})
