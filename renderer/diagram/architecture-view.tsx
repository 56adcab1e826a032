// The architecture diagram, from the same Mermaid source the design document uses.
import { useEffect, useMemo, useState } from 'react'
import { catalog } from '../../shared/catalog/index'
import type { Evaluation } from '../../shared/engine/types'
import { architectureDiagram } from '../../shared/generate/mermaid/architecture'
import type { Design } from '../../shared/model/schema'
import { renderMermaid } from './mermaid-render'

/** How long to wait after an edit before redrawing, so typing does not queue renders. */
const REDRAW_DELAY_MS = 250

interface Props {
  readonly design: Design
  readonly evaluation: Evaluation
  readonly dark: boolean
  readonly label: string
}

/** The diagram's Mermaid source, or why it could not be made (a generator bug must not take the app down). */
function sourceOf(design: Design, evaluation: Evaluation): { source: string; failure?: string } {
  try {
    return { source: architectureDiagram(design, evaluation, catalog) }
  } catch (e) {
    return { source: '', failure: e instanceof Error ? e.message : String(e) }
  }
}

/** Renders `architectureDiagram(design)` with Mermaid; shows the source when rendering fails. */
export default function ArchitectureView({ design, evaluation, dark, label }: Props) {
  const { source, failure } = useMemo(() => sourceOf(design, evaluation), [design, evaluation])
  const theme = dark ? 'dark' : 'light'
  const [drawn, setDrawn] = useState<{ key: string; svg: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const key = `${theme}\n${source}`
  const hasDrawing = drawn !== null

  useEffect(() => {
    if (failure !== undefined) return
    let cancelled = false
    const timer = window.setTimeout(
      () => {
        renderMermaid(source, theme).then(
          (svg) => {
            if (cancelled) return
            setDrawn({ key: `${theme}\n${source}`, svg })
            setError(null)
          },
          (e: unknown) => {
            if (!cancelled) setError(e instanceof Error ? e.message : String(e))
          },
        )
      },
      hasDrawing ? REDRAW_DELAY_MS : 0,
    )
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
  }, [source, theme, hasDrawing, failure])

  if (failure !== undefined)
    return (
      <figure className="diagram-figure" data-testid="architecture-diagram">
        <p className="field-error" role="status">
          The diagram could not be drawn: {failure}
        </p>
      </figure>
    )

  return (
    <figure className="diagram-figure" data-testid="architecture-diagram">
      {drawn ? (
        <div
          className="diagram"
          role="img"
          aria-label={label}
          data-rendered={drawn.key === key ? 'current' : 'stale'}
          dangerouslySetInnerHTML={{ __html: drawn.svg }}
        />
      ) : error ? null : (
        <div className="diagram diagram-loading">Drawing the diagram…</div>
      )}
      {error ? <p className="field-error">The diagram could not be drawn: {error}</p> : null}
      <details className="diagram-source">
        <summary>Mermaid source</summary>
        <pre>
          <code>{source}</code>
        </pre>
      </details>
    </figure>
  )
}
