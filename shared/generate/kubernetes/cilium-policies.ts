// CiliumNetworkPolicies (cilium.io/v2) for what NetworkPolicy cannot say: egress to DNS names
// (`toFQDNs`) and to the API server (`toEntities: kube-apiserver`). Cilium adds their allows to the
// NetworkPolicies' (the namespace's default deny still applies).
//
// Per the Cilium policy language docs (checked 2026-12): Cilium learns a name's addresses by
// intercepting DNS responses in its DNS proxy, which needs an L7 DNS rule on the DNS traffic; `**.`
// matches any number of labels (Cilium 1.19+; earlier releases read it as one label, like `*.`);
// and egress to the `kube-apiserver` entity works on managed clusters (AKS, GKE) too.
import { API_SERVER_PORTS, splitEgress } from './egress-rules'
import { fqdnSelector } from './endpoints'
import { selectorLabels, workloadLabels } from './labels'
import { ciliumPolicyFile } from './names'
import type { Plan } from './plan'
import type { JsonObject, Manifest, ManifestFile, WorkloadPlan } from './types'

function ciliumPorts(ports: readonly number[], protocol: 'TCP' | 'ANY'): JsonObject[] {
  return [...ports].sort((a, b) => a - b).map((port) => ({ port: String(port), protocol }))
}

/** DNS to the cluster DNS pods through Cilium's DNS proxy, so it learns the addresses names resolve to. */
function dnsProxyRule(plan: Plan): JsonObject {
  const dns = plan.platform.dns
  const podLabels = Object.fromEntries(
    Object.entries(dns.podLabels).map(([k, v]) => [`k8s:${k}`, v]),
  )
  return {
    toEndpoints: [
      { matchLabels: { 'k8s:io.kubernetes.pod.namespace': dns.namespace, ...podLabels } },
    ],
    toPorts: [
      {
        ports: ciliumPorts([dns.port], 'ANY'),
        // Every name may be looked up (cluster Services too); only the toFQDNs names are then reachable.
        rules: { dns: [{ matchPattern: '*' }] },
      },
    ],
  }
}

/** The workload's CiliumNetworkPolicy, when it reaches DNS names or the API server. */
export function ciliumEgressPolicy(plan: Plan, w: WorkloadPlan): Manifest | undefined {
  if (!plan.cilium || plan.design.isolation.network !== 'default-deny') return undefined
  const fqdn = splitEgress(plan, w).fqdn
  const api = w.apiServerEgress.length > 0
  if (fqdn.length === 0 && !api) return undefined
  const egress: JsonObject[] = [
    ...(fqdn.length > 0 ? [dnsProxyRule(plan)] : []),
    ...fqdn.map((f) => ({
      toFQDNs: f.hosts.map(fqdnSelector),
      toPorts: [{ ports: ciliumPorts(f.endpoint.ports, 'TCP') }],
    })),
    ...(api
      ? [
          {
            toEntities: ['kube-apiserver'],
            toPorts: [{ ports: ciliumPorts(API_SERVER_PORTS, 'TCP') }],
          },
        ]
      : []),
  ]
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: {
      name: `${w.workload.name}-egress`,
      namespace: w.namespace,
      labels: workloadLabels(plan.design, w.workload),
    },
    spec: {
      endpointSelector: { matchLabels: selectorLabels(plan.design, w.workload) },
      egress,
    },
  }
}

/** One file per namespace holding its CiliumNetworkPolicies (none when nothing needs them). */
export function ciliumPolicyManifests(plan: Plan): ManifestFile[] {
  return plan.namespaces.flatMap(({ name }) => {
    const objects = plan.workloads
      .filter((w) => w.namespace === name)
      .map((w) => ciliumEgressPolicy(plan, w))
      .filter((o): o is Manifest => o !== undefined)
    return objects.length === 0 ? [] : [{ path: ciliumPolicyFile(name), objects }]
  })
}
