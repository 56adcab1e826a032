// Everything a document section reads, computed once by generateDocument.
import type { Catalog } from '../../catalog/types'
import type { Evaluation } from '../../engine/types'
import type { Design } from '../../model/schema'
import type { Control } from '../types'
import type { Alternatives } from './alternatives'

export interface DocInput {
  readonly design: Design
  readonly evaluation: Evaluation
  readonly catalog: Catalog
  readonly alternatives: Alternatives
  /** Controls of the manifest generator for the design's orchestrator family. */
  readonly controls: readonly Control[]
  /** Mermaid source of the architecture diagram. */
  readonly diagram: string
}

/** `yes` / `no` for a flag. */
export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no'
}

/** `+5` / `-3` / `0`: points with their sign. */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points)
}

/** `1 finding` / `3 findings`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
