// Where a workload runs: its node pool (automatic = derived from its OS and trust, shown) and the
// sandbox it asks for, with the engine's placement problem when it cannot run as declared.
import { catalog } from '../../../shared/catalog/index'
import type { RuntimeId } from '../../../shared/catalog/ids'
import type { Placement } from '../../../shared/engine/posture/index'
import type { Design, Workload } from '../../../shared/model/schema'
import { Select } from '../../components/fields'

const SANDBOXES = catalog.runtimes.filter((r) => r.kind === 'sandbox')

type SandboxChoice = '' | NonNullable<Workload['sandbox']>

/** The pool and sandbox selects of the workload editor. */
export function PlacementFields({
  workload,
  design,
  placement,
  error,
  onChange,
  index,
}: {
  readonly workload: Workload
  readonly design: Design
  readonly placement: Placement | undefined
  readonly error: string | undefined
  readonly onChange: (patch: { pool?: string | undefined; sandbox?: Workload['sandbox'] }) => void
  readonly index: number
}) {
  const pools = design.nodePools
  const derived = workload.pool === undefined ? placement?.pool?.pool.name : undefined
  const family = (os: string) => catalog.operatingSystems.find((o) => o.id === os)?.family
  const autoSandbox =
    workload.trust === 'untrusted' || design.isolation.sandboxWorkloads === 'all'
      ? placement?.sandbox
        ? `its pool’s sandbox (${placement.sandbox.name})`
        : 'a sandbox, but its pool offers none'
      : 'none (trusted)'
  const offeredOn = (id: RuntimeId) =>
    pools.filter((p) => p.sandboxes.includes(id)).map((p) => p.name)

  return (
    <div className="grid-2" data-testid="workload-placement">
      <Select<string>
        label="Node pool"
        value={workload.pool ?? ''}
        options={[
          {
            value: '',
            label: `Automatic${derived ? ` (→ ${derived})` : placement?.problem ? ' (no pool fits)' : ''}`,
          },
          ...pools.map((p) => ({
            value: p.name,
            label: `${p.name}${
              p.role === 'control-plane'
                ? ' (control plane)'
                : family(p.os) !== workload.os
                  ? ` (runs ${family(p.os) === 'windows' ? 'Windows' : 'Linux'})`
                  : ''
            }`,
          })),
          ...(workload.pool !== undefined && !pools.some((p) => p.name === workload.pool)
            ? [{ value: workload.pool, label: `${workload.pool} (no such pool)` }]
            : []),
        ]}
        onChange={(pool) => onChange({ pool: pool === '' ? undefined : pool })}
        error={error}
        help={
          workload.pool === undefined
            ? 'Automatic picks a pool of its OS; untrusted workloads one that offers a sandbox.'
            : 'Pinned to this pool.'
        }
        testId={`workload-${index}-pool`}
      />
      <Select<SandboxChoice>
        label="Sandbox"
        value={workload.sandbox ?? ''}
        options={[
          { value: '', label: `Automatic: ${autoSandbox}` },
          { value: 'none', label: 'None (shares the node’s kernel)' },
          ...SANDBOXES.map((r) => {
            const on = offeredOn(r.id)
            return {
              value: r.id,
              label: `${r.name}${on.length > 0 ? ` (on ${on.join(', ')})` : ' (no pool offers it)'}`,
            }
          }),
        ]}
        onChange={(sandbox) => onChange({ sandbox: sandbox === '' ? undefined : sandbox })}
        help={
          placement?.pool
            ? `Runs on ${placement.pool.pool.name}${placement.sandbox ? ` in ${placement.sandbox.name}` : ', sharing the node’s kernel'}.`
            : undefined
        }
        testId={`workload-${index}-sandbox`}
      />
    </div>
  )
}
