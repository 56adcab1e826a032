// Orchestrator, Runtime and Host OS: one card per catalog option, with the score each would give.
// The engine and OS cards set the primary node pool's (through the engine's applyStack); the
// sandbox cards offer a sandbox on the pool it fits. Other pools are edited on the Nodes step.
import { useMemo } from 'react'
import { catalog } from '../../shared/catalog/index'
import type { RuntimeId } from '../../shared/catalog/ids'
import type { Fact, Runtime } from '../../shared/catalog/types'
import { primaryPoolIndex } from '../../shared/engine/stack'
import { useApp } from '../app/app-store'
import { useDeferredDesign } from '../app/use-deferred-design'
import { DecisionField } from '../components/decision-field'
import { FoldedOptions } from '../components/folded-options'
import { OptionCard } from '../components/option-card'
import type { Traits } from '../lib/option-traits'
import { orchestratorTraits, osTraits, runtimeTraits } from '../lib/option-traits'
import { optionOutcomes, sandboxOutcomes } from '../store/option-outcomes'
import type { ChoiceDimension, OptionOutcome } from '../store/option-outcomes'
import { stackOf } from '../store/stack-edits'

interface Entry {
  readonly id: string
  readonly name: string
  readonly summary: string
  readonly meta?: string
  readonly traits: Traits
  readonly facts: readonly Fact[]
}

const FAMILY = { linux: 'Linux', windows: 'Windows' } as const

function runtimeEntry(r: Runtime): Entry {
  return {
    id: r.id,
    name: r.name,
    summary: r.summary,
    meta: `${r.hostOs.map((f) => FAMILY[f]).join(' and ')} · kernel: ${r.kernel}`,
    traits: runtimeTraits(r),
    facts: r.facts,
  }
}

const SANDBOXES: readonly Entry[] = catalog.runtimes
  .filter((r) => r.kind === 'sandbox')
  .map(runtimeEntry)

const ENTRIES: Readonly<Record<ChoiceDimension, readonly Entry[]>> = {
  orchestrator: catalog.orchestrators.map((o) => ({
    id: o.id,
    name: o.name,
    summary: o.summary,
    meta: `${o.vendor} · ${o.managedControlPlane ? 'managed' : 'self-managed'} · ${o.clouds.join(', ')}`,
    traits: orchestratorTraits(o),
    facts: o.facts,
  })),
  runtime: catalog.runtimes.filter((r) => r.kind !== 'sandbox').map(runtimeEntry),
  os: catalog.operatingSystems.map((o) => ({
    id: o.id,
    name: o.name,
    summary: o.summary,
    meta: `${o.family === 'windows' ? 'Windows' : 'Linux'}${o.immutable ? ' · immutable' : ''}`,
    traits: osTraits(o),
    facts: o.facts,
  })),
}

/** Whether a card belongs under "Not possible here": it breaks the design and is not the current pick. */
function isImpossible(outcome: OptionOutcome, selected: boolean): boolean {
  return !selected && outcome.blocking.length > 0
}

/** The primary pool's name, for the sentence that says which pool the cards edit. */
function usePrimaryPool(): string | undefined {
  return useApp((s) => s.design.nodePools[primaryPoolIndex(s.design, catalog)]?.name)
}

function ChoiceStep({
  dimension,
  rationale,
  label,
}: {
  readonly dimension: ChoiceDimension
  readonly rationale: string
  readonly label: string
}) {
  const { design, evaluation } = useDeferredDesign()
  const chooseOption = useApp((s) => s.chooseOption)
  // An empty design holds a placeholder for a choice not made yet: no card shows as chosen.
  const open = useApp((s) => s.unchosen.includes(dimension))
  const placed = useApp((s) => stackOf(s.design, catalog)[dimension])
  const current = open ? undefined : placed
  const primary = usePrimaryPool()
  const outcomes = useMemo(
    () => optionOutcomes(design, evaluation, catalog, dimension),
    [design, evaluation, dimension],
  )
  const byId = new Map(outcomes.map((o) => [o.id, o]))
  const blockedCount = outcomes.filter((o) => isImpossible(o, current === o.id)).length
  const cloudOpen = useApp((s) => s.unchosen.includes('cloud'))
  const cloudNote =
    cloudOpen && dimension === 'orchestrator'
      ? 'No cloud is chosen yet either: options are judged against the placeholder, on-premises; pick the cloud on the Context step first. '
      : ''
  const openNote = open
    ? `Not chosen yet: the design holds ${ENTRIES[dimension].find((e) => e.id === placed)?.name ?? placed} as a placeholder, and the numbers compare each option with it. `
    : ''
  const cards = (
    <FoldedOptions
      radio
      label={label}
      testId={`options-${dimension}`}
      options={ENTRIES[dimension].flatMap((entry) => {
        const found = byId.get(entry.id)
        if (!found) return []
        const outcome = open && found.selected ? { ...found, selected: false } : found
        const selected = current === entry.id
        return [
          {
            key: entry.id,
            impossible: isImpossible(outcome, selected),
            card: (
              <OptionCard
                key={entry.id}
                name={entry.name}
                summary={entry.summary}
                meta={entry.meta}
                traits={entry.traits}
                facts={entry.facts}
                outcome={outcome}
                selected={selected}
                type="radio"
                group={dimension}
                onPick={() => chooseOption(dimension, entry.id)}
                testId={`option-${dimension}-${entry.id}`}
              />
            ),
          },
        ]
      })}
    />
  )
  return (
    <>
      <p className="step-summary muted">
        {dimension !== 'orchestrator' && primary !== undefined ? (
          <>
            These cards set node pool <strong className="mono">{primary}</strong>, the primary pool
            (the first Linux pool that runs workloads); edit other pools on the Nodes step.{' '}
          </>
        ) : null}
        {openNote}
        {cloudNote}Numbers show how the overall score would move if you picked each option.{' '}
        {blockedCount > 0
          ? `${blockedCount} option${blockedCount === 1 ? ' is' : 's are'} not possible with your other choices: folded under “Not possible here”, each with why.`
          : ''}
      </p>
      {dimension === 'runtime' ? (
        <fieldset className="plugin-group">
          <legend>
            Container engine
            <span className="legend-hint">pick one; it runs every container on the pool</span>
          </legend>
          {cards}
        </fieldset>
      ) : (
        cards
      )}
      {dimension === 'runtime' ? <SandboxChoices /> : null}
      <DecisionField dimension={dimension} label={rationale} />
    </>
  )
}

/** Sandboxes as switches: on offers one on the pool it fits, off withdraws it from every pool. */
function SandboxChoices() {
  const { design, evaluation } = useDeferredDesign()
  const toggleSandbox = useApp((s) => s.toggleSandbox)
  const pools = useApp((s) => s.design.nodePools)
  const sandboxWorkloads = useApp((s) => s.design.isolation.sandboxWorkloads)
  const outcomes = useMemo(() => sandboxOutcomes(design, evaluation, catalog), [design, evaluation])
  const byId = new Map(outcomes.map((o) => [o.id, o]))
  const offeredOn = (id: string) =>
    pools.filter((p) => p.sandboxes.includes(id as RuntimeId)).map((p) => p.name)
  return (
    <fieldset className="plugin-group" data-testid="sandbox-options">
      <legend>
        Sandboxes
        <span className="legend-hint">pick any; each runs on the pool it fits</span>
      </legend>
      <p className="muted small group-lead">
        A sandbox gives a pod its own kernel (or a user-space one).{' '}
        {sandboxWorkloads === 'all'
          ? 'Every workload runs in one where its pool offers it'
          : 'Untrusted workloads run in one'}{' '}
        (Isolation step). A pool lists the sandboxes it offers on the Nodes step.
      </p>
      <FoldedOptions
        testId="options-sandbox"
        options={SANDBOXES.flatMap((entry) => {
          const outcome = byId.get(entry.id)
          if (!outcome) return []
          const on = offeredOn(entry.id)
          return [
            {
              key: entry.id,
              impossible: isImpossible(outcome, on.length > 0),
              card: (
                <OptionCard
                  key={entry.id}
                  name={entry.name}
                  summary={entry.summary}
                  meta={`${entry.meta ?? ''}${on.length > 0 ? ` · on ${on.join(', ')}` : ''}`}
                  traits={entry.traits}
                  facts={entry.facts}
                  outcome={outcome}
                  selected={on.length > 0}
                  type="checkbox"
                  group="sandbox"
                  onPick={() => toggleSandbox(entry.id as RuntimeId)}
                  testId={`option-sandbox-${entry.id}`}
                />
              ),
            },
          ]
        })}
      />
    </fieldset>
  )
}

/** The Orchestrator step. */
export function OrchestratorStep() {
  return (
    <ChoiceStep
      dimension="orchestrator"
      rationale="Why this orchestrator"
      label="Orchestrator options"
    />
  )
}

/** The Runtime step. */
export function RuntimeStep() {
  return (
    <ChoiceStep dimension="runtime" rationale="Why this runtime" label="Container engine options" />
  )
}

/** The Host OS step. */
export function OsStep() {
  return <ChoiceStep dimension="os" rationale="Why this host OS" label="Host OS options" />
}
