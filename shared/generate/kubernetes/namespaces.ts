// Namespaces with Pod Security Admission labels: the isolation boundary the design chose.
import { PSA_VERSION } from './defaults'
import { designLabels } from './labels'
import { NAMESPACES_FILE } from './names'
import type { Plan } from './plan'
import type { Manifest, ManifestFile } from './types'

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

/** One Namespace object per namespace the plan uses, in one file. */
export function namespaceManifests(plan: Plan): ManifestFile {
  const objects = plan.namespaces.map((name): Manifest => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        ...designLabels(plan.design),
        ...podSecurityLabels(plan.design.isolation.podSecurity),
        ...plan.platform.namespaceLabels,
      },
    },
  }))
  return { path: NAMESPACES_FILE, objects }
}
