// The architecture diagram, loaded lazily: Mermaid is large and most steps never need it.
import { Suspense, lazy } from 'react'
import { useApp } from '../app/app-store'
import { useDark } from '../app/use-dark'

const ArchitectureView = lazy(() => import('../diagram/architecture-view'))

/** The live architecture diagram of the current design. */
export function ArchitectureDiagram({ label }: { readonly label: string }) {
  const design = useApp((s) => s.design)
  const evaluation = useApp((s) => s.evaluation)
  const dark = useDark()
  return (
    <Suspense fallback={<div className="diagram diagram-loading">Loading the diagram…</div>}>
      <ArchitectureView design={design} evaluation={evaluation} dark={dark} label={label} />
    </Suspense>
  )
}
