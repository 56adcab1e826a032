// An Ingress (networking.k8s.io/v1) for each public workload when the internet endpoint brings traffic
// in through an ingress controller.
import type { Design } from '../../model/schema'
import { workloadLabels } from './labels'
import type { Manifest, WorkloadPlan } from './types'

/** The host an Ingress rule answers for until the operator sets the real one (reserved `.example`). */
export function placeholderHost(design: Design, plan: WorkloadPlan): string {
  return `${plan.workload.name}.${design.metadata.name}.example`
}

/**
 * The Ingress routing the placeholder host to the workload's Service on its first port. No
 * `ingressClassName`: the cluster's default IngressClass serves it (set one to pick another controller).
 */
export function ingress(design: Design, plan: WorkloadPlan): Manifest | undefined {
  const port = plan.workload.ports[0]
  if (plan.publicIngress !== 'ingress-controller' || plan.serviceName === undefined)
    return undefined
  if (port === undefined) return undefined
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: plan.workload.name,
      namespace: plan.namespace,
      labels: workloadLabels(design, plan.workload),
    },
    spec: {
      rules: [
        {
          host: placeholderHost(design, plan),
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: plan.serviceName, port: { number: port } } },
              },
            ],
          },
        },
      ],
    },
  }
}
