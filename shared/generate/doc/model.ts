// A small document model: sections build it once, and the Markdown and HTML renderers both print it,
// so the two formats always carry the same sections and every piece of text is escaped by its renderer.
import { assertNever } from '../../util/assert-never'

/** A run of text. Plain strings are text (user text included) and are always escaped when rendered. */
export type Inline =
  | string
  | { readonly code: string }
  | { readonly strong: string }
  /** A citation of a reference id; the references section lists every id cited. */
  | { readonly ref: string }
  /** A URL from the catalog (never user text): a link in Markdown, plain text in HTML (no remote href). */
  | { readonly url: string }

/** Text: a plain string or a sequence of inlines. */
export type Text = string | readonly Inline[]

export type Block =
  | { readonly kind: 'paragraph'; readonly text: Text }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly Text[] }
  | {
      readonly kind: 'table'
      readonly header: readonly string[]
      readonly rows: readonly (readonly Text[])[]
      /** Draw a bar for the numeric (0-100) value in this column (HTML only; Markdown shows the number). */
      readonly barColumn?: number
    }
  | { readonly kind: 'diagram'; readonly mermaid: string }
  | {
      readonly kind: 'gauge'
      /** -100 (too little) .. +100 (too much). */
      readonly value: number
      readonly caption: string
    }

export interface Section {
  /** Stable anchor id, e.g. `risk-register`. */
  readonly id: string
  readonly title: string
  readonly blocks: readonly Block[]
}

export interface DocumentModel {
  readonly title: string
  readonly sections: readonly Section[]
}

/** Every reference id cited in the blocks, in order of first citation. */
export function citedReferences(sections: readonly Section[]): string[] {
  const seen = new Set<string>()
  const visit = (text: Text) => {
    if (typeof text === 'string') return
    for (const inline of text)
      if (typeof inline !== 'string' && 'ref' in inline) seen.add(inline.ref)
  }
  for (const section of sections) {
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'paragraph':
          visit(block.text)
          break
        case 'list':
          block.items.forEach(visit)
          break
        case 'table':
          block.rows.forEach((row) => row.forEach(visit))
          break
        case 'heading':
        case 'diagram':
        case 'gauge':
          break
        default:
          assertNever(block)
      }
    }
  }
  return [...seen]
}

/** Citations for a list of reference ids, separated by spaces: `[S4] [PSS]`. */
export function refs(ids: readonly string[]): Inline[] {
  return ids.flatMap((id, i) => (i === 0 ? [{ ref: id }] : [' ', { ref: id }]))
}

/** Anchor id for a reference id (ids may contain spaces and dots). */
export function referenceAnchor(id: string): string {
  return `ref-${id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`
}
