// The workload list: plain below VIRTUALISE_AFTER items, virtualised above so a thousand stay smooth.
import { useMemo, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Workload } from '../../../shared/model/schema'
import { useApp } from '../../app/app-store'

/** Past this many workloads only the visible rows are rendered. */
export const VIRTUALISE_AFTER = 100
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
  const invalid = (i: number) => invalidRows.has(i)

  if (workloads.length > VIRTUALISE_AFTER)
    return (
      <VirtualList
        workloads={workloads}
        selected={selected}
        invalid={invalid}
        onSelect={selectWorkload}
      />
    )
  return (
    <ul className="workload-list" aria-label="Workloads">
      {workloads.map((w, i) => (
        <li key={i}>
          <Row
            workload={w}
            index={i}
            selected={i === selected}
            invalid={invalid(i)}
            onSelect={selectWorkload}
          />
        </li>
      ))}
    </ul>
  )
}

function VirtualList({
  workloads,
  selected,
  invalid,
  onSelect,
}: {
  readonly workloads: readonly Workload[]
  readonly selected: number | null
  readonly invalid: (index: number) => boolean
  readonly onSelect: (index: number) => void
}) {
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: workloads.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  })
  return (
    <div className="workload-scroller" ref={scroller} data-testid="workload-virtual-list">
      <ul
        className="workload-list virtual"
        aria-label="Workloads"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const w = workloads[item.index]
          if (!w) return null
          return (
            <li
              key={item.key}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <Row
                workload={w}
                index={item.index}
                selected={item.index === selected}
                invalid={invalid(item.index)}
                onSelect={onSelect}
              />
            </li>
          )
        })}
      </ul>
    </div>
  )
}
