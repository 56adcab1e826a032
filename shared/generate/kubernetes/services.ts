// A ClusterIP Service per workload with ports; stateful workloads get a headless one for stable pod names.
import type { Design } from '../../model/schema'
import { selectorLabels, workloadLabels } from './labels'
import { portName } from './names'
import type { Manifest, WorkloadPlan } from './types'

/** The workload's Service, or undefined when it has neither ports nor a StatefulSet to govern. */
export function service(design: Design, plan: WorkloadPlan): Manifest | undefined {
  if (plan.serviceName === undefined) return undefined
  const { workload } = plan
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: plan.serviceName,
      namespace: plan.namespace,
      labels: workloadLabels(design, workload),
    },
    spec: {
      type: 'ClusterIP',
      ...(plan.controller === 'StatefulSet' ? { clusterIP: 'None' } : {}),
      selector: selectorLabels(design, workload),
      ...(workload.ports.length > 0
        ? {
            ports: workload.ports.map((port) => ({
              name: portName(port),
              port,
              targetPort: portName(port),
              protocol: 'TCP',
            })),
          }
        : {}),
    },
  }
}
