// The references table: every source a fact, rule or control can cite, by id.
import type { Reference } from './types'
import { KNOWLEDGE_REFERENCES } from './references/knowledge'
import { POINTER_REFERENCES, READ_REFERENCES } from './references/verification'
import { STANDARD_REFERENCES } from './references/standards'
import { DECEMBER_2026_REFERENCES } from './references/checked-2026-12'

export { STANDARD_REFERENCE_IDS } from './references/standards'
export type { StandardReferenceId } from './references/standards'

export const references: readonly Reference[] = [
  ...KNOWLEDGE_REFERENCES,
  ...READ_REFERENCES,
  ...POINTER_REFERENCES,
  ...STANDARD_REFERENCES,
  ...DECEMBER_2026_REFERENCES,
]
