// The workload list; past a hundred workloads only the visible rows are rendered.
import { useMemo } from 'react'
import type { Workload } from '../../../shared/model/schema'
import { useApp } from '../../app/app-store'
import { VirtualList } from '../../components/virtual-list'

const ROW_HEIGHT = 60

function Row({
  workload,
  index,
  selected,
  invalid,
  onSelect,
}: {
  readonly workload: Workload
  readonly index: number
  readonly selected: boolean
  readonly invalid: boolean
  readonly onSelect: (index: number) => void
}) {
  return (
    <button
      type="button"
      className={`workload-row${selected ? ' selected' : ''}`}
      aria-pressed={selected}
      onClick={() => onSelect(index)}
      data-testid={`workload-row-${index}`}
    >
      <span className="workload-row-name">
        {workload.name || '(unnamed)'}
        {invalid ? <span className="row-flag"> · needs attention</span> : null}
      </span>
      <span className="workload-row-meta">
        {workload.role !== 'app' ? `${workload.role} · ` : ''}
        {workload.team} ·{' '}
        {workload.ports.length > 0 ? `:${workload.ports.join(', :')}` : 'no ports'}
        {workload.trust === 'untrusted' ? ' · untrusted' : ''}
      </span>
    </button>
  )
}

/** The list of workloads; selecting one opens it in the editor. */
export function WorkloadList() {
  const workloads = useApp((s) => s.design.workloads)
  const selected = useApp((s) => s.selectedWorkload)
  const issues = useApp((s) => s.issues)
  const selectWorkload = useApp((s) => s.selectWorkload)
  const invalidRows = useMemo(() => {
    const rows = new Set<number>()
    for (const path of Object.keys(issues)) {
      const m = /^workloads\[(\d+)\]/.exec(path)
      if (m) rows.add(Number(m[1]))
    }
    return rows
  }, [issues])

  return (
    <VirtualList
      count={workloads.length}
      rowHeight={ROW_HEIGHT}
      label="Workloads"
      className="workload-list"
      testId="workload-list"
      renderRow={(i) => {
        const w = workloads[i]
        return w ? (
          <Row
            workload={w}
            index={i}
            selected={i === selected}
            invalid={invalidRows.has(i)}
            onSelect={selectWorkload}
          />
        ) : null
      }}
    />
  )
}
