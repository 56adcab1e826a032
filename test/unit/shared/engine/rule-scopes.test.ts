import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PLUGIN_IDS } from '../../../../shared/catalog/ids'
import { catalog } from '../../../../shared/catalog/index'
import { buildContext, stackOf, summarizeWorkloads } from '../../../../shared/engine/context'
import { detectViolations } from '../../../../shared/engine/evaluate'
import { STACK_RULES, sumRules } from '../../../../shared/engine/score'
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
        const b = buildContext(design, catalog, summary, { ...stackOf(design), plugins })
        expect(sumRules(b, STACK_RULES)).toEqual(sumRules(a, STACK_RULES))
      }),
      { numRuns: 300 },
    )
  })

  it('violations not marked readsPlugins do not depend on the plugin set', () => {
    fc.assert(
      fc.property(designArb(4), pluginSet, (design, plugins) => {
        const summary = summarizeWorkloads(design)
        const a = buildContext(design, catalog, summary)
        const b = buildContext(design, catalog, summary, { ...stackOf(design), plugins })
        expect(detectViolations(b, false).map((v) => v.id)).toEqual(
          detectViolations(a, false).map((v) => v.id),
        )
      }),
      { numRuns: 300 },
    )
  })
})
