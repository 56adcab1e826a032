// One ServiceAccount per workload, so no pod shares an identity or runs as `default`.
import type { Design } from '../../model/schema'
import { workloadLabels } from './labels'
import type { Manifest, WorkloadPlan } from './types'

/** The workload's ServiceAccount: token mounted only with declared API access, cloud role bound. */
export function serviceAccount(design: Design, plan: WorkloadPlan): Manifest {
  const annotations = plan.identity.serviceAccountAnnotations
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: plan.workload.name,
      namespace: plan.namespace,
      labels: workloadLabels(design, plan.workload),
      ...(Object.keys(annotations).length > 0 ? { annotations: { ...annotations } } : {}),
    },
    automountServiceAccountToken: plan.identity.automountToken,
  }
}
