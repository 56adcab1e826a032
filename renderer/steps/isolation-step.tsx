// Isolation: pod security level (and per team), namespace strategy, network posture and which
// workloads run sandboxed; each option shows the score it would give.
import { useMemo } from 'react'
import { catalog } from '../../shared/catalog/index'
import { postureFor } from '../lib/posture'
import type { Evaluation } from '../../shared/engine/types'
import type { Design, PodSecurityLevel } from '../../shared/model/schema'
import {
  NAMESPACE_STRATEGIES,
  NETWORK_POSTURES,
  POD_SECURITY_LEVELS,
  SANDBOX_SCOPES,
} from '../../shared/model/schema'
import { useApp } from '../app/app-store'
import { useDeferredDesign } from '../app/use-deferred-design'
import { DecisionField } from '../components/decision-field'
import { Select } from '../components/fields'
import { deltaTone, signed } from '../lib/format'
import { withIsolation, withTeamPodSecurity } from '../store/field-edits'
import { isolationOutcomes } from '../store/option-outcomes'
import type { IsolationField } from '../store/option-outcomes'

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
  untrusted: {
    label: 'Untrusted workloads',
    help: 'Workloads marked untrusted run in a sandbox their pool offers; the rest share the kernel.',
  },
  all: {
    label: 'All workloads',
    help: 'Every workload runs in its pool’s sandbox: the strongest boundary, at its overhead.',
  },
}

const FIELDS: readonly { field: IsolationField; legend: string; values: readonly string[] }[] = [
  { field: 'podSecurity', legend: 'Pod security level', values: POD_SECURITY_LEVELS },
  { field: 'namespaces', legend: 'Namespaces', values: NAMESPACE_STRATEGIES },
  { field: 'network', legend: 'Network posture', values: NETWORK_POSTURES },
  { field: 'sandboxWorkloads', legend: 'Sandboxed workloads', values: SANDBOX_SCOPES },
]

/** The Isolation step. */
export function IsolationStep() {
  const { design, evaluation } = useDeferredDesign()
  const edit = useApp((s) => s.edit)
  const offered = design.nodePools.some((p) => p.sandboxes.length > 0)

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
          hint={
            field === 'sandboxWorkloads' && !offered
              ? 'No pool offers a sandbox yet: add one on the Runtime or Nodes step.'
              : undefined
          }
          onPick={(value) =>
            edit((d) => withIsolation(d, { [field]: value } as Partial<Design['isolation']>))
          }
        />
      ))}
      <TeamPodSecurity />
      <DecisionField dimension="isolation" label="Why this isolation model" />
    </>
  )
}

const LEVEL_LABEL: Record<PodSecurityLevel, string> = {
  restricted: 'Restricted',
  baseline: 'Baseline',
  privileged: 'Privileged',
}

/** Pod security per team: each team's namespaces at the default level or their own. */
function TeamPodSecurity() {
  const design = useApp((s) => s.design)
  const edit = useApp((s) => s.edit)
  const posture = useMemo(() => postureFor(design, catalog), [design])
  const { podSecurity, podSecurityByTeam } = design.isolation
  const teams = useMemo(() => {
    const byTeam = new Map<string, { workloads: number; exceptions: string[] }>()
    design.workloads.forEach((w, i) => {
      const entry = byTeam.get(w.team) ?? { workloads: 0, exceptions: [] }
      entry.workloads++
      if (posture.podSecurity[i]?.exception) entry.exceptions.push(w.name)
      byTeam.set(w.team, entry)
    })
    for (const team of Object.keys(podSecurityByTeam))
      if (!byTeam.has(team)) byTeam.set(team, { workloads: 0, exceptions: [] })
    return [...byTeam.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  }, [design.workloads, podSecurityByTeam, posture])
  return (
    <section
      className="card form-card"
      aria-labelledby="team-pss-heading"
      data-testid="team-pod-security"
    >
      <h2 id="team-pss-heading">Pod security per team</h2>
      <p className="muted small">
        A team’s namespaces use the level above unless it has its own. A workload that needs more
        than its team allows (host access, capabilities) runs in an exception namespace of its own,
        never by loosening the team’s.
      </p>
      {teams.length === 0 ? (
        <p className="muted">No teams yet: teams come from the workloads.</p>
      ) : (
        <table className="team-table">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Workloads</th>
              <th scope="col">Level</th>
              <th scope="col">Exceptions</th>
            </tr>
          </thead>
          <tbody>
            {teams.map(([team, { workloads, exceptions }]) => (
              <tr key={team} data-testid={`team-pss-${team}`}>
                <th scope="row" className="mono">
                  {team}
                </th>
                <td>{workloads}</td>
                <td>
                  <Select
                    label={`Pod security for team ${team}`}
                    hideLabel
                    value={podSecurityByTeam[team] ?? ''}
                    options={[
                      { value: '', label: `Default (${LEVEL_LABEL[podSecurity]})` },
                      ...POD_SECURITY_LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] })),
                    ]}
                    onChange={(value) =>
                      edit((d) =>
                        withTeamPodSecurity(
                          d,
                          team,
                          value === '' ? undefined : (value as PodSecurityLevel),
                        ),
                      )
                    }
                  />
                </td>
                <td className="small">
                  {exceptions.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <span>
                      <span className="mono">{exceptions.join(', ')}</span>{' '}
                      <span className="muted">
                        in {exceptions.length === 1 ? 'its own namespace' : 'their own namespaces'}
                      </span>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function IsolationChoice({
  design,
  evaluation,
  field,
  legend,
  values,
  hint,
  onPick,
}: {
  readonly design: Design
  readonly evaluation: Evaluation
  readonly field: IsolationField
  readonly legend: string
  readonly values: readonly string[]
  readonly hint?: string | undefined
  readonly onPick: (value: string) => void
}) {
  const outcomes = useMemo(
    () => isolationOutcomes(design, evaluation, catalog, field, values),
    [design, evaluation, field, values],
  )
  // The pick shows at once; the deferred numbers follow (see useDeferredDesign).
  const current = useApp((s) => s.design.isolation[field])
  return (
    <fieldset className="plugin-group" data-testid={`isolation-${field}`}>
      <legend>
        {legend}
        {hint ? <span className="legend-hint">{hint}</span> : null}
      </legend>
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
