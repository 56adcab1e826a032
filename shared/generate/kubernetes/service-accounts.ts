// One ServiceAccount per workload, so no pod shares an identity or runs as `default`.
import type { Design } from '../../model/schema'
import { workloadLabels } from './labels'
import type { Manifest, WorkloadPlan } from './types'

/** The workload's ServiceAccount; its token is mounted only when the workload calls the API. */
export function serviceAccount(design: Design, plan: WorkloadPlan): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: plan.workload.name,
      namespace: plan.namespace,
      labels: workloadLabels(design, plan.workload),
    },
    automountServiceAccountToken: plan.workload.needs.apiAccess,
  }
}
