// The pod posture the policy engine enforces: the same hardening the generated manifests already carry,
// in every namespace except the exception namespaces (which Pod Security Admission alone governs).
import type { PodSecurityLevel } from '../../model/schema'
import { enforcedNamespaces, type Plan } from './plan'

export type PostureRuleId =
  | 'run-as-non-root'
  | 'read-only-root-filesystem'
  | 'drop-all-capabilities'
  | 'disallow-privilege-escalation'
  | 'seccomp-runtime-default'
  | 'disallow-latest-tag'
  | 'require-resources'

export interface PostureRule {
  readonly id: PostureRuleId
  readonly title: string
  /** Fields the API rejects on Windows pods; such rules skip pods with `spec.os.name: windows`. */
  readonly linuxOnly: boolean
  /** Namespace levels the rule applies in (all when absent). */
  readonly levels?: readonly PodSecurityLevel[]
  readonly message: string
}

/** Every rule, in the order the engine resources are written. */
export const POSTURE_RULES: readonly PostureRule[] = [
  {
    id: 'run-as-non-root',
    title: 'Require runAsNonRoot',
    linuxOnly: false,
    message: 'Containers must run as non-root: set securityContext.runAsNonRoot to true.',
  },
  {
    id: 'read-only-root-filesystem',
    title: 'Require a read-only root filesystem',
    linuxOnly: true,
    message:
      'Containers must set securityContext.readOnlyRootFilesystem to true; mount an emptyDir where they write.',
  },
  {
    id: 'drop-all-capabilities',
    title: 'Drop ALL capabilities, add back only allowed ones',
    linuxOnly: true,
    message: 'Containers must drop ALL capabilities and may add back only the allowed ones.',
  },
  {
    id: 'disallow-privilege-escalation',
    title: 'Disallow privilege escalation',
    linuxOnly: true,
    // A privileged container cannot set allowPrivilegeEscalation: false, and the Privileged level admits one.
    levels: ['restricted', 'baseline'],
    message: 'Containers must set securityContext.allowPrivilegeEscalation to false.',
  },
  {
    id: 'seccomp-runtime-default',
    title: 'Require the RuntimeDefault seccomp profile',
    linuxOnly: true,
    message: 'Pods must set seccompProfile.type RuntimeDefault (pod level, or on every container).',
  },
  {
    id: 'disallow-latest-tag',
    title: 'Disallow untagged and latest images',
    linuxOnly: false,
    message: 'Images must be pinned to a tag other than latest, or to a digest.',
  },
  {
    id: 'require-resources',
    title: 'Require CPU and memory requests and a memory limit',
    linuxOnly: false,
    message: 'Containers must set CPU and memory requests and a memory limit.',
  },
]

/** Enforced namespaces that share a Pod Security level (and so the capabilities they admit). */
export interface LevelGroup {
  readonly level: PodSecurityLevel
  readonly namespaces: readonly string[]
}

const LEVEL_ORDER: readonly PodSecurityLevel[] = ['restricted', 'baseline', 'privileged']

/** The enforced namespaces grouped by level, strictest first (empty levels left out). */
export function levelGroups(plan: Plan): LevelGroup[] {
  const enforced = enforcedNamespaces(plan)
  return LEVEL_ORDER.map((level) => ({
    level,
    namespaces: enforced.filter((n) => n.level === level).map((n) => n.name),
  })).filter((g) => g.namespaces.length > 0)
}

/** The enforced namespaces a rule applies in, sorted. */
export function ruleNamespaces(plan: Plan, rule: PostureRule): string[] {
  return enforcedNamespaces(plan)
    .filter((n) => rule.levels === undefined || rule.levels.includes(n.level))
    .map((n) => n.name)
}
