// Sources behind a number or a fact, resolved through the catalog's reference table.
import { catalog, getReference } from '../../shared/catalog/index'
import type { ReferenceId } from '../../shared/catalog/types'
import { getPlatform } from '../platform/index'

/** The references as short links (title and section); unknown ids are shown as written. */
export function ReferenceList({ ids }: { readonly ids: readonly ReferenceId[] }) {
  if (ids.length === 0) return <span className="muted">—</span>
  return (
    <ul className="reference-list">
      {ids.map((id) => {
        const ref = getReference(catalog, id)
        if (!ref) return <li key={id}>{id}</li>
        const label =
          ref.section && !ref.title.includes(ref.section)
            ? `${ref.title} — ${ref.section}`
            : ref.title
        return (
          <li key={id}>
            {ref.url ? (
              <a
                href={ref.url}
                onClick={(e) => {
                  e.preventDefault()
                  void getPlatform().openExternal(ref.url ?? '')
                }}
                title={ref.url}
              >
                <span className="ref-id">{id}</span> {label}
              </a>
            ) : (
              <span>
                <span className="ref-id">{id}</span> {label}
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}

/** Compact source badges for one fact: the ids, each linking to its source. */
export function SourceBadges({ ids }: { readonly ids: readonly ReferenceId[] }) {
  return (
    <span className="source-badges">
      {ids.map((id) => {
        const ref = getReference(catalog, id)
        return ref?.url ? (
          <a
            key={id}
            className="source-badge"
            href={ref.url}
            title={ref.title}
            onClick={(e) => {
              e.preventDefault()
              void getPlatform().openExternal(ref.url ?? '')
            }}
          >
            {id}
          </a>
        ) : (
          <span key={id} className="source-badge" title={ref?.title ?? id}>
            {id}
          </span>
        )
      })}
    </span>
  )
}
