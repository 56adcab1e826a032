// Plugins by category: exclusive categories pick one (or none), the others any number.
import { useMemo } from 'react'
import { catalog, getOrchestrator } from '../../shared/catalog/index'
import type { PluginCategory } from '../../shared/catalog/types'
import { EXCLUSIVE_CATEGORIES } from '../../shared/catalog/types'
import { useApp } from '../app/app-store'
import { useDeferredDesign } from '../app/use-deferred-design'
import { DecisionField } from '../components/decision-field'
import { FoldedOptions } from '../components/folded-options'
import { OptionCard } from '../components/option-card'
import { CATEGORY_LABELS, deltaTone, signed } from '../lib/format'
import { pluginTraits } from '../lib/option-traits'
import { noPluginOutcome, pluginOutcomes } from '../store/option-outcomes'

const CATEGORIES: readonly PluginCategory[] = [
  'cni',
  'policy',
  'runtime-security',
  'secrets',
  'service-mesh',
  'supply-chain',
  'observability',
]

/** The Plugins step. */
export function PluginsStep() {
  const { design, evaluation } = useDeferredDesign()
  const togglePlugin = useApp((s) => s.togglePlugin)
  const chosen = useApp((s) => s.design.choices.plugins)
  const clearCategory = useApp((s) => s.clearPluginCategory)
  const cniOpen = useApp((s) => s.unchosen.includes('cni'))
  const outcomes = useMemo(() => pluginOutcomes(design, evaluation, catalog), [design, evaluation])
  const byId = new Map(outcomes.map((o) => [o.id, o]))
  const orchestrator = getOrchestrator(catalog, design.choices.orchestrator)

  return (
    <>
      <p className="step-summary muted">
        {orchestrator.name} applies {orchestrator.plugins.length} of the {catalog.plugins.length}{' '}
        plugins; the others are folded under “Not possible here”, each with the reason. Chosen:{' '}
        {design.choices.plugins.length}.
      </p>
      {CATEGORIES.map((category) => {
        const exclusive = EXCLUSIVE_CATEGORIES.includes(category)
        const plugins = catalog.plugins.filter((p) => p.category === category)
        const none = exclusive ? noPluginOutcome(design, evaluation, catalog, category) : undefined
        // "None" is a choice too: an empty design has made it for no category yet.
        const noneChosen =
          !(category === 'cni' && cniOpen) && !chosen.some((id) => plugins.some((p) => p.id === id))
        return (
          <fieldset className="plugin-group" key={category} data-testid={`plugins-${category}`}>
            <legend>
              {CATEGORY_LABELS[category]}
              <span className="legend-hint">{exclusive ? 'pick one or none' : 'pick any'}</span>
            </legend>
            <FoldedOptions
              radio={exclusive}
              label={CATEGORY_LABELS[category]}
              testId={`options-plugins-${category}`}
              options={[
                ...plugins.flatMap((p) => {
                  const outcome = byId.get(p.id)
                  if (!outcome) return []
                  const selected = chosen.includes(p.id)
                  return [
                    {
                      key: p.id,
                      impossible: !selected && outcome.blocking.length > 0,
                      card: (
                        <OptionCard
                          key={p.id}
                          name={p.name}
                          summary={p.summary}
                          meta={`${p.maturity} · ${p.footprint.replaceAll('-', ' ')}`}
                          traits={pluginTraits(p)}
                          facts={p.facts}
                          outcome={outcome}
                          selected={selected}
                          type={exclusive ? 'radio' : 'checkbox'}
                          group={`plugins-${category}`}
                          onPick={() => togglePlugin(p.id)}
                          testId={`option-plugin-${p.id}`}
                        />
                      ),
                    },
                  ]
                }),
                ...(none
                  ? [
                      {
                        key: 'none',
                        impossible: false,
                        card: (
                          <label
                            key="none"
                            className={`option-card none-card${noneChosen ? ' selected' : ''}`}
                          >
                            <span className="option-head">
                              <input
                                type="radio"
                                name={`plugins-${category}`}
                                checked={noneChosen}
                                onChange={() => clearCategory(category)}
                              />
                              <span className="option-name">
                                No {CATEGORY_LABELS[category].toLowerCase()} plugin
                              </span>
                              {noneChosen ? (
                                <span className="option-delta current">Chosen</span>
                              ) : none.selected ? (
                                <span className="option-delta delta-flat">…</span>
                              ) : (
                                <span className={`option-delta delta-${deltaTone(none.delta)}`}>
                                  {signed(none.delta)}
                                  <span className="sr-only"> overall</span>
                                </span>
                              )}
                            </span>
                            <span className="option-summary">
                              Fewer exposures to track, and less enforcement or visibility.
                            </span>
                          </label>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </fieldset>
        )
      })}
      <DecisionField dimension="plugins" label="Why these plugins" />
    </>
  )
}
