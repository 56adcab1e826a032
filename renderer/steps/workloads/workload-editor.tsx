// The editor for one workload: name and image, placement (pool and sandbox), exposure, flows,
// trust, resources, exceptions to Restricted and identity. Messages come from the design schema
// and from the engine's violations, findings and posture on the same paths.
import { useMemo } from 'react'
import { catalog, getOrchestrator } from '../../../shared/catalog/index'
import type { Workload } from '../../../shared/model/schema'
import { EXPOSURES, LIMITS, TRUST_LEVELS, WORKLOAD_ROLES } from '../../../shared/model/schema'
import { useApp, useAppShallow } from '../../app/app-store'
import { postureFor } from '../../lib/posture'
import { Disclosure } from '../../components/disclosure'
import { ExceptionsSection } from './exceptions-section'
import { IdentitySection } from './identity-section'
import { PlacementFields } from './placement-fields'
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
  const design = useApp((s) => s.design)
  const names = useAppShallow((s) => s.design.workloads.map((w) => w.name))
  const endpointNames = useAppShallow((s) => s.design.endpoints.map((e) => e.name))
  const issues = useApp((s) => s.issues)
  const violations = useApp((s) => s.evaluation.violations)
  const allFindings = useApp((s) => s.evaluation.findings)
  const posture = useMemo(() => postureFor(design, catalog), [design])
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
  const findings = useMemo(() => {
    const exceptions = []
    const identity = []
    for (const f of allFindings) {
      const mine = f.paths.filter((p) => p.startsWith(`${prefix}.`))
      if (mine.some((p) => p.includes('.identity') || p.includes('apiAccess'))) identity.push(f)
      else if (mine.some((p) => p.startsWith(`${prefix}.needs`))) exceptions.push(f)
    }
    return { exceptions, identity }
  }, [allFindings, prefix])
  const needsViolations = useMemo(
    () => violations.filter((v) => v.paths.some((p) => p.startsWith(`${prefix}.needs`))),
    [violations, prefix],
  )
  if (!workload) return null
  const kubernetes = getOrchestrator(catalog, design.choices.orchestrator).family === 'kubernetes'
  const endpointKinds = new Map(design.endpoints.map((e) => [e.name, e.kind]))
  const others = names.filter((n) => n !== workload.name)
  const known = new Set([...names, ...endpointNames])
  const dangling = (list: readonly string[]) => new Set(list.filter((n) => !known.has(n)))
  const issue = (field: string) => issues[`${prefix}.${field}`]
  const listProblem = (field: 'talksTo' | 'observes') =>
    issue(field) ??
    workload[field]
      .map((_, i) => issue(`${field}[${i}]`) ?? problems.get(`${prefix}.${field}[${i}]`))
      .find(Boolean)
  const update = (patch: Partial<Workload>, field?: string) =>
    updateWorkload(index, patch, field ? `${prefix}.${field}` : undefined)
  const needs = workload.needs
  const exceptionCount =
    needs.hostPaths.length +
    needs.capabilities.length +
    (needs.hostNetwork ? 1 : 0) +
    (needs.hostPID ? 1 : 0) +
    (needs.privileged ? 1 : 0)
  const identityCount =
    workload.identity.orchestratorApi.length + (workload.identity.cloudRole ? 1 : 0)

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
            workload.trust === 'untrusted'
              ? 'Runs in a sandbox its pool offers (Nodes step).'
              : undefined
          }
        />
      </div>

      <PlacementFields
        workload={workload}
        design={design}
        placement={posture.placements[index]}
        error={
          issue('pool') ??
          problems.get(`${prefix}.pool`) ??
          problems.get(`${prefix}.sandbox`) ??
          (posture.placements[index]?.problem
            ? `${posture.placements[index]?.problem?.message ?? ''} ${posture.placements[index]?.problem?.fix ?? ''}`
            : undefined)
        }
        onChange={(patch) => update(patch)}
        index={index}
      />

      <div className="grid-2">
        <NameChips
          label="Talks to"
          values={workload.talksTo}
          options={[...others, ...endpointNames.filter((n) => n !== workload.name)]}
          unknown={dangling(workload.talksTo)}
          error={listProblem('talksTo')}
          help="Allowed outgoing connections, to workloads or endpoints; everything else is denied."
          labelOf={(n) => (endpointKinds.has(n) ? `${n} (${endpointKinds.get(n)})` : n)}
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

      <Disclosure key={`res-${index}`} summary="Resources and writable paths" initiallyOpen={false}>
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
        <Checkbox
          label="Stateful"
          help="Keeps data across restarts (a StatefulSet with a volume)."
          checked={workload.stateful}
          onChange={(stateful) => update({ stateful })}
        />
      </Disclosure>

      <Disclosure
        key={`exc-${index}`}
        summary={`Exceptions${exceptionCount > 0 ? ` (${exceptionCount})` : ''}`}
        initiallyOpen={exceptionCount > 0}
        testId="exceptions-toggle"
      >
        <ExceptionsSection
          workload={workload}
          prefix={prefix}
          issues={issues}
          podSecurity={posture.podSecurity[index]}
          findings={findings.exceptions}
          violations={needsViolations}
          onChange={(next, field) => update({ needs: next }, field)}
        />
      </Disclosure>

      <Disclosure
        key={`id-${index}`}
        summary={`Identity${identityCount > 0 ? ` (${identityCount})` : ''}`}
        initiallyOpen={identityCount > 0}
        testId="identity-toggle"
      >
        <IdentitySection
          workload={workload}
          prefix={prefix}
          issues={issues}
          kubernetes={kubernetes}
          findings={findings.identity}
          onChange={(identity, field) => update({ identity }, field)}
        />
      </Disclosure>
    </section>
  )
}
