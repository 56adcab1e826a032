// The rule registry: every rule the engine applies, in a stable order, with unique ids.
import { BALANCE_RULES } from './balance'
import { PLATFORM_FINDINGS } from './findings-platform'
import { WORKLOAD_FINDINGS } from './findings-workloads'
import {
  COST_RULES,
  OPERABILITY_RULES,
  PORTABILITY_RULES,
  VISIBILITY_RULES,
} from './scores-operations'
import { ATTACK_SURFACE_RULES, ISOLATION_RULES, LEAST_PRIVILEGE_RULES } from './scores-security'
import { VIOLATION_RULES_PLATFORM } from './violations'
import { VIOLATION_RULES_POOLS } from './violations-pools'

export const SCORE_RULES = [
  ...ISOLATION_RULES,
  ...LEAST_PRIVILEGE_RULES,
  ...ATTACK_SURFACE_RULES,
  ...OPERABILITY_RULES,
  ...VISIBILITY_RULES,
  ...PORTABILITY_RULES,
  ...COST_RULES,
] as const

export const FINDING_RULES = [...WORKLOAD_FINDINGS, ...PLATFORM_FINDINGS] as const

/** Every violation rule: pools and placement first, then plugins, network, cloud and flows. */
export const VIOLATION_RULES = [...VIOLATION_RULES_POOLS, ...VIOLATION_RULES_PLATFORM]

export { BALANCE_RULES }

/** Every rule id with its kind, for documentation, the UI and uniqueness tests. */
export function ruleIndex(): {
  id: string
  kind: 'score' | 'violation' | 'finding' | 'balance'
  references: readonly string[]
}[] {
  return [
    ...SCORE_RULES.map((r) => ({ id: r.id, kind: 'score' as const, references: r.references })),
    ...VIOLATION_RULES.map((r) => ({
      id: r.id,
      kind: 'violation' as const,
      references: r.references,
    })),
    ...FINDING_RULES.map((r) => ({ id: r.id, kind: 'finding' as const, references: r.references })),
    ...BALANCE_RULES.map((r) => ({ id: r.id, kind: 'balance' as const, references: r.references })),
  ]
}
