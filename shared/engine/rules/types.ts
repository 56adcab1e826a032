// Rules are data: a stable id, what they read, what they conclude and where that is written down.
//
// Invariant that keeps `recommend` exact (see recommend.ts): a score rule may read the plugin set only
// through `capabilities` in a way that never loses points when a capability is added, or through
// `plugins` in a way that never gains points when a plugin is added (a plugin's own cost). Finding
// rules likewise never fire (or rise in severity) when a capability is added, and never stop firing
// (or fall in severity) when a plugin is added (rule-scopes.test.ts checks both).
import type { ReferenceId } from '../../catalog/types'
import type { EngineContext } from '../context'
import type { Criterion, Severity } from '../types'

export interface ScoreHit {
  readonly points: number
  readonly reason: string
}

export interface ScoreRule {
  readonly id: string
  readonly criterion: Criterion
  readonly references: readonly ReferenceId[]
  /**
   * How the rule reads the plugin set, so `recommend` can re-apply only these per plugin set:
   * `each-plugin` rules are a sum of one independent term per plugin (a plugin's own cost);
   * `capabilities` rules read the plugin set only through `capabilities`.
   */
  readonly readsPlugins?: 'each-plugin' | 'capabilities'
  /** Nothing when the rule does not apply; several hits for per-item rules (one per plugin). */
  readonly apply: (c: EngineContext) => ScoreHit | readonly ScoreHit[] | undefined
}

export interface ViolationHit {
  readonly message: string
  readonly paths: readonly string[]
  readonly fix: string
}

export interface ViolationRule {
  readonly id: string
  readonly references: readonly ReferenceId[]
  /**
   * Reads the plugin set: `recommend` checks these per plugin set, the others once per base stack.
   * Such a rule must never stop firing when plugins are added, except through added capabilities.
   */
  readonly readsPlugins?: boolean
  readonly detect: (c: EngineContext) => ViolationHit | readonly ViolationHit[] | undefined
}

export interface FindingHit {
  readonly severity: Severity
  /** A title for this case when the rule's title would not fit it. */
  readonly title?: string
  readonly why: string
  readonly fix: string
  readonly paths: readonly string[]
  /** The sources for this case when only some of the rule's references apply. */
  readonly references?: readonly ReferenceId[]
}

export interface FindingRule {
  readonly id: string
  readonly title: string
  readonly references: readonly ReferenceId[]
  /** Reads the plugin set (or its capabilities): `recommend` re-checks these per plugin set. */
  readonly readsPlugins?: boolean
  readonly detect: (c: EngineContext) => FindingHit | undefined
}

export interface BalanceHit {
  readonly weight: number
  readonly reason: string
}

export interface BalanceRule {
  readonly id: string
  readonly side: 'tooLittle' | 'tooMuch'
  readonly references: readonly ReferenceId[]
  readonly detect: (c: EngineContext) => BalanceHit | undefined
}

/** Normalises a rule's "nothing, one or many" result to a list. */
export function hitsOf<T>(result: T | readonly T[] | undefined): readonly T[] {
  if (result === undefined) return []
  return Array.isArray(result) ? (result as readonly T[]) : [result as T]
}

/** Caps a per-item penalty so one dimension cannot drown the others. */
export function capped(points: number, limit: number): number {
  return points < 0 ? Math.max(points, -limit) : Math.min(points, limit)
}

/** `workloads[i].field` paths for a list of indexed workloads. */
export function workloadPaths(items: readonly { index: number }[], field: string): string[] {
  return items.map((item) => `workloads[${item.index}]${field ? `.${field}` : ''}`)
}

/** "a, b and 3 more" for reasons that name workloads. */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ')
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`
}
