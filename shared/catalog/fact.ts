// Small constructors for catalog facts, so every entry states plainly whether its fact was checked.
import type { Fact, ReferenceId } from './types'

/**
 * A fact checked against the cited source (by KNOWLEDGE.md's author or during catalog verification),
 * with the month of the check (YYYY-MM) where it was recorded.
 */
export function confirmed(text: string, sources: readonly ReferenceId[], checked?: string): Fact {
  return checked === undefined
    ? { text, sources, confirmed: true }
    : { text, sources, confirmed: true, checked }
}

/** A fact carried without a primary-source check; the UI and the document flag it as unconfirmed. */
export function unconfirmed(text: string, sources: readonly ReferenceId[]): Fact {
  return { text, sources, confirmed: false }
}
