// Default-deny NetworkPolicies per namespace, then exactly the declared flows, DNS, egress to the
// declared endpoints, ingress from the internet for public workloads, and the API server for workloads
// that call it.
import type { DeclaredFlow } from '../../util/declared-flows'
import { API_SERVER_PORTS, splitEgress, tcpPorts } from './egress-rules'
import { designLabels, selectorLabels, workloadLabels } from './labels'
import { apiServerPolicyName, ingressControllerPolicyName, networkPolicyFile } from './names'
import type { Plan } from './plan'
import type { JsonObject, Manifest, ManifestFile, WorkloadPlan } from './types'
import { VALUE_DEFAULTS } from './values'

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'

/** One file per namespace, or none at all when the design keeps the network flat (`allow-all`). */
export function networkPolicyManifests(plan: Plan): ManifestFile[] {
  if (plan.design.isolation.network !== 'default-deny') return []
  const byName = new Map(plan.workloads.map((w) => [w.workload.name, w]))
  return plan.namespaces.map(({ name: namespace }) => {
    const local = plan.workloads.filter((w) => w.namespace === namespace)
    const perWorkload = local.flatMap((w) => [
      ingressPolicy(plan, w, byName),
      ingressControllerPolicy(plan, w),
      egressPolicy(plan, w, byName),
      apiServerPolicy(plan, w),
    ])
    return {
      path: networkPolicyFile(namespace),
      objects: [
        defaultDeny(plan, namespace),
        dnsEgress(plan, namespace),
        ...perWorkload.filter((p): p is Manifest => p !== undefined),
      ],
    }
  })
}

function policy(namespace: string, name: string, labels: JsonObject, spec: JsonObject): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels },
    spec,
  }
}

function workloadPolicy(
  plan: Plan,
  w: WorkloadPlan,
  name: string,
  type: 'Ingress' | 'Egress',
  rules: readonly JsonObject[],
): Manifest {
  return policy(w.namespace, name, workloadLabels(plan.design, w.workload), {
    podSelector: { matchLabels: selectorLabels(plan.design, w.workload) },
    policyTypes: [type],
    [type === 'Ingress' ? 'ingress' : 'egress']: [...rules],
  })
}

// Selects every pod and lists both types with no rules: nothing in or out until another policy allows it.
function defaultDeny(plan: Plan, namespace: string): Manifest {
  return policy(namespace, 'default-deny', designLabels(plan.design), {
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
  })
}

function dnsEgress(plan: Plan, namespace: string): Manifest {
  const dns = plan.platform.dns
  return policy(namespace, 'allow-dns-egress', designLabels(plan.design), {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [
          {
            namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: dns.namespace } },
            podSelector: { matchLabels: dns.podLabels },
          },
        ],
        ports: [
          { protocol: 'UDP', port: dns.port },
          { protocol: 'TCP', port: dns.port },
        ],
      },
    ],
  })
}

/** The peer that selects `target`'s pods, as seen from a policy in `fromNamespace`. */
function peer(plan: Plan, fromNamespace: string, target: WorkloadPlan): JsonObject {
  const podSelector = { matchLabels: selectorLabels(plan.design, target.workload) }
  if (target.namespace === fromNamespace) return { podSelector }
  return {
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: target.namespace } },
    podSelector,
  }
}

function ingressPolicy(
  plan: Plan,
  target: WorkloadPlan,
  byName: ReadonlyMap<string, WorkloadPlan>,
): Manifest | undefined {
  const ports = tcpPorts(target.workload.ports)
  const rules: JsonObject[] = incoming(plan, target).flatMap((flow) => {
    const source = byName.get(flow.from)
    return source === undefined ? [] : [{ from: [peer(plan, target.namespace, source)], ports }]
  })
  // Behind a cloud load balancer the client addresses arrive unchanged (externalTrafficPolicy: Local).
  if (target.publicIngress === 'load-balancer')
    rules.push({
      from: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }],
      ports,
    })
  if (rules.length === 0) return undefined
  return workloadPolicy(plan, target, `${target.workload.name}-ingress`, 'Ingress', rules)
}

// Its own policy with one peer, so kustomize can set the controller's namespace at a fixed path.
function ingressControllerPolicy(plan: Plan, target: WorkloadPlan): Manifest | undefined {
  if (target.publicIngress !== 'ingress-controller') return undefined
  return workloadPolicy(plan, target, ingressControllerPolicyName(target.workload), 'Ingress', [
    {
      from: [
        {
          namespaceSelector: {
            matchLabels: { [NAMESPACE_NAME_LABEL]: VALUE_DEFAULTS.ingressControllerNamespace },
          },
        },
      ],
      ports: tcpPorts(target.workload.ports),
    },
  ])
}

function egressPolicy(
  plan: Plan,
  source: WorkloadPlan,
  byName: ReadonlyMap<string, WorkloadPlan>,
): Manifest | undefined {
  const rules: JsonObject[] = outgoing(plan, source).flatMap((flow) => {
    const target = byName.get(flow.to)
    return target === undefined
      ? []
      : [{ to: [peer(plan, source.namespace, target)], ports: tcpPorts(target.workload.ports) }]
  })
  rules.push(...splitEgress(plan, source).ipRules)
  if (rules.length === 0) return undefined
  return workloadPolicy(plan, source, `${source.workload.name}-egress`, 'Egress', rules)
}

// Without Cilium's kube-apiserver entity the API server is an address the operator supplies (values).
function apiServerPolicy(plan: Plan, source: WorkloadPlan): Manifest | undefined {
  if (plan.cilium || source.apiServerEgress.length === 0) return undefined
  return workloadPolicy(plan, source, apiServerPolicyName(source.workload), 'Egress', [
    {
      to: [{ ipBlock: { cidr: VALUE_DEFAULTS.apiServerCIDR } }],
      ports: tcpPorts(API_SERVER_PORTS),
    },
  ])
}

// Flows indexed once per plan: filtering plan.flows per workload made 5,000 workloads take seconds.
const flowIndex = new WeakMap<
  Plan,
  { readonly from: Map<string, DeclaredFlow[]>; readonly to: Map<string, DeclaredFlow[]> }
>()

function flowsOf(plan: Plan) {
  let index = flowIndex.get(plan)
  if (index === undefined) {
    index = { from: new Map(), to: new Map() }
    for (const flow of plan.flows) {
      index.from.set(flow.from, [...(index.from.get(flow.from) ?? []), flow])
      index.to.set(flow.to, [...(index.to.get(flow.to) ?? []), flow])
    }
    flowIndex.set(plan, index)
  }
  return index
}

function incoming(plan: Plan, target: WorkloadPlan): readonly DeclaredFlow[] {
  return flowsOf(plan).to.get(target.workload.name) ?? []
}

function outgoing(plan: Plan, source: WorkloadPlan): readonly DeclaredFlow[] {
  return flowsOf(plan).from.get(source.workload.name) ?? []
}
