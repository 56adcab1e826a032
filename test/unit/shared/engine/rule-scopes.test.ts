import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PLUGIN_IDS } from '../../../../shared/catalog/ids'
import { catalog } from '../../../../shared/catalog/index'
import { buildContext, stackOf, summarizeWorkloads } from '../../../../shared/engine/context'
import { detectViolations } from '../../../../shared/engine/evaluate'
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
})
