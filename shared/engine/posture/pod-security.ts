// Pod security per workload: its namespace's level, the level its needs require, and whether it
// is an exception that runs in a labelled namespace of its own (never a cluster-wide downgrade).
import { DEFAULT_CONTAINER_CAPABILITIES } from '../../catalog/capabilities'
import type { Orchestrator } from '../../catalog/types'
import type { Design, PodSecurityLevel, Workload } from '../../model/schema'
import { assertNever } from '../../util/assert-never'

/** Capabilities the Baseline level allows to be added (Pod Security Standards, "Capabilities"). */
export const BASELINE_CAPABILITIES: readonly string[] = DEFAULT_CONTAINER_CAPABILITIES

/** The only capability the Restricted level allows to be added back after dropping ALL. */
export const RESTRICTED_CAPABILITIES: readonly string[] = ['NET_BIND_SERVICE']

const RANK: Record<PodSecurityLevel, number> = { restricted: 0, baseline: 1, privileged: 2 }

/** Capabilities that may be added under `level`; `undefined` means any. */
export function admittedCapabilities(level: PodSecurityLevel): readonly string[] | undefined {
  switch (level) {
    case 'restricted':
      return RESTRICTED_CAPABILITIES
    case 'baseline':
      return BASELINE_CAPABILITIES
    case 'privileged':
      return undefined
    default:
      return assertNever(level)
  }
}

/** The less strict of two levels. */
export function looser(a: PodSecurityLevel, b: PodSecurityLevel): PodSecurityLevel {
  return RANK[a] >= RANK[b] ? a : b
}

/** True when `a` is stricter than `b`. */
export function stricter(a: PodSecurityLevel, b: PodSecurityLevel): boolean {
  return RANK[a] < RANK[b]
}

/** One thing a workload needs beyond Restricted, in words, with the level that admits it. */
export interface HostNeed {
  readonly what: string
  readonly level: PodSecurityLevel
  /** Field path under the workload, e.g. `needs.hostNetwork`. */
  readonly field: string
}

/** Everything the workload asks for beyond the Restricted profile (PSS baseline/privileged controls). */
export function hostNeedsOf(w: Workload): HostNeed[] {
  const needs: HostNeed[] = []
  if (w.needs.privileged)
    needs.push({ what: 'privileged container', level: 'privileged', field: 'needs.privileged' })
  if (w.needs.hostNetwork)
    needs.push({ what: 'host network', level: 'privileged', field: 'needs.hostNetwork' })
  if (w.needs.hostPID)
    needs.push({ what: 'host PID namespace', level: 'privileged', field: 'needs.hostPID' })
  w.needs.hostPaths.forEach((h, i) =>
    needs.push({
      what: `host path ${h.path}${h.readOnly ? ' (read-only)' : ''}`,
      level: 'privileged',
      field: `needs.hostPaths[${i}]`,
    }),
  )
  if (w.os === 'linux') {
    w.needs.capabilities.forEach((cap, i) => {
      if (RESTRICTED_CAPABILITIES.includes(cap)) return
      needs.push({
        what: `capability ${cap}`,
        level: BASELINE_CAPABILITIES.includes(cap) ? 'baseline' : 'privileged',
        field: `needs.capabilities[${i}]`,
      })
    })
  }
  return needs
}

/** A workload's pod security as enforced. */
export interface PodSecurityPosture {
  /** The level of the workload's team namespace. */
  readonly namespaceLevel: PodSecurityLevel
  /** The least strict level its needs require. */
  readonly needsLevel: PodSecurityLevel
  /** The level of the namespace it actually runs in. */
  readonly level: PodSecurityLevel
  /** Its needs exceed its team's level: it runs in an exception namespace of its own. */
  readonly exception: boolean
  readonly hostNeeds: readonly HostNeed[]
  /** The orchestrator (or a policy plugin) enforces the level at admission; otherwise it is advice only. */
  readonly enforced: boolean
}

/** The pod security level of a team's namespaces. */
export function teamLevel(design: Design, team: string): PodSecurityLevel {
  return design.isolation.podSecurityByTeam[team] ?? design.isolation.podSecurity
}

/** Derives one workload's pod security posture. */
export function podSecurityOf(
  design: Design,
  orchestrator: Orchestrator,
  hasAdmissionPolicy: boolean,
  w: Workload,
): PodSecurityPosture {
  const namespaceLevel = teamLevel(design, w.team)
  const hostNeeds = hostNeedsOf(w)
  const needsLevel = hostNeeds.reduce<PodSecurityLevel>((l, n) => looser(l, n.level), 'restricted')
  const exception = stricter(namespaceLevel, needsLevel)
  return {
    namespaceLevel,
    needsLevel,
    level: looser(namespaceLevel, needsLevel),
    exception,
    hostNeeds,
    enforced: orchestrator.builtInPodSecurity !== 'none' || hasAdmissionPolicy,
  }
}
