// A list that renders only its visible rows once it is long: a thousand workloads or generated
// files scroll as smoothly as ten.
import { useRef } from 'react'
import type { ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

/** Past this many items only the visible rows are rendered. */
export const VIRTUALISE_AFTER = 100

interface VirtualListProps {
  readonly count: number
  readonly rowHeight: number
  readonly renderRow: (index: number) => ReactNode
  readonly label: string
  readonly className: string
  readonly testId?: string
  readonly itemKey?: (index: number) => string | number
}

/** A `<ul>` of `count` rows: plain when short, virtualised (fixed row height) when long. */
export function VirtualList(props: VirtualListProps) {
  const { count, renderRow, label, className, testId, itemKey } = props
  if (count <= VIRTUALISE_AFTER)
    return (
      <ul className={className} aria-label={label} data-testid={testId}>
        {Array.from({ length: count }, (_, i) => (
          <li key={itemKey?.(i) ?? i}>{renderRow(i)}</li>
        ))}
      </ul>
    )
  return <Virtualised {...props} />
}

function Virtualised({ count, rowHeight, renderRow, label, className, testId }: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  })
  return (
    <div className="virtual-scroller" ref={scroller} data-testid={testId && `${testId}-scroller`}>
      <ul
        className={`${className} virtual`}
        aria-label={label}
        data-testid={testId}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={item.key}
            className="virtual-row"
            style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
          >
            {renderRow(item.index)}
          </li>
        ))}
      </ul>
    </div>
  )
}
