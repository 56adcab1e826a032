// Section 10: references: every reference id cited in the document, resolved through the catalog.
import { getReference } from '../../catalog/index'
import type { Catalog } from '../../catalog/types'
import type { Block, Section, Text } from './model'
import { citedReferences } from './model'

/** The references section for the sections before it. */
export function referencesSection(sections: readonly Section[], catalog: Catalog): Section {
  const ids = citedReferences(sections)
  const items = ids.map((id): Text => {
    const ref = getReference(catalog, id)
    if (ref === undefined) return [{ ref: id }, ' (not in the catalog)']
    return [
      { ref: id },
      ` ${ref.title}`,
      ref.section === undefined || ref.title.includes(ref.section) ? '' : `, ${ref.section}`,
      ref.url === undefined ? '' : '. ',
      ref.url === undefined ? '' : { url: ref.url },
    ]
  })
  const blocks: Block[] =
    items.length === 0
      ? [{ kind: 'paragraph', text: 'No reference is cited.' }]
      : [{ kind: 'list', items }]
  return { id: 'references', title: 'References', blocks }
}
