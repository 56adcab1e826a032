// The engine's output: the same object the app shows, the CLI prints and report.json holds.
import type { OrchestratorId, OsId, PluginId, RuntimeId } from '../catalog/ids'
import type { ReferenceId } from '../catalog/types'
import type { Treatment } from '../model/schema'

export const CRITERIA = [
  'isolation',
  'least-privilege',
  'attack-surface',
  'operability',
  'visibility',
  'portability',
  'cost',
] as const
export type Criterion = (typeof CRITERIA)[number]

export type Severity = 'high' | 'medium' | 'low'
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low']

/** One reason a criterion score moved: a rule, how many points, why, and where that is written down. */
export interface Contribution {
  readonly rule: string
  readonly points: number
  readonly reason: string
  readonly references: readonly ReferenceId[]
}

export interface CriterionScore {
  readonly score: number
  readonly contributions: readonly Contribution[]
}

/** A hard incompatibility: the design cannot be built as written. */
export interface Violation {
  readonly id: string
  readonly message: string
  readonly paths: readonly string[]
  readonly fix: string
  readonly references: readonly ReferenceId[]
}

export interface Finding {
  readonly id: string
  readonly severity: Severity
  readonly title: string
  readonly why: string
  readonly fix: string
  readonly references: readonly ReferenceId[]
  /** Design paths the finding is about (e.g. `workloads[2].needs.hostAccess`). */
  readonly paths: readonly string[]
  /** The architect's treatment from `risks:`, `open` when none is set. */
  readonly treatment: Treatment
  readonly note: string
}

export interface BalanceReason {
  readonly rule: string
  readonly reason: string
  readonly weight: number
  readonly references: readonly ReferenceId[]
}

/**
 * Isolation balance: -100 (far too little) .. 0 (balanced) .. +100 (far too much).
 * `tooLittle` pulls the value down, `tooMuch` pushes it up.
 */
export interface IsolationBalance {
  readonly value: number
  readonly tooLittle: readonly BalanceReason[]
  readonly tooMuch: readonly BalanceReason[]
}

export interface Evaluation {
  readonly design: string
  /** `false` when there is at least one violation. */
  readonly valid: boolean
  readonly violations: readonly Violation[]
  readonly scores: {
    /** The weighted criterion mean less the findings' penalties, rounded. */
    readonly overall: number
    /** The same, unrounded (ranking and tests use it). */
    readonly overallExact: number
    /** The weighted mean of the criterion scores before findings, unrounded. */
    readonly criteriaMean: number
    /** What each finding takes off the overall (negative points; 0 when mitigated). */
    readonly findingPenalties: readonly {
      readonly id: string
      readonly severity: Severity
      readonly treatment: Treatment
      readonly points: number
    }[]
    readonly weights: Readonly<Record<Criterion, number>>
    readonly criteria: Readonly<Record<Criterion, CriterionScore>>
  }
  readonly isolationBalance: IsolationBalance
  readonly findings: readonly Finding[]
}

export interface Stack {
  readonly orchestrator: OrchestratorId
  readonly runtime: RuntimeId
  readonly os: OsId
  readonly plugins: readonly PluginId[]
  /**
   * The sandbox offered to untrusted workloads on a Linux pool, `none` for no sandbox, or absent to keep
   * the design's own sandbox pools as they are.
   */
  readonly sandbox?: RuntimeId | 'none'
  /** Isolation settings the stack applies; absent keeps the design's. */
  readonly isolation?: StackIsolation
}

/** The isolation settings a recommendation may tighten. */
export interface StackIsolation {
  readonly podSecurity: 'restricted' | 'baseline' | 'privileged'
  readonly namespaces: 'shared' | 'per-team' | 'per-workload'
  readonly network: 'default-deny' | 'allow-all'
}

/** What `recommend --keep` can hold fixed (the cloud is never changed by a recommendation). */
export const KEEP_DIMENSIONS = [
  'orchestrator',
  'runtime',
  'os',
  'sandbox',
  'plugins',
  'isolation',
  'cloud',
] as const
export type KeepDimension = (typeof KEEP_DIMENSIONS)[number]

export interface RankedStack {
  readonly rank: number
  readonly score: number
  readonly stack: Stack
  /** Human-readable differences from the design's current choices, e.g. `runtime: containerd -> kata`. */
  readonly changes: readonly string[]
  readonly criteria: Readonly<Record<Criterion, number>>
  /** Findings the stack has that the design does not, and the design's findings it no longer has. */
  readonly findingsAdded: readonly { readonly id: string; readonly severity: Severity }[]
  readonly findingsResolved: readonly { readonly id: string; readonly severity: Severity }[]
}
