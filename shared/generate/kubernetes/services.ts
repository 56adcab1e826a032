// A ClusterIP Service per workload with ports; stateful workloads get a headless one for stable pod
// names. A public workload behind a load balancer gets a LoadBalancer Service.
import type { Design } from '../../model/schema'
import { boundedName } from '../../util/unique-names'
import { selectorLabels, workloadLabels } from './labels'
import { portName } from './names'
import type { JsonObject, Manifest, WorkloadPlan } from './types'

function ports(plan: WorkloadPlan): JsonObject {
  const declared = plan.workload.ports
  if (declared.length === 0) return {}
  return {
    ports: declared.map((port) => ({
      name: portName(port),
      port,
      targetPort: portName(port),
      protocol: 'TCP',
    })),
  }
}

function serviceObject(
  design: Design,
  plan: WorkloadPlan,
  name: string,
  spec: JsonObject,
): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: plan.namespace, labels: workloadLabels(design, plan.workload) },
    spec: { ...spec, selector: selectorLabels(design, plan.workload), ...ports(plan) },
  }
}

// `Local` keeps the client's source address, so the NetworkPolicy that admits internet addresses sees it
// (with `Cluster` the node would masquerade it to a cluster address).
const LOAD_BALANCER: JsonObject = { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }

/** The name of the LoadBalancer Service a stateful public workload gets beside its headless one. */
export function loadBalancerServiceName(plan: WorkloadPlan): string | undefined {
  if (plan.publicIngress !== 'load-balancer' || plan.serviceName === undefined) return undefined
  return plan.controller === 'StatefulSet'
    ? boundedName(`${plan.serviceName}-public`, 63)
    : plan.serviceName
}

/** The workload's Services: none without ports or a StatefulSet, plus a LoadBalancer for public ones. */
export function services(design: Design, plan: WorkloadPlan): Manifest[] {
  if (plan.serviceName === undefined) return []
  const lb = loadBalancerServiceName(plan)
  if (plan.controller === 'StatefulSet') {
    const headless = serviceObject(design, plan, plan.serviceName, {
      type: 'ClusterIP',
      clusterIP: 'None',
    })
    return lb === undefined
      ? [headless]
      : [headless, serviceObject(design, plan, lb, LOAD_BALANCER)]
  }
  return [
    serviceObject(
      design,
      plan,
      plan.serviceName,
      lb === undefined ? { type: 'ClusterIP' } : LOAD_BALANCER,
    ),
  ]
}
