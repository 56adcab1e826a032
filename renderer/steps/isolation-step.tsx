// Isolation: pod security level, namespace strategy, network posture and the sandbox for untrusted
// workloads; each option shows the score it would give.
import { useMemo } from 'react'
import { catalog, getOrchestrator, getRuntime } from '../../shared/catalog/index'
import type { Evaluation } from '../../shared/engine/types'
import type { Design } from '../../shared/model/schema'
import {
  NAMESPACE_STRATEGIES,
  NETWORK_POSTURES,
  POD_SECURITY_LEVELS,
} from '../../shared/model/schema'
import { useApp } from '../app/app-store'
import { useDeferredDesign } from '../app/use-deferred-design'
import { DecisionField } from '../components/decision-field'
import { Select } from '../components/fields'
import { deltaTone, signed } from '../lib/format'
import { withIsolation } from '../store/field-edits'
import { isolationOutcomes } from '../store/option-outcomes'

type IsolationField = 'podSecurity' | 'namespaces' | 'network'

const TEXT: Record<string, { label: string; help: string }> = {
  restricted: {
    label: 'Restricted',
    help: 'Non-root, no privilege escalation, all capabilities dropped, seccomp on.',
  },
  baseline: {
    label: 'Baseline',
    help: 'Blocks known privilege escalations; allows root and default capabilities.',
  },
  privileged: { label: 'Privileged', help: 'No restrictions: a container can own its node.' },
  'per-workload': {
    label: 'Per workload',
    help: 'Each workload in its own namespace: the tightest blast radius.',
  },
  'per-team': { label: 'Per team', help: 'One namespace per team: boundaries follow ownership.' },
  shared: { label: 'Shared', help: 'Everything in one namespace: nothing separates tenants.' },
  'default-deny': { label: 'Default deny', help: 'Only the declared flows are allowed.' },
  'allow-all': { label: 'Allow all', help: 'A flat network: any pod can reach any other.' },
}

const FIELDS: readonly { field: IsolationField; legend: string; values: readonly string[] }[] = [
  { field: 'podSecurity', legend: 'Pod security level', values: POD_SECURITY_LEVELS },
  { field: 'namespaces', legend: 'Namespaces', values: NAMESPACE_STRATEGIES },
  { field: 'network', legend: 'Network posture', values: NETWORK_POSTURES },
]

/** The Isolation step. */
export function IsolationStep() {
  const { design, evaluation } = useDeferredDesign()
  const edit = useApp((s) => s.edit)
  const orchestrator = getOrchestrator(catalog, design.choices.orchestrator)
  const sandboxes = orchestrator.runtimes.filter((id) => getRuntime(catalog, id).sandbox)
  const untrusted = design.workloads.filter((w) => w.trust === 'untrusted').length

  return (
    <>
      {FIELDS.map(({ field, legend, values }) => (
        <IsolationChoice
          key={field}
          design={design}
          evaluation={evaluation}
          field={field}
          legend={legend}
          values={values}
          onPick={(value) =>
            edit((d) => withIsolation(d, { [field]: value } as Partial<Design['isolation']>))
          }
        />
      ))}
      <section className="card form-card">
        <Select
          label="Runtime for untrusted workloads"
          value={design.isolation.runtimeClassForUntrusted ?? ''}
          options={[
            { value: '', label: 'None (same runtime as everything else)' },
            ...sandboxes.map((id) => ({ value: id, label: getRuntime(catalog, id).name })),
          ]}
          onChange={(value) =>
            edit((d) =>
              withIsolation(d, {
                runtimeClassForUntrusted:
                  value === ''
                    ? undefined
                    : (value as NonNullable<Design['isolation']['runtimeClassForUntrusted']>),
              }),
            )
          }
          help={
            sandboxes.length === 0
              ? `${orchestrator.name} offers no sandboxed runtime.`
              : `${untrusted} workload${untrusted === 1 ? ' is' : 's are'} marked untrusted. Sandboxes on ${orchestrator.name}: ${sandboxes.join(', ')}.`
          }
          testId="untrusted-runtime"
        />
      </section>
      <DecisionField dimension="isolation" label="Why this isolation model" />
    </>
  )
}

function IsolationChoice({
  design,
  evaluation,
  field,
  legend,
  values,
  onPick,
}: {
  readonly design: Design
  readonly evaluation: Evaluation
  readonly field: IsolationField
  readonly legend: string
  readonly values: readonly string[]
  readonly onPick: (value: string) => void
}) {
  const outcomes = useMemo(
    () => isolationOutcomes(design, evaluation, catalog, field, values),
    [design, evaluation, field, values],
  )
  // The pick shows at once; the deferred numbers follow (see useDeferredDesign).
  const current = useApp((s) => s.design.isolation[field])
  return (
    <fieldset className="plugin-group">
      <legend>{legend}</legend>
      <div className="option-grid three">
        {outcomes.map((o) => {
          const text = TEXT[o.id] ?? { label: o.id, help: '' }
          const selected = current === o.id
          const stale = selected !== o.selected
          const blocked = !stale && o.blocking.length > 0 && !selected
          return (
            <label
              key={o.id}
              className={`option-card compact${selected ? ' selected' : ''}${blocked ? ' blocked' : ''}`}
              data-testid={`option-${field}-${o.id}`}
            >
              <span className="option-head">
                <input
                  type="radio"
                  name={`isolation-${field}`}
                  checked={selected}
                  disabled={blocked}
                  onChange={() => onPick(o.id)}
                />
                <span className="option-name">{text.label}</span>
                {selected ? (
                  <span className="option-delta current">Chosen</span>
                ) : stale ? (
                  <span className="option-delta delta-flat">…</span>
                ) : (
                  <span className={`option-delta delta-${deltaTone(o.delta)}`}>
                    {signed(o.delta)}
                    <span className="sr-only"> overall</span>
                  </span>
                )}
              </span>
              <span className="option-summary">{text.help}</span>
              {!stale && o.blocking.length > 0 ? (
                <span className="option-blocked">
                  <strong>{blocked ? 'Not possible here:' : 'Conflicts with your design:'}</strong>{' '}
                  {o.blocking[0]?.message} Fix: {o.blocking[0]?.fix}
                </span>
              ) : !stale && o.introduced.length > 0 ? (
                <span className="option-warn">
                  Would add: {o.introduced.map((v) => v.message).join(' ')}
                </span>
              ) : null}
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}
