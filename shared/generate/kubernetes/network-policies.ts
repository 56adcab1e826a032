// Default-deny NetworkPolicies per namespace, then exactly the declared flows, DNS and public ingress.
import type { DeclaredFlow } from '../../util/declared-flows'
import { designLabels, selectorLabels, workloadLabels } from './labels'
import { networkPolicyFile } from './names'
import type { Plan } from './plan'
import type { JsonObject, Manifest, ManifestFile, WorkloadPlan } from './types'

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'

/** One file per namespace, or none at all when the design keeps the network flat (`allow-all`). */
export function networkPolicyManifests(plan: Plan): ManifestFile[] {
  if (plan.design.isolation.network !== 'default-deny') return []
  const byName = new Map(plan.workloads.map((w) => [w.workload.name, w]))
  return plan.namespaces.map((namespace) => {
    const local = plan.workloads.filter((w) => w.namespace === namespace)
    const perWorkload = local.flatMap((w) => [
      ingressPolicy(plan, w, byName),
      egressPolicy(plan, w, byName),
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

function tcpPorts(target: WorkloadPlan): JsonObject[] {
  return target.workload.ports.map((port) => ({ protocol: 'TCP', port }))
}

function ingressPolicy(
  plan: Plan,
  target: WorkloadPlan,
  byName: ReadonlyMap<string, WorkloadPlan>,
): Manifest | undefined {
  const rules: JsonObject[] = incoming(plan, target).flatMap((flow) => {
    const source = byName.get(flow.from)
    return source === undefined
      ? []
      : [{ from: [peer(plan, target.namespace, source)], ports: tcpPorts(target) }]
  })
  // A rule with ports and no `from` admits any source, inside or outside the cluster.
  if (target.workload.exposure === 'public' && target.workload.ports.length > 0)
    rules.push({ ports: tcpPorts(target) })
  if (rules.length === 0) return undefined
  return policy(
    target.namespace,
    `${target.workload.name}-ingress`,
    workloadLabels(plan.design, target.workload),
    {
      podSelector: { matchLabels: selectorLabels(plan.design, target.workload) },
      policyTypes: ['Ingress'],
      ingress: rules,
    },
  )
}

function egressPolicy(
  plan: Plan,
  source: WorkloadPlan,
  byName: ReadonlyMap<string, WorkloadPlan>,
): Manifest | undefined {
  const rules = outgoing(plan, source).flatMap((flow) => {
    const target = byName.get(flow.to)
    return target === undefined
      ? []
      : [{ to: [peer(plan, source.namespace, target)], ports: tcpPorts(target) }]
  })
  if (rules.length === 0) return undefined
  return policy(
    source.namespace,
    `${source.workload.name}-egress`,
    workloadLabels(plan.design, source.workload),
    {
      podSelector: { matchLabels: selectorLabels(plan.design, source.workload) },
      policyTypes: ['Egress'],
      egress: rules,
    },
  )
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
