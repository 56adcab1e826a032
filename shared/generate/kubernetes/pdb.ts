// PodDisruptionBudgets keep replicated workloads serving while nodes are drained.
import type { Design } from '../../model/schema'
import { selectorLabels, workloadLabels } from './labels'
import type { Manifest, WorkloadPlan } from './types'

/** A PDB allowing one pod at a time to be evicted, for workloads with more than one replica. */
export function podDisruptionBudget(design: Design, plan: WorkloadPlan): Manifest | undefined {
  if (plan.workload.replicas <= 1) return undefined
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name: plan.workload.name,
      namespace: plan.namespace,
      labels: workloadLabels(design, plan.workload),
    },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: selectorLabels(design, plan.workload) },
      // Pods that never became ready may always be evicted, so they cannot block a node drain.
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  }
}
