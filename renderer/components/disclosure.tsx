// A native <details> that opens by itself when it starts with something worth seeing, and then
// stays as the user leaves it (React would otherwise reset `open` on every render).
import { useState } from 'react'
import type { ReactNode } from 'react'

/** A collapsible section with a summary line. Key it per subject to reset its state. */
export function Disclosure({
  summary,
  initiallyOpen,
  children,
  testId,
}: {
  readonly summary: ReactNode
  readonly initiallyOpen: boolean
  readonly children: ReactNode
  readonly testId?: string
}) {
  const [open, setOpen] = useState(initiallyOpen)
  return (
    <details className="editor-more" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid={testId}>{summary}</summary>
      {open ? children : null}
    </details>
  )
}
