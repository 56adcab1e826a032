// Nodes: the node pools as editable cards, each with what it can run (and why not) and the
// workloads that land on it; the workloads no pool can run are listed with the reason.
import { useEffect, useMemo, useRef } from 'react'
import { catalog, getOrchestrator } from '../../shared/catalog/index'
import { postureFor } from '../lib/posture'
import { primaryPoolIndex } from '../../shared/engine/stack'
import type { Violation } from '../../shared/engine/types'
import { useApp, useAppShallow } from '../app/app-store'
import { useDeferredDesign } from '../app/use-deferred-design'
import { DecisionField } from '../components/decision-field'
import type { PoolTemplate } from '../store/pool-edits'
import { PoolCard } from './nodes/pool-card'
import type { Landing } from './nodes/pool-fit'

/** Shown elsewhere on the step: refused sandboxes on their pool's card, placements in their own list. */
const SHOWN_APART = new Set(['COMPAT-SANDBOX-UNSUPPORTED', 'COMPAT-WORKLOAD-PLACEMENT'])

/** Violations whose paths are on pool `index` (`nodePools[2]`, `nodePools[2].os`, ...). */
function onPool(violations: readonly Violation[], index: number): Violation[] {
  const at = `nodePools[${index}]`
  return violations.filter(
    (v) =>
      !SHOWN_APART.has(v.id) &&
      v.paths.some((p) => p === at || p.startsWith(`${at}.`) || p.startsWith(`${at}[`)),
  )
}

/** The Nodes step. */
export function NodesStep() {
  const { design, evaluation } = useDeferredDesign()
  const count = useApp((s) => s.design.nodePools.length)
  const orchestratorId = useApp((s) => s.design.choices.orchestrator)
  const { addPool, removePool } = useAppShallow((s) => ({
    addPool: s.addPool,
    removePool: s.removePool,
  }))
  const o = getOrchestrator(catalog, orchestratorId)
  const posture = useMemo(() => postureFor(design, catalog), [design])
  const primary = primaryPoolIndex(design, catalog)
  const landing = useMemo(() => {
    const byPool = new Map<number, Landing[]>()
    posture.placements.forEach((p, i) => {
      const w = design.workloads[i]
      if (!p.pool || !w) return
      const list = byPool.get(p.pool.index) ?? []
      list.push({ index: i, name: w.name, sandbox: p.sandbox?.name, pinned: w.pool !== undefined })
      byPool.set(p.pool.index, list)
    })
    return byPool
  }, [posture, design.workloads])
  const unplaced = posture.placements.flatMap((p, i) =>
    p.problem ? [{ index: i, name: design.workloads[i]?.name ?? '', problem: p.problem }] : [],
  )
  const designWide = evaluation.violations.filter(
    (v) => !SHOWN_APART.has(v.id) && v.paths.includes('nodePools'),
  )
  const nodes = design.nodePools.reduce((n, p) => n + p.size, 0)

  // Focus follows the edit: a new pool's name field, or after a removal the "add" buttons.
  const focus = useRef<'new' | 'add' | null>(null)
  const setFocus = (target: 'new' | 'add') => {
    focus.current = target
  }
  const newName = useRef<HTMLInputElement>(null)
  const addGroup = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focus.current === 'new') newName.current?.focus()
    if (focus.current === 'add') addGroup.current?.querySelector('button')?.focus()
    focus.current = null
  }, [count])
  const add = (template: PoolTemplate) => {
    addPool(template)
    setFocus('new')
  }
  const remove = (index: number) => {
    removePool(index)
    setFocus('add')
  }
  const windows = o.windowsRuntimes.length > 0

  return (
    <>
      <p className="step-summary muted" data-testid="nodes-summary">
        {count} pool{count === 1 ? '' : 's'}, {nodes} node{nodes === 1 ? '' : 's'}.{' '}
        {o.managedControlPlane
          ? `${o.name} runs the control plane for you, so pools are for workloads only.`
          : `${o.name} needs a control-plane pool of your own (three nodes for a quorum).`}{' '}
        Workloads land on a pool of their OS; untrusted ones on a pool that offers a sandbox.
      </p>

      <div className="pool-actions" ref={addGroup} role="group" aria-label="Add a node pool">
        <button
          type="button"
          className="button primary"
          onClick={() => add('linux')}
          data-testid="add-pool-linux"
        >
          + Linux pool
        </button>
        <button
          type="button"
          className="button"
          onClick={() => add('windows')}
          disabled={!windows}
          aria-describedby={windows ? undefined : 'no-windows-pool'}
          data-testid="add-pool-windows"
        >
          + Windows pool
        </button>
        {o.managedControlPlane ? null : (
          <button
            type="button"
            className="button"
            onClick={() => add('control-plane')}
            data-testid="add-pool-control-plane"
          >
            + Control-plane pool
          </button>
        )}
        {windows ? null : (
          <span className="muted small" id="no-windows-pool">
            {o.name} cannot run Windows containers.
          </span>
        )}
      </div>

      {designWide.length > 0 ? (
        <ul className="fit-problems card-problems" data-testid="nodes-violations">
          {designWide.map((v, i) => (
            <li key={`${v.id}-${i}`}>
              <strong>Not possible:</strong> {v.message}{' '}
              <span className="option-fix">Fix: {v.fix}</span>{' '}
              <code className="rule-id">{v.id}</code>
            </li>
          ))}
        </ul>
      ) : null}

      {Array.from({ length: count }, (_, i) => (
        <PoolCard
          key={i}
          index={i}
          orchestrator={o}
          view={posture.pools[i]}
          violations={onPool(evaluation.violations, i)}
          landing={landing.get(i) ?? []}
          primary={i === primary}
          nameRef={i === count - 1 ? newName : undefined}
          onRemove={remove}
        />
      ))}

      {unplaced.length > 0 ? (
        <section
          className="card card-alert"
          aria-labelledby="unplaced-heading"
          data-testid="unplaced"
        >
          <h2 id="unplaced-heading">
            Workloads no pool can run <span className="count">{unplaced.length}</span>
          </h2>
          <ul className="fit-problems">
            {unplaced.slice(0, 50).map((u) => (
              <li key={u.index}>
                <strong className="mono">{u.name}:</strong> {u.problem.message}{' '}
                <span className="option-fix">Fix: {u.problem.fix}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <DecisionField dimension="nodes" label="Why these node pools" />
    </>
  )
}
