// Each workload's identity: whether its token is mounted, the RBAC rules it declared, and the
// platform's workload-identity binding for its cloud role.
import type { Workload } from '../../model/schema'
import type { KubernetesPlatform } from './platform'
import type { IdentityPlan } from './types'

/** The identity plan for a workload: the token only with declared API access, exactly its rules. */
export function identityPlan(platform: KubernetesPlatform, workload: Workload): IdentityPlan {
  const rules = workload.identity.orchestratorApi
  const cloudRole = workload.identity.cloudRole
  const binding = platform.workloadIdentity
  const bound = cloudRole !== undefined && binding !== undefined
  return {
    automountToken: rules.length > 0,
    namespaceRules: rules.filter((r) => r.scope === 'namespace'),
    clusterRules: rules.filter((r) => r.scope === 'cluster'),
    serviceAccountAnnotations: bound ? { [binding.annotation]: cloudRole } : {},
    podLabels: bound ? binding.podLabels : {},
    unboundCloudRole: bound ? undefined : cloudRole,
  }
}
