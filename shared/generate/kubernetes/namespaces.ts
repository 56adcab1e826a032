// Namespaces with Pod Security Admission labels at the level the posture gives them; an exception
// namespace holds one workload and says which needs and justification put it there.
import { PSA_VERSION } from './defaults'
import { designLabels } from './labels'
import { NAMESPACES_FILE } from './names'
import type { Plan } from './plan'
import type { Manifest, ManifestFile, NamespacePlan } from './types'

/** Annotations on an exception namespace: who it is for, what it needs, and why. */
export const EXCEPTION_ANNOTATIONS = {
  workload: 'stackwright.dev/pod-security-exception-for',
  needs: 'stackwright.dev/pod-security-needs',
  justification: 'stackwright.dev/pod-security-justification',
} as const

/** The Pod Security Admission labels for a level: enforce pinned, audit and warn at `latest`. */
export function podSecurityLabels(level: string): Record<string, string> {
  return {
    'pod-security.kubernetes.io/enforce': level,
    'pod-security.kubernetes.io/enforce-version': PSA_VERSION.enforce,
    'pod-security.kubernetes.io/audit': level,
    'pod-security.kubernetes.io/audit-version': PSA_VERSION.audit,
    'pod-security.kubernetes.io/warn': level,
    'pod-security.kubernetes.io/warn-version': PSA_VERSION.warn,
  }
}

/** The justification as written, or a statement that the design gives none. */
export function justificationOf(ns: NamespacePlan): string {
  return ns.exceptionFor?.workload.needs.justification ?? 'none given in the design'
}

function namespace(plan: Plan, ns: NamespacePlan): Manifest {
  const exception = ns.exceptionFor
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ns.name,
      labels: {
        ...designLabels(plan.design),
        ...podSecurityLabels(ns.level),
        ...plan.platform.namespaceLabels,
      },
      ...(exception === undefined
        ? {}
        : {
            annotations: {
              [EXCEPTION_ANNOTATIONS.workload]: exception.workload.name,
              [EXCEPTION_ANNOTATIONS.needs]: exception.podSecurity.hostNeeds
                .map((n) => n.what)
                .join(', '),
              [EXCEPTION_ANNOTATIONS.justification]: justificationOf(ns),
            },
          }),
    },
  }
}

/** One Namespace object per namespace the plan uses, in one file. */
export function namespaceManifests(plan: Plan): ManifestFile {
  return { path: NAMESPACES_FILE, objects: plan.namespaces.map((ns) => namespace(plan, ns)) }
}
