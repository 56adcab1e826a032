// One node pool as an editable card: its name, role, OS, engine, size, virtualisation, sandboxes,
// labels and taints, then what it can run (and why not) and the workloads that land on it.
import type { RefObject } from 'react'
import type { RuntimeId } from '../../../shared/catalog/ids'
import type { Orchestrator } from '../../../shared/catalog/types'
import { catalog } from '../../../shared/catalog/index'
import type { PoolView } from '../../../shared/engine/posture/index'
import type { Violation } from '../../../shared/engine/types'
import type { NodePool } from '../../../shared/model/schema'
import { LIMITS, POOL_ROLES, VIRTUALIZATION_LEVELS } from '../../../shared/model/schema'
import { useApp, useAppShallow } from '../../app/app-store'
import { ParsedField, Select, TextField, intParser } from '../../components/fields'
import { formatLabels, formatTaints, parseLabels, parseTaints } from './pool-parsers'
import { PoolFit } from './pool-fit'
import type { Landing } from './pool-fit'

const ROLE_LABEL: Record<NodePool['role'], string> = {
  'control-plane': 'Control plane',
  system: 'System',
  workers: 'Workers',
}

const VIRTUALIZATION_LABEL: Record<NodePool['virtualization'], string> = {
  none: 'None',
  nested: 'Nested (VM that offers it)',
  'bare-metal': 'Bare metal',
}

const ENGINES = catalog.runtimes.filter((r) => r.kind !== 'sandbox')
const SANDBOXES = catalog.runtimes.filter((r) => r.kind === 'sandbox')

/** The role choices for an orchestrator: a managed control plane takes no pool. */
function roleOptions(o: Orchestrator, current: NodePool['role']) {
  return POOL_ROLES.filter(
    (r) => r !== 'control-plane' || !o.managedControlPlane || current === r,
  ).map((r) => ({
    value: r,
    label:
      r === 'control-plane' && o.managedControlPlane
        ? `${ROLE_LABEL[r]} (not with ${o.name})`
        : ROLE_LABEL[r],
  }))
}

export interface PoolCardProps {
  readonly index: number
  readonly orchestrator: Orchestrator
  readonly view: PoolView | undefined
  readonly violations: readonly Violation[]
  readonly landing: readonly Landing[]
  readonly primary: boolean
  readonly nameRef?: RefObject<HTMLInputElement | null>
  readonly onRemove: (index: number) => void
}

/** Edits the pool at `index`. */
export function PoolCard({
  index,
  orchestrator: o,
  view,
  violations,
  landing,
  primary,
  nameRef,
  onRemove,
}: PoolCardProps) {
  const pool = useApp((s) => s.design.nodePools[index])
  const issues = useApp((s) => s.issues)
  const { updatePool } = useAppShallow((s) => ({ updatePool: s.updatePool }))
  if (!pool) return null
  const at = `nodePools[${index}]`
  const issue = (field: string) =>
    issues[`${at}.${field}`] ??
    Object.entries(issues).find(
      ([p]) => p.startsWith(`${at}.${field}.`) || p.startsWith(`${at}.${field}[`),
    )?.[1]
  const update = (patch: Partial<NodePool>, field?: string) =>
    updatePool(index, patch, field ? `${at}.${field}` : undefined)
  const osList = pool.role === 'control-plane' ? o.os.controlPlane : o.os.worker
  const headingId = `pool-${index}-heading`
  const toggleSandbox = (id: RuntimeId, on: boolean) =>
    update({ sandboxes: on ? [...pool.sandboxes, id] : pool.sandboxes.filter((s) => s !== id) })

  return (
    <section className="card pool-card" aria-labelledby={headingId} data-testid={`pool-${index}`}>
      <header className="editor-header">
        <h2 id={headingId}>
          Pool <span className="mono">{pool.name || '(unnamed)'}</span>
          <span className="badge pool-role">{ROLE_LABEL[pool.role]}</span>
          {primary ? <span className="badge pool-primary">Primary</span> : null}
        </h2>
        <button type="button" className="button danger subtle" onClick={() => onRemove(index)}>
          Remove pool<span className="sr-only"> {pool.name}</span>
        </button>
      </header>

      <div className="pool-fields">
        <TextField
          label="Name"
          value={pool.name}
          error={issue('name')}
          onChange={(name) => update({ name }, 'name')}
          testId={`pool-${index}-name`}
          inputRef={nameRef}
        />
        <Select
          label="Role"
          value={pool.role}
          options={roleOptions(o, pool.role)}
          onChange={(role) => update({ role })}
          help={
            o.managedControlPlane
              ? `${o.name} runs the control plane for you: no pool takes that role.`
              : undefined
          }
          testId={`pool-${index}-role`}
        />
        <ParsedField
          label="Nodes"
          value={pool.size}
          format={String}
          parse={intParser(1, LIMITS.nodes)}
          inputMode="numeric"
          error={issue('size')}
          onCommit={(size) => update({ size }, 'size')}
          testId={`pool-${index}-size`}
        />
        <Select
          label="OS"
          value={pool.os}
          options={catalog.operatingSystems.map((os) => ({
            value: os.id,
            label: osList.includes(os.id) ? os.name : `${os.name} (not with ${o.name})`,
          }))}
          onChange={(os) => update({ os })}
          testId={`pool-${index}-os`}
        />
        <Select
          label="Engine"
          value={pool.runtime}
          options={ENGINES.map((r) => ({
            value: r.id,
            label: o.runtimes.includes(r.id) ? r.name : `${r.name} (not with ${o.name})`,
          }))}
          onChange={(runtime) => update({ runtime })}
          testId={`pool-${index}-runtime`}
        />
        <Select
          label="Virtualisation"
          value={pool.virtualization}
          options={VIRTUALIZATION_LEVELS.map((v) => ({ value: v, label: VIRTUALIZATION_LABEL[v] }))}
          onChange={(virtualization) => update({ virtualization })}
          help="Needed by Kata, Firecracker and Hyper-V."
          testId={`pool-${index}-virtualization`}
        />
      </div>

      {pool.role === 'control-plane' && pool.sandboxes.length === 0 ? null : (
        <fieldset className="field pool-sandboxes" data-testid={`pool-${index}-sandboxes`}>
          <legend>Sandboxes offered</legend>
          <div className="chip-checks">
            {SANDBOXES.map((r) => {
              const on = pool.sandboxes.includes(r.id)
              return (
                <label key={r.id} className={on ? 'chip-check on' : 'chip-check'}>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) => toggleSandbox(r.id, e.target.checked)}
                  />
                  {r.name}
                </label>
              )
            })}
          </div>
        </fieldset>
      )}

      <details className="pool-more">
        <summary>
          Labels and taints{' '}
          <span className="muted small">
            ({Object.keys(pool.labels).length} label
            {Object.keys(pool.labels).length === 1 ? '' : 's'}, {pool.taints.length} taint
            {pool.taints.length === 1 ? '' : 's'})
          </span>
        </summary>
        <div className="grid-2">
          <ParsedField
            label="Labels"
            value={pool.labels}
            format={formatLabels}
            parse={parseLabels}
            error={issue('labels')}
            help="key=value, comma-separated"
            onCommit={(labels) => update({ labels }, 'labels')}
            testId={`pool-${index}-labels`}
          />
          <ParsedField
            label="Taints"
            value={pool.taints}
            format={formatTaints}
            parse={parseTaints}
            error={issue('taints')}
            help="key=value:NoSchedule; only workloads that tolerate them land here"
            onCommit={(taints) => update({ taints }, 'taints')}
            testId={`pool-${index}-taints`}
          />
        </div>
      </details>

      <PoolFit index={index} pool={pool} view={view} violations={violations} landing={landing} />
    </section>
  )
}
