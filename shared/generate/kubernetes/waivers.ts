// Checks the generated tree does not meet, each with the reason and what the operator should do; an
// exception workload gets its own waiver naming each need beyond Restricted and its justification.
import type { HostNeed } from '../../engine/posture/index'
import type { ControlChecks } from '../types'
import { justificationOf } from './namespaces'
import type { Plan } from './plan'
import type { WorkloadPlan } from './types'
import { WAIVER_RULES } from './waiver-rules'

/** A check deliberately not met (or a request the generator refused), for the README and the controls. */
export interface Waiver {
  /** `not-met`: the listed checks fail where it applies. `refused`: the design asked for something the
   * generator did not emit, so the listed checks still pass but the workload may lack what it needs. */
  readonly kind: 'not-met' | 'refused'
  readonly id: string
  readonly title: string
  /** Workloads concerned; empty when the waiver covers the whole tree. */
  readonly workloads: readonly string[]
  readonly where: readonly string[]
  readonly causedBy: string
  /** `not-met`: the checks that fail; `refused`: the checks the refusal keeps passing. */
  readonly checks: ControlChecks
  readonly reason: string
  readonly action: string
}

/** A waiver rule of the static table: when it applies, and what it says. */
export interface WaiverRule {
  readonly kind: Waiver['kind']
  readonly id: string
  readonly title: string
  readonly causedBy: string
  readonly checks: ControlChecks
  /** Workloads it applies to; an empty selection means the waiver is not needed. */
  readonly applies: (w: WorkloadPlan, plan: Plan) => boolean
  /** Files it covers per workload (the workload's file when absent). */
  readonly files?: (w: WorkloadPlan) => readonly string[]
  readonly reason: (plan: Plan) => string
  readonly action: string
}

/** The checks a need fails, with the linters' names for them. */
function needChecks(need: HostNeed): { pss: string[]; linters: string[] } {
  const field = need.field
  if (field === 'needs.privileged')
    return {
      pss: ['Baseline/Privileged Containers', 'Restricted/Privilege Escalation'],
      linters: [
        'kube-score/container-security-context-privileged',
        'polaris/runAsPrivileged',
        'kubesec/Privileged',
        'kube-linter/privileged-container',
        'polaris/privilegeEscalationAllowed',
        'kubesec/AllowPrivilegeEscalation',
        'kube-linter/privilege-escalation-container',
      ],
    }
  if (field === 'needs.hostNetwork')
    return {
      pss: ['Baseline/Host Namespaces'],
      linters: ['polaris/hostNetworkSet', 'kubesec/HostNetwork', 'kube-linter/host-network'],
    }
  if (field === 'needs.hostPID')
    return {
      pss: ['Baseline/Host Namespaces'],
      linters: ['polaris/hostPIDSet', 'kubesec/HostPID', 'kube-linter/host-pid'],
    }
  if (field.startsWith('needs.hostPaths'))
    return {
      pss: ['Baseline/HostPath Volumes', 'Restricted/Volume Types'],
      linters: ['kube-linter/sensitive-host-mounts'],
    }
  return {
    pss: need.level === 'privileged' ? ['Baseline/Capabilities'] : ['Restricted/Capabilities'],
    linters: [
      'polaris/dangerousCapabilities',
      'kubesec/CapSysAdmin',
      'kube-linter/drop-net-raw-capability',
      // kube-linter counts an added SYS_ADMIN as a way to escalate privileges.
      'kube-linter/privilege-escalation-container',
    ],
  }
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

/** The needs beyond Restricted the pod really gets (Windows gets host paths only; see the refusals). */
function emittedNeeds(w: WorkloadPlan): readonly HostNeed[] {
  return w.podSecurity.hostNeeds.filter(
    (n) => w.workload.os === 'linux' || n.field.startsWith('needs.hostPaths'),
  )
}

/**
 * The waiver for a workload whose pod gets needs beyond Restricted: each need and the level it takes,
 * and either the exception (its own namespace, with the justification) or the team level admitting it.
 */
function needsWaiver(plan: Plan, w: WorkloadPlan): Waiver | undefined {
  const needs = emittedNeeds(w)
  if (needs.length === 0) return undefined
  const checks = needs.map(needChecks)
  const listed = needs.map((n) => `${n.what} (\`${n.field}\`, ${n.level})`).join(', ')
  const ns = plan.namespaces.find((n) => n.name === w.namespace)
  const exception = w.podSecurity.exception
  return {
    kind: 'not-met',
    id: `K8S-WAIVER-${exception ? 'PSS-EXCEPTION' : 'TEAM-LEVEL'}-${w.workload.name.toUpperCase()}`,
    title: exception
      ? `Pod Security exception for ${w.workload.name}`
      : `Needs beyond Restricted admitted by ${w.workload.name}'s team level`,
    workloads: [w.workload.name],
    where: [w.file],
    causedBy: `workloads[${w.index}].needs`,
    checks: {
      pss: unique(checks.flatMap((c) => c.pss)),
      linters: unique(checks.flatMap((c) => c.linters)),
    },
    reason: exception
      ? `It needs ${listed}, beyond its team's "${w.podSecurity.namespaceLevel}" level. Justification: ${ns === undefined ? 'none given in the design' : justificationOf(ns)}. It runs alone in namespace \`${w.namespace}\`, labelled "${w.podSecurity.level}" and exempt from the policy engine; no other namespace is downgraded, and its pod gets exactly these needs on top of the hardened context.`
      : `It needs ${listed}, which its team's namespace \`${w.namespace}\` admits at level "${w.podSecurity.level}" (\`isolation.podSecurityByTeam\`), so it is no exception; its pod gets exactly these needs on top of the hardened context.`,
    action: exception
      ? 'Narrow the needs to the least the workload can do with (a read-only host path instead of privileged mode, one capability instead of several), keep its image pinned and watched, and review the justification with every change.'
      : "Narrow the needs, or tighten the team's level and let the workload become an exception with a justification of its own.",
  }
}

/** The waivers a plan needs, in a fixed order, each listing the workloads and files it covers. */
export function waiversFor(plan: Plan): Waiver[] {
  const fromRules = WAIVER_RULES.flatMap((rule): Waiver[] => {
    const concerned = plan.workloads.filter((w) => rule.applies(w, plan))
    if (concerned.length === 0) return []
    return [
      {
        kind: rule.kind,
        id: rule.id,
        title: rule.title,
        workloads: concerned.map((w) => w.workload.name),
        where: [...new Set(concerned.flatMap((w) => rule.files?.(w) ?? [w.file]))],
        causedBy: rule.causedBy,
        checks: rule.checks,
        reason: rule.reason(plan),
        action: rule.action,
      },
    ]
  })
  const needs = plan.workloads
    .map((w) => needsWaiver(plan, w))
    .filter((x): x is Waiver => x !== undefined)
  return [...fromRules, ...needs]
}
