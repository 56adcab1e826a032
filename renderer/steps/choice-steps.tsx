// Orchestrator, Runtime and Host OS: one card per catalog option, with the score each would give.
import { useMemo } from 'react'
import { catalog } from '../../shared/catalog/index'
import type { Fact } from '../../shared/catalog/types'
import { useApp } from '../app/app-store'
import { useDeferredDesign } from '../app/use-deferred-design'
import { DecisionField } from '../components/decision-field'
import { OptionCard } from '../components/option-card'
import type { Traits } from '../lib/option-traits'
import { orchestratorTraits, osTraits, runtimeTraits } from '../lib/option-traits'
import { optionOutcomes } from '../store/option-outcomes'
import type { ChoiceDimension } from '../store/option-outcomes'

interface Entry {
  readonly id: string
  readonly name: string
  readonly summary: string
  readonly meta?: string
  readonly traits: Traits
  readonly facts: readonly Fact[]
}

const ENTRIES: Readonly<Record<ChoiceDimension, readonly Entry[]>> = {
  orchestrator: catalog.orchestrators.map((o) => ({
    id: o.id,
    name: o.name,
    summary: o.summary,
    meta: `${o.vendor} · ${o.managedControlPlane ? 'managed' : 'self-managed'} · ${o.clouds.join(', ')}`,
    traits: orchestratorTraits(o),
    facts: o.facts,
  })),
  runtime: catalog.runtimes.map((r) => ({
    id: r.id,
    name: r.name,
    summary: r.summary,
    meta: `${r.hostOs === 'windows' ? 'Windows' : 'Linux'} · kernel: ${r.kernel}`,
    traits: runtimeTraits(r),
    facts: r.facts,
  })),
  os: catalog.operatingSystems.map((o) => ({
    id: o.id,
    name: o.name,
    summary: o.summary,
    meta: `${o.family === 'windows' ? 'Windows' : 'Linux'}${o.immutable ? ' · immutable' : ''}`,
    traits: osTraits(o),
    facts: o.facts,
  })),
}

function ChoiceStep({
  dimension,
  rationale,
}: {
  readonly dimension: ChoiceDimension
  readonly rationale: string
}) {
  const { design, evaluation } = useDeferredDesign()
  const chooseOption = useApp((s) => s.chooseOption)
  const current = useApp((s) => s.design.choices[dimension])
  const outcomes = useMemo(
    () => optionOutcomes(design, evaluation, catalog, dimension),
    [design, evaluation, dimension],
  )
  const byId = new Map(outcomes.map((o) => [o.id, o]))
  const blockedCount = outcomes.filter((o) => o.blocking.length > 0 && !o.selected).length
  return (
    <>
      <p className="step-summary muted">
        Numbers show how the overall score would move if you picked each option.{' '}
        {blockedCount > 0
          ? `${blockedCount} option${blockedCount === 1 ? ' is' : 's are'} not possible with your other choices; each says why.`
          : ''}
      </p>
      <div className="option-grid" role="radiogroup" aria-label={`${dimension} options`}>
        {ENTRIES[dimension].map((entry) => {
          const outcome = byId.get(entry.id)
          if (!outcome) return null
          return (
            <OptionCard
              key={entry.id}
              name={entry.name}
              summary={entry.summary}
              meta={entry.meta}
              traits={entry.traits}
              facts={entry.facts}
              outcome={outcome}
              selected={current === entry.id}
              type="radio"
              group={dimension}
              onPick={() => chooseOption(dimension, entry.id)}
              testId={`option-${dimension}-${entry.id}`}
            />
          )
        })}
      </div>
      <DecisionField dimension={dimension} label={rationale} />
    </>
  )
}

/** The Orchestrator step. */
export function OrchestratorStep() {
  return <ChoiceStep dimension="orchestrator" rationale="Why this orchestrator" />
}

/** The Runtime step. */
export function RuntimeStep() {
  return <ChoiceStep dimension="runtime" rationale="Why this runtime" />
}

/** The Host OS step. */
export function OsStep() {
  return <ChoiceStep dimension="os" rationale="Why this host OS" />
}
