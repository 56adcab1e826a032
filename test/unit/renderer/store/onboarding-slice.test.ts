// Onboarding: the welcome shows on first start only, recovery comes first, and the tour is
// offered once, walks its stops and is remembered when finished or skipped.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { serializeDesign } from '../../../../shared/model/index'
import { createAppStore } from '../../../../renderer/store/index'
import { TOUR_STEPS } from '../../../../renderer/store/tour-steps'
import type { OnboardingFlag, Preferences } from '../../../../renderer/store/types'
import { makeDesign } from '../../../support/designs'
import { ManualScheduler, makeStore } from '../support/harness'
import { TestPlatform } from '../support/test-platform'

/** Flags kept in a Set that outlives one store, like localStorage across restarts. */
class MemoryPreferences implements Preferences {
  readonly flags = new Set<OnboardingFlag>()
  getFlag(name: OnboardingFlag) {
    return this.flags.has(name)
  }
  setFlag(name: OnboardingFlag) {
    this.flags.add(name)
  }
}

function start(preferences: Preferences, platform = new TestPlatform()) {
  const store = createAppStore({
    platform,
    catalog,
    scheduler: new ManualScheduler(),
    now: () => new Date('2025-06-01T10:00:00.000Z'),
    writeClipboard: async () => undefined,
    prefersDark: () => false,
    preferences,
  })
  return { store, platform }
}

const exampleText = serializeDesign(makeDesign({ metadata: { name: 'example-one' } }), 'yaml')

describe('welcome', () => {
  it('shows on first start and not after it was dismissed', async () => {
    const prefs = new MemoryPreferences()
    const first = start(prefs).store
    await first.getState().boot()
    expect(first.getState().welcomeOpen).toBe(true)
    first.getState().closeWelcome()
    expect(first.getState().welcomeOpen).toBe(false)

    const second = start(prefs).store
    await second.getState().boot()
    expect(second.getState().welcomeOpen).toBe(false)
  })

  it('waits while crash recovery is offered, and shows on the next start', async () => {
    const prefs = new MemoryPreferences()
    const platform = new TestPlatform()
    platform.autosave = { content: exampleText, savedAt: '2025-01-01T12:00:00.000Z' }
    const { store } = start(prefs, platform)
    await store.getState().boot()
    expect(store.getState().dialog?.kind).toBe('recovery')
    expect(store.getState().welcomeOpen).toBe(false)
    expect(prefs.flags.has('welcomeSeen')).toBe(false)

    await store.getState().discardRecovery()
    const next = start(prefs, platform).store
    await next.getState().boot()
    expect(next.getState().welcomeOpen).toBe(true)
  })

  it('gives way to a design the user opens (command line, dialog, drop)', async () => {
    const { store } = start(new MemoryPreferences())
    await store.getState().boot()
    expect(store.getState().welcomeOpen).toBe(true)
    store
      .getState()
      .openText('design.stackwright.yaml', exampleText, '/work/design.stackwright.yaml', true)
    expect(store.getState().welcomeOpen).toBe(false)
    expect(store.getState().design.metadata.name).toBe('example-one')
  })

  it('never opens by itself without stored preferences', async () => {
    const { store } = makeStore()
    await store.getState().boot()
    expect(store.getState().welcomeOpen).toBe(false)
  })

  it('opens an example as an untitled clean design and offers the tour', async () => {
    const prefs = new MemoryPreferences()
    const { store } = start(prefs)
    await store.getState().boot()
    store.getState().openExample('example-one.stackwright.yaml', exampleText)
    const s = store.getState()
    expect(s.design.metadata.name).toBe('example-one')
    expect(s.filePath).toBeNull()
    expect(s.dirty).toBe(false)
    expect(s.welcomeOpen).toBe(false)
    expect(s.tourOffered).toBe(true)
    expect(prefs.flags.has('welcomeSeen')).toBe(true)
  })

  it('asks before replacing unsaved work and offers no tour until a design opens', () => {
    const { store } = start(new MemoryPreferences())
    store.getState().togglePlugin('falco')
    store.getState().showWelcome()
    store.getState().openExample('example-one.stackwright.yaml', exampleText)
    expect(store.getState().dialog?.kind).toBe('discard')
    expect(store.getState().design.metadata.name).not.toBe('example-one')
    expect(store.getState().tourOffered).toBe(false)
  })

  it('starts an empty design from the welcome', () => {
    const { store } = start(new MemoryPreferences())
    store.getState().openExample('example-one.stackwright.yaml', exampleText)
    store.getState().endTour()
    store.getState().showWelcome()
    store.getState().startEmptyDesign()
    expect(store.getState().design.metadata.name).toBe('my-platform')
    expect(store.getState().welcomeOpen).toBe(false)
    // The tour was done already: it is not offered again.
    expect(store.getState().tourOffered).toBe(false)
  })

  it('leaves every choice of an empty design open until the user makes it', () => {
    const { store } = start(new MemoryPreferences())
    store.getState().startEmptyDesign()
    expect(store.getState().unchosen).toEqual(['cloud', 'orchestrator', 'runtime', 'os', 'cni'])
    expect(store.getState().design.choices.plugins).toEqual([])
    // Picking the placeholder's own value is a choice too.
    store.getState().markChosen('cloud')
    store.getState().chooseOption('orchestrator', 'kubernetes')
    expect(store.getState().unchosen).toEqual(['runtime', 'os', 'cni'])
    store.getState().togglePlugin('cilium')
    expect(store.getState().unchosen).toEqual(['runtime', 'os'])
    store.getState().chooseOption('runtime', 'containerd')
    store.getState().chooseOption('os', 'bottlerocket')
    expect(store.getState().unchosen).toEqual([])
  })

  it('saving a draft says the file holds placeholders for the open choices', async () => {
    const platform = new TestPlatform()
    platform.nextSaveAsPath = '/d/my-platform.stackwright.yaml'
    const { store } = start(new MemoryPreferences(), platform)
    store.getState().startEmptyDesign()
    expect(await store.getState().saveAs()).toBe(true)
    expect(store.getState().notice?.text).toMatch(/placeholders for the 5 choices still open$/)
  })

  it('an opened file has every choice made', () => {
    const { store } = start(new MemoryPreferences())
    store.getState().startEmptyDesign()
    store.getState().openText('example-one.stackwright.yaml', exampleText, null, true)
    expect(store.getState().unchosen).toEqual([])
  })
})

describe('tour', () => {
  it('walks every stop forward and back, opening the step a stop needs', () => {
    const prefs = new MemoryPreferences()
    const { store } = start(prefs)
    store.getState().startTour()
    expect(store.getState().tourStep).toBe(0)
    store.getState().moveTour(-1)
    expect(store.getState().tourStep).toBe(0)
    for (let i = 1; i < TOUR_STEPS.length; i++) {
      store.getState().moveTour(1)
      expect(store.getState().tourStep).toBe(i)
      const wizardStep = TOUR_STEPS[i]?.wizardStep
      if (wizardStep) expect(store.getState().step).toBe(wizardStep)
    }
    store.getState().moveTour(-1)
    expect(store.getState().tourStep).toBe(TOUR_STEPS.length - 2)
    expect(prefs.flags.has('tourDone')).toBe(false)
  })

  it('is remembered when finished', () => {
    const prefs = new MemoryPreferences()
    const { store } = start(prefs)
    store.getState().startTour()
    for (let i = 0; i < TOUR_STEPS.length; i++) store.getState().moveTour(1)
    expect(store.getState().tourStep).toBeNull()
    expect(prefs.flags.has('tourDone')).toBe(true)
  })

  it('is remembered when skipped, and not offered again', () => {
    const prefs = new MemoryPreferences()
    const { store } = start(prefs)
    store.getState().openExample('example-one.stackwright.yaml', exampleText)
    expect(store.getState().tourOffered).toBe(true)
    store.getState().endTour()
    expect(store.getState().tourOffered).toBe(false)
    expect(prefs.flags.has('tourDone')).toBe(true)
    store.getState().openExample('example-one.stackwright.yaml', exampleText)
    expect(store.getState().tourOffered).toBe(false)
  })

  it('keeps onboarding out of the undo history', () => {
    const { store } = start(new MemoryPreferences())
    store.getState().showWelcome()
    store.getState().startTour()
    store.getState().moveTour(1)
    expect(store.temporal.getState().pastStates).toHaveLength(0)
  })
})
