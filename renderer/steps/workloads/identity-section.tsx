// A workload's identity: the cloud role it assumes and its orchestrator API rules, each of which
// becomes a least-privilege Role (or ClusterRole) and binding.
import type { ApiAccessRule, Workload } from '../../../shared/model/schema'
import { API_SCOPES, API_VERBS } from '../../../shared/model/schema'
import type { Finding } from '../../../shared/engine/types'
import { ParsedField, Segmented, TextField } from '../../components/fields'
import { SEVERITY_LABELS } from '../../lib/format'
import { omit } from '../../store/omit'

type Identity = Workload['identity']
type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const items = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

/** API groups as text: the core group ("") reads as `core`. */
const formatGroups = (groups: readonly string[]) =>
  groups.map((g) => (g === '' ? 'core' : g)).join(', ')

function parseGroups(text: string): Parsed<string[]> {
  const groups = items(text).map((g) => (g === 'core' ? '' : g))
  if (new Set(groups).size !== groups.length)
    return { ok: false, error: 'A group is listed twice.' }
  return { ok: true, value: groups.length === 0 ? [''] : groups }
}

function parseResources(text: string): Parsed<string[]> {
  const resources = items(text)
  if (resources.length === 0) return { ok: false, error: 'Name at least one resource, e.g. pods.' }
  if (new Set(resources).size !== resources.length)
    return { ok: false, error: 'A resource is listed twice.' }
  return { ok: true, value: resources }
}

const NEW_RULE: ApiAccessRule = {
  apiGroups: [''],
  resources: ['pods'],
  verbs: ['get', 'list', 'watch'],
  scope: 'namespace',
}

/** The Identity part of the workload editor. */
export function IdentitySection({
  workload,
  prefix,
  issues,
  kubernetes,
  findings,
  onChange,
}: {
  readonly workload: Workload
  readonly prefix: string
  readonly issues: Readonly<Record<string, string>>
  /** Whether the orchestrator has a Kubernetes API (RBAC rules apply). */
  readonly kubernetes: boolean
  readonly findings: readonly Finding[]
  readonly onChange: (identity: Identity, field?: string) => void
}) {
  const identity = workload.identity
  const rules = identity.orchestratorApi
  const at = (i: number) => `${prefix}.identity.orchestratorApi[${i}]`
  const setRule = (i: number, patch: Partial<ApiAccessRule>, field?: string) =>
    onChange(
      { ...identity, orchestratorApi: rules.map((r, k) => (k === i ? { ...r, ...patch } : r)) },
      field ? `${at(i)}.${field}` : undefined,
    )
  const issueUnder = (path: string) =>
    issues[path] ?? Object.entries(issues).find(([p]) => p.startsWith(`${path}[`))?.[1]

  return (
    <fieldset className="editor-section" data-testid="workload-identity">
      <legend>Identity</legend>
      <TextField
        label="Cloud role"
        value={identity.cloudRole ?? ''}
        mono
        error={issues[`${prefix}.identity.cloudRole`]}
        help="The IAM role, Google service account or Azure identity it assumes; empty for none."
        onChange={(cloudRole) => {
          const rest = omit(identity, 'cloudRole')
          onChange(cloudRole === '' ? rest : { ...rest, cloudRole }, 'identity.cloudRole')
        }}
        testId="identity-cloud-role"
      />

      <div className="field">
        <span className="field-label" id={`${prefix}-api-rules`}>
          Orchestrator API access
        </span>
        <span className="field-help">
          {rules.length === 0
            ? 'None: no service-account token is mounted.'
            : kubernetes
              ? 'Each rule becomes a Role (namespace) or ClusterRole (cluster) and its binding.'
              : 'This orchestrator has no Kubernetes API: the rules are kept for the document only.'}
        </span>
        {rules.length === 0 ? null : (
          <ol className="row-list api-rules" aria-labelledby={`${prefix}-api-rules`}>
            {rules.map((rule, i) => (
              <li key={i} className="api-rule" data-testid={`api-rule-${i}`}>
                <div className="api-rule-fields">
                  <ParsedField
                    label={`Rule ${i + 1}: API groups`}
                    value={rule.apiGroups}
                    format={formatGroups}
                    parse={parseGroups}
                    error={issueUnder(`${at(i)}.apiGroups`)}
                    help="core, apps, batch, …"
                    onCommit={(apiGroups) => setRule(i, { apiGroups }, 'apiGroups')}
                  />
                  <ParsedField
                    label="Resources"
                    value={rule.resources}
                    format={(xs) => xs.join(', ')}
                    parse={parseResources}
                    error={issueUnder(`${at(i)}.resources`)}
                    help="pods, configmaps, pods/log, …"
                    onCommit={(resources) => setRule(i, { resources }, 'resources')}
                    testId={`api-rule-${i}-resources`}
                  />
                  <Segmented
                    label="Scope"
                    value={rule.scope}
                    options={API_SCOPES.map((s) => ({
                      value: s,
                      label: s === 'namespace' ? 'Namespace' : 'Cluster',
                    }))}
                    onChange={(scope) => setRule(i, { scope })}
                  />
                </div>
                <fieldset className="field">
                  <legend>Verbs</legend>
                  <div className="chip-checks compact">
                    {API_VERBS.map((verb) => {
                      const on = rule.verbs.includes(verb)
                      return (
                        <label key={verb} className={on ? 'chip-check on' : 'chip-check'}>
                          <input
                            type="checkbox"
                            checked={on}
                            onChange={(e) =>
                              setRule(i, {
                                verbs: e.target.checked
                                  ? API_VERBS.filter((v) => v === verb || rule.verbs.includes(v))
                                  : rule.verbs.filter((v) => v !== verb),
                              })
                            }
                          />
                          {verb}
                        </label>
                      )
                    })}
                  </div>
                  {issueUnder(`${at(i)}.verbs`) ? (
                    <span className="field-error">{issueUnder(`${at(i)}.verbs`)}</span>
                  ) : null}
                </fieldset>
                <button
                  type="button"
                  className="button subtle danger"
                  onClick={() =>
                    onChange({ ...identity, orchestratorApi: rules.filter((_, k) => k !== i) })
                  }
                >
                  Remove rule {i + 1}
                </button>
              </li>
            ))}
          </ol>
        )}
        <button
          type="button"
          className="button add-button"
          onClick={() => onChange({ ...identity, orchestratorApi: [...rules, NEW_RULE] })}
          data-testid="add-api-rule"
        >
          + API rule
        </button>
      </div>
      {findings.length > 0 ? (
        <ul className="fit-problems">
          {findings.map((f) => (
            <li key={f.id}>
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
