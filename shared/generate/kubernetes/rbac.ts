// Least-privilege RBAC for a workload that declared orchestrator API access: exactly the declared
// API groups, resources and verbs, namespace-scoped (Role) or cluster-wide (ClusterRole).
import type { ApiAccessRule, Design } from '../../model/schema'
import { workloadLabels } from './labels'
import { clusterRoleName } from './names'
import type { JsonObject, Manifest, WorkloadPlan } from './types'

function rules(declared: readonly ApiAccessRule[]): JsonObject[] {
  return declared.map((r) => ({
    apiGroups: [...r.apiGroups],
    resources: [...r.resources],
    verbs: [...r.verbs],
  }))
}

function subject(plan: WorkloadPlan): JsonObject {
  return { kind: 'ServiceAccount', name: plan.workload.name, namespace: plan.namespace }
}

/** Role + RoleBinding for namespace-scoped rules, ClusterRole + ClusterRoleBinding for cluster ones. */
export function rbacManifests(design: Design, plan: WorkloadPlan): Manifest[] {
  const { namespaceRules, clusterRules } = plan.identity
  const labels = workloadLabels(design, plan.workload)
  const name = plan.workload.name
  const out: Manifest[] = []
  if (namespaceRules.length > 0) {
    out.push(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name, namespace: plan.namespace, labels },
        rules: rules(namespaceRules),
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name, namespace: plan.namespace, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: [subject(plan)],
      },
    )
  }
  if (clusterRules.length > 0) {
    const clusterName = clusterRoleName(design, plan.workload)
    out.push(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: clusterName, labels },
        rules: rules(clusterRules),
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: clusterName, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterName },
        subjects: [subject(plan)],
      },
    )
  }
  return out
}
