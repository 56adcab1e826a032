// A workload's exceptions to the Restricted profile: host paths, host network and PID, privileged
// mode, added capabilities, and the justification every one of them needs. Shows what the engine
// concludes: the level it needs, the exception namespace, and the findings and violations on it.
import type { PodSecurityPosture } from '../../../shared/engine/posture/index'
import type { Finding, Violation } from '../../../shared/engine/types'
import type { Workload } from '../../../shared/model/schema'
import { LINUX_CAPABILITIES } from '../../../shared/model/schema'
import { Checkbox, TextField } from '../../components/fields'
import { SEVERITY_LABELS } from '../../lib/format'
import { omit } from '../../store/omit'
import { NameChips } from './name-chips'

type Needs = Workload['needs']

const LEVEL: Record<string, string> = {
  restricted: 'Restricted',
  baseline: 'Baseline',
  privileged: 'Privileged',
}

/** The Exceptions part of the workload editor. */
export function ExceptionsSection({
  workload,
  prefix,
  issues,
  podSecurity,
  findings,
  violations,
  onChange,
}: {
  readonly workload: Workload
  readonly prefix: string
  readonly issues: Readonly<Record<string, string>>
  readonly podSecurity: PodSecurityPosture | undefined
  readonly findings: readonly Finding[]
  readonly violations: readonly Violation[]
  readonly onChange: (needs: Needs, field?: string) => void
}) {
  const needs = workload.needs
  const hostNeeds = podSecurity?.hostNeeds ?? []
  const justified = (needs.justification ?? '').trim() !== ''
  const missing = hostNeeds.length > 0 && !justified
  const set = (patch: Partial<Needs>, field?: string) => onChange({ ...needs, ...patch }, field)
  const paths = needs.hostPaths

  return (
    <fieldset className="editor-section" data-testid="workload-exceptions">
      <legend>Exceptions</legend>
      <p className="muted small">
        Everything beyond the Restricted profile. Each exception must be justified; the workload
        then runs in a namespace of its own at the level it needs.
      </p>

      <div className="field">
        <span className="field-label" id={`${prefix}-host-paths`}>
          Host paths
        </span>
        {paths.length === 0 ? <span className="muted small">None mounted.</span> : null}
        {paths.length === 0 ? null : (
          <ul className="row-list" aria-labelledby={`${prefix}-host-paths`}>
            {paths.map((h, i) => (
              <li key={i} className="host-path-row">
                <TextField
                  label={`Host path ${i + 1}`}
                  value={h.path}
                  mono
                  error={issues[`${prefix}.needs.hostPaths[${i}].path`]}
                  onChange={(path) =>
                    set(
                      { hostPaths: paths.map((x, k) => (k === i ? { ...x, path } : x)) },
                      `needs.hostPaths[${i}].path`,
                    )
                  }
                  testId={`host-path-${i}`}
                />
                <Checkbox
                  label="Read-only"
                  checked={h.readOnly}
                  onChange={(readOnly) =>
                    set({ hostPaths: paths.map((x, k) => (k === i ? { ...x, readOnly } : x)) })
                  }
                  testId={`host-path-${i}-read-only`}
                />
                <button
                  type="button"
                  className="button subtle"
                  onClick={() => set({ hostPaths: paths.filter((_, k) => k !== i) })}
                >
                  Remove<span className="sr-only"> host path {h.path}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <button
          type="button"
          className="button add-button"
          onClick={() => set({ hostPaths: [...paths, { path: '/var/log', readOnly: true }] })}
          data-testid="add-host-path"
        >
          + Host path
        </button>
      </div>

      <div className="checks-row">
        <Checkbox
          label="Host network"
          help="Shares the node’s network namespace."
          checked={needs.hostNetwork}
          onChange={(hostNetwork) => set({ hostNetwork })}
          testId="needs-host-network"
        />
        <Checkbox
          label="Host PID"
          help="Sees every process on the node."
          checked={needs.hostPID}
          onChange={(hostPID) => set({ hostPID })}
          testId="needs-host-pid"
        />
        <Checkbox
          label="Privileged"
          help="Full access to the node: the broadest exception."
          checked={needs.privileged}
          onChange={(privileged) => set({ privileged })}
          testId="needs-privileged"
        />
      </div>

      <NameChips
        label="Added Linux capabilities"
        values={needs.capabilities}
        options={LINUX_CAPABILITIES}
        help="All capabilities are dropped first; add only what the process needs."
        onChange={(capabilities) => set({ capabilities: capabilities as Needs['capabilities'] })}
        testId="workload-capabilities"
      />

      <TextField
        label={hostNeeds.length > 0 ? 'Justification (required)' : 'Justification'}
        multiline
        value={needs.justification ?? ''}
        error={
          issues[`${prefix}.needs.justification`] ??
          (missing
            ? `Required: say why ${workload.name} needs ${hostNeeds.map((n) => n.what).join(', ')}.`
            : undefined)
        }
        help="Goes into the design document next to the exception."
        onChange={(justification) => {
          const rest = omit(needs, 'justification')
          onChange(justification === '' ? rest : { ...rest, justification }, 'needs.justification')
        }}
        testId="needs-justification"
      />

      {podSecurity && hostNeeds.length > 0 ? (
        <p className="exception-level" data-testid="exception-level">
          Needs <strong>{LEVEL[podSecurity.needsLevel]}</strong>; team {workload.team} is{' '}
          {LEVEL[podSecurity.namespaceLevel]}.{' '}
          {podSecurity.exception
            ? 'It runs in an exception namespace of its own.'
            : 'Its team’s level already admits it.'}
          {podSecurity.enforced
            ? ''
            : ' Nothing enforces pod security on this stack: it is advice only.'}
        </p>
      ) : null}

      {violations.length + findings.length > 0 ? (
        <ul className="fit-problems" data-testid="exception-problems">
          {violations.map((v, i) => (
            <li key={`v-${i}`}>
              <strong>Not possible:</strong> {v.message}{' '}
              <span className="option-fix">Fix: {v.fix}</span>{' '}
              <code className="rule-id">{v.id}</code>
            </li>
          ))}
          {findings.map((f) => (
            <li key={f.id} className={`finding-${f.severity}`}>
              <strong>
                {SEVERITY_LABELS[f.severity]} risk: {f.title}.
              </strong>{' '}
              <span className="option-fix">Fix: {f.fix}</span>{' '}
              <code className="rule-id">{f.id}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  )
}
