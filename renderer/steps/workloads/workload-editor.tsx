// The editor for one workload: identity, placement, exposure, flows, trust and what it needs.
// Messages come from the design schema and from the engine's violations on the same paths.
import { useMemo } from 'react'
import type { Workload } from '../../../shared/model/schema'
import {
  EXPOSURES,
  LIMITS,
  LINUX_CAPABILITIES,
  TRUST_LEVELS,
  WORKLOAD_ROLES,
} from '../../../shared/model/schema'
import { useApp, useAppShallow } from '../../app/app-store'
import {
  Checkbox,
  ParsedField,
  Segmented,
  Select,
  TextField,
  intParser,
} from '../../components/fields'
import { NameChips } from './name-chips'
import { joinList, parsePaths, parsePorts } from './parsers'
import { omit } from '../../store/omit'

const LABEL: Record<string, string> = {
  app: 'App',
  monitoring: 'Monitoring agent',
  sidecar: 'Sidecar',
  public: 'Public',
  internal: 'Internal',
  none: 'None',
  trusted: 'Trusted',
  untrusted: 'Untrusted',
}

/** Edits the workload at `index`. */
export function WorkloadEditor({ index }: { readonly index: number }) {
  const workload = useApp((s) => s.design.workloads[index])
  const names = useAppShallow((s) => s.design.workloads.map((w) => w.name))
  const issues = useApp((s) => s.issues)
  const violations = useApp((s) => s.evaluation.violations)
  const { updateWorkload, removeWorkload } = useAppShallow((s) => ({
    updateWorkload: s.updateWorkload,
    removeWorkload: s.removeWorkload,
  }))
  const prefix = `workloads[${index}]`
  const problems = useMemo(() => {
    const byPath = new Map<string, string>()
    for (const v of violations)
      for (const p of v.paths)
        if (p.startsWith(prefix) && !byPath.has(p)) byPath.set(p, `${v.message} ${v.fix}`)
    return byPath
  }, [violations, prefix])
  if (!workload) return null
  const others = names.filter((n) => n !== workload.name)
  const known = new Set(names)
  const dangling = (list: readonly string[]) => new Set(list.filter((n) => !known.has(n)))
  const issue = (field: string) => issues[`${prefix}.${field}`]
  const listProblem = (field: 'talksTo' | 'observes') =>
    issue(field) ??
    workload[field].map((_, i) => problems.get(`${prefix}.${field}[${i}]`)).find(Boolean)
  const update = (patch: Partial<Workload>, field?: string) =>
    updateWorkload(index, patch, field ? `${prefix}.${field}` : undefined)
  const needs = workload.needs

  return (
    <section
      className="card workload-editor"
      aria-labelledby="workload-editor-title"
      data-testid="workload-editor"
    >
      <header className="editor-header">
        <h2 id="workload-editor-title">
          Workload <span className="mono">{workload.name || '(unnamed)'}</span>
        </h2>
        <button
          type="button"
          className="button danger subtle"
          onClick={() => removeWorkload(index)}
        >
          Remove workload
        </button>
      </header>

      <div className="grid-3">
        <TextField
          label="Name"
          value={workload.name}
          error={issue('name')}
          onChange={(name) => update({ name }, 'name')}
          testId="workload-name"
        />
        <TextField
          label="Image"
          value={workload.image}
          error={issue('image')}
          mono
          help="Pin a tag or digest; never latest."
          onChange={(image) => update({ image }, 'image')}
          testId="workload-image"
        />
        <TextField
          label="Team"
          value={workload.team}
          error={issue('team')}
          onChange={(team) => update({ team }, 'team')}
          testId="workload-team"
        />
      </div>

      <div className="grid-3">
        <Select
          label="Role"
          value={workload.role}
          options={WORKLOAD_ROLES.map((r) => ({ value: r, label: LABEL[r] ?? r }))}
          onChange={(role) => update({ role })}
          testId="workload-role"
        />
        <Segmented
          label="OS"
          value={workload.os}
          options={[
            { value: 'linux', label: 'Linux' },
            { value: 'windows', label: 'Windows' },
          ]}
          onChange={(os) => update({ os })}
        />
        <ParsedField
          label="Replicas"
          value={workload.replicas}
          format={String}
          parse={intParser(1, LIMITS.replicas)}
          inputMode="numeric"
          error={issue('replicas')}
          onCommit={(replicas) => update({ replicas }, 'replicas')}
        />
      </div>

      <div className="grid-3">
        <ParsedField
          label="Ports"
          value={workload.ports}
          format={joinList}
          parse={parsePorts}
          error={issue('ports')}
          help="Comma-separated, e.g. 8080, 9090"
          onCommit={(ports) => update({ ports }, 'ports')}
          testId="workload-ports"
        />
        <Segmented
          label="Exposure"
          value={workload.exposure}
          options={EXPOSURES.map((e) => ({ value: e, label: LABEL[e] ?? e }))}
          onChange={(exposure) => update({ exposure })}
        />
        <Segmented
          label="Trust"
          value={workload.trust}
          options={TRUST_LEVELS.map((t) => ({ value: t, label: LABEL[t] ?? t }))}
          onChange={(trust) => update({ trust })}
          help={
            workload.trust === 'untrusted' ? 'Runs in the sandbox set on Isolation.' : undefined
          }
        />
      </div>

      <div className="grid-2">
        <NameChips
          label="Talks to"
          values={workload.talksTo}
          options={others}
          unknown={dangling(workload.talksTo)}
          error={listProblem('talksTo')}
          help="Allowed outgoing connections; everything else is denied."
          onChange={(talksTo) => update({ talksTo })}
          testId="workload-talks-to"
        />
        <NameChips
          label="Observes"
          values={workload.observes}
          options={others}
          unknown={dangling(workload.observes)}
          error={listProblem('observes')}
          help="Monitoring reach: agents need network access to these."
          onChange={(observes) => update({ observes })}
          testId="workload-observes"
        />
      </div>

      <details className="editor-more">
        <summary>Resources and privileges</summary>
        <div className="grid-3">
          <TextField
            label="CPU request"
            value={workload.resources.cpu}
            error={issue('resources.cpu')}
            onChange={(cpu) =>
              update({ resources: { ...workload.resources, cpu } }, 'resources.cpu')
            }
          />
          <TextField
            label="Memory"
            value={workload.resources.memory}
            error={issue('resources.memory')}
            onChange={(memory) =>
              update({ resources: { ...workload.resources, memory } }, 'resources.memory')
            }
          />
          <ParsedField
            label="Writable paths"
            value={needs.writablePaths}
            format={joinList}
            parse={parsePaths}
            error={
              issue('needs.writablePaths') ??
              Object.entries(issues).find(([p]) =>
                p.startsWith(`${prefix}.needs.writablePaths[`),
              )?.[1]
            }
            help="Mounted as tmpfs; the root filesystem stays read-only."
            onCommit={(writablePaths) =>
              update({ needs: { ...needs, writablePaths } }, 'needs.writablePaths')
            }
          />
        </div>
        <div className="grid-2">
          <NameChips
            label="Added Linux capabilities"
            values={needs.capabilities}
            options={LINUX_CAPABILITIES}
            help="All capabilities are dropped first; add only what the process needs."
            onChange={(capabilities) =>
              update({
                needs: {
                  ...needs,
                  capabilities: capabilities as Workload['needs']['capabilities'],
                },
              })
            }
          />
          <div className="checks">
            <Checkbox
              label="Stateful"
              help="Keeps data across restarts (a StatefulSet with a volume)."
              checked={workload.stateful}
              onChange={(stateful) => update({ stateful })}
            />
            <Checkbox
              label="Host access"
              help="Host network, host paths or privileged: must be justified."
              checked={needs.hostAccess}
              onChange={(hostAccess) => update({ needs: { ...needs, hostAccess } })}
            />
            <Checkbox
              label="Orchestrator API access"
              help="Mounts its service-account token."
              checked={needs.apiAccess}
              onChange={(apiAccess) => update({ needs: { ...needs, apiAccess } })}
            />
          </div>
        </div>
        {needs.hostAccess || needs.capabilities.length > 0 ? (
          <TextField
            label="Justification"
            multiline
            value={needs.justification ?? ''}
            error={issue('needs.justification')}
            onChange={(justification) => {
              const rest = omit(needs, 'justification')
              update(
                { needs: justification === '' ? rest : { ...rest, justification } },
                'needs.justification',
              )
            }}
          />
        ) : null}
        {problems.get(`${prefix}.needs.hostAccess`) ? (
          <p className="field-error">{problems.get(`${prefix}.needs.hostAccess`)}</p>
        ) : null}
      </details>
    </section>
  )
}
