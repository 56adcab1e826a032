import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PLUGIN_IDS } from '../../../../shared/catalog/ids'
import { catalog } from '../../../../shared/catalog/index'
import { buildContext, stackOf, summarizeWorkloads } from '../../../../shared/engine/context'
import { detectViolations, findingsOf } from '../../../../shared/engine/evaluate'
import { findingPenalties } from '../../../../shared/engine/arithmetic'
import { getPlugin } from '../../../../shared/catalog/index'
import {
  CAPABILITY_RULES,
  EACH_PLUGIN_RULES,
  STACK_RULES,
  byCriterion,
  sumRules,
} from '../../../../shared/engine/score'
import { designArb } from '../../../support/arbitrary-design'

// recommend() scores the stack once and re-applies only rules marked readsPlugins per plugin set; these
// tests prove the marking is right, so that shortcut cannot change a result.
describe('rule scopes used by recommend', () => {
  const pluginSet = fc.subarray([...PLUGIN_IDS], { maxLength: 8 })

  it('rules not marked readsPlugins give the same points for any plugin set', () => {
    fc.assert(
      fc.property(designArb(4), pluginSet, (design, plugins) => {
        const summary = summarizeWorkloads(design)
        const a = buildContext(design, catalog, summary)
        const b = buildContext(design, catalog, summary, { ...stackOf(design, catalog), plugins })
        expect(sumRules(b, STACK_RULES)).toEqual(sumRules(a, STACK_RULES))
      }),
      { numRuns: 300 },
    )
  })

  it('each-plugin rules are the sum of one term per plugin', () => {
    fc.assert(
      fc.property(designArb(4), pluginSet, (design, plugins) => {
        const summary = summarizeWorkloads(design)
        const base = buildContext(design, catalog, summary)
        const all = sumRules(
          { ...base, plugins: plugins.map((id) => getPlugin(catalog, id)) },
          EACH_PLUGIN_RULES,
        )
        const parts = plugins.map((id) =>
          sumRules({ ...base, plugins: [getPlugin(catalog, id)] }, EACH_PLUGIN_RULES),
        )
        expect(all).toEqual(byCriterion((k) => parts.reduce((sum, part) => sum + part[k], 0)))
      }),
      { numRuns: 300 },
    )
  })

  it('capability rules read the plugin set only through its capabilities', () => {
    fc.assert(
      fc.property(designArb(4), pluginSet, (design, plugins) => {
        const summary = summarizeWorkloads(design)
        const withPlugins = buildContext(design, catalog, summary, {
          ...stackOf(design, catalog),
          plugins,
        })
        const capabilitiesOnly = { ...withPlugins, plugins: [] }
        expect(sumRules(capabilitiesOnly, CAPABILITY_RULES)).toEqual(
          sumRules(withPlugins, CAPABILITY_RULES),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('violations not marked readsPlugins do not depend on the plugin set', () => {
    fc.assert(
      fc.property(designArb(4), pluginSet, (design, plugins) => {
        const summary = summarizeWorkloads(design)
        const a = buildContext(design, catalog, summary)
        const b = buildContext(design, catalog, summary, { ...stackOf(design, catalog), plugins })
        expect(detectViolations(b, false).map((v) => v.id)).toEqual(
          detectViolations(a, false).map((v) => v.id),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('finding penalties never grow when capabilities are added or shrink when plugins are added', () => {
    // recommend bounds a node by the findings of its optimistic context: fewer plugins, more
    // capabilities. This holds only if no finding rule fires more with fewer plugins or more
    // capabilities.
    const penalty = (c: Parameters<typeof findingsOf>[0]) =>
      -findingPenalties(findingsOf(c)).reduce((sum, p) => sum + p.points, 0)
    fc.assert(
      fc.property(
        designArb(4),
        pluginSet,
        fc.integer({ min: 0, max: 255 }),
        (design, plugins, pick) => {
          const summary = summarizeWorkloads(design)
          const real = buildContext(design, catalog, summary, {
            ...stackOf(design, catalog),
            plugins,
          })
          const fewer = real.plugins.filter((_, i) => (pick >> i) & 1)
          const optimistic = { ...real, plugins: fewer }
          expect(penalty(optimistic)).toBeLessThanOrEqual(penalty(real) + 1e-9)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('findings of rules not marked readsPlugins do not depend on the plugin set', () => {
    fc.assert(
      fc.property(designArb(4), pluginSet, (design, plugins) => {
        const summary = summarizeWorkloads(design)
        const a = buildContext(design, catalog, summary)
        const b = buildContext(design, catalog, summary, { ...stackOf(design, catalog), plugins })
        const seen = (c: typeof a) => findingsOf(c, false).map((f) => [f.id, f.severity])
        expect(seen(b)).toEqual(seen(a))
      }),
      { numRuns: 300 },
    )
  })
})
