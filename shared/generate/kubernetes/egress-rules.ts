// Egress to endpoints outside the cluster, split by what can express it: NetworkPolicy ipBlock rules
// (address blocks, or "anywhere public" when names cannot be matched) and Cilium toFQDNs selectors.
import { compare } from '../../util/declared-flows'
import { endpointHosts, PRIVATE_V4, PRIVATE_V6 } from './endpoints'
import type { Plan } from './plan'
import type { Endpoint } from '../../model/schema'
import type { JsonObject, WorkloadPlan } from './types'

/** The API-server ports a pod connects to after Service translation (443 on managed clusters, 6443 kubeadm). */
export const API_SERVER_PORTS: readonly number[] = [443, 6443]

/** An endpoint reached by DNS name that only an FQDN-capable CNI can match. */
export interface HostEgress {
  readonly endpoint: Endpoint
  readonly hosts: readonly string[]
  readonly path: string
}

/** A workload's endpoint egress: ipBlock rules, FQDN egress (Cilium) and names opened to any public address. */
export interface EgressSplit {
  readonly ipRules: readonly JsonObject[]
  readonly fqdn: readonly HostEgress[]
  /** Named endpoints the rules open to every public address because the CNI cannot match names. */
  readonly openedForNames: readonly HostEgress[]
}

export function tcpPorts(ports: readonly number[]): JsonObject[] {
  return [...ports].sort((a, b) => a - b).map((port) => ({ protocol: 'TCP', port }))
}

/** Every public address (IPv4 and IPv6), private, shared, link-local and loopback ranges excepted. */
export function publicPeers(): JsonObject[] {
  return [
    { ipBlock: { cidr: '0.0.0.0/0', except: [...PRIVATE_V4] } },
    { ipBlock: { cidr: '::/0', except: [...PRIVATE_V6] } },
  ]
}

/** Splits a workload's endpoint egress into the rules each mechanism carries. */
export function splitEgress(plan: Plan, w: WorkloadPlan): EgressSplit {
  const ipRules: JsonObject[] = []
  const fqdn: HostEgress[] = []
  const openedForNames: HostEgress[] = []
  for (const { endpoint, path } of w.egress) {
    const ports = tcpPorts(endpoint.ports)
    if (endpoint.kind === 'internet') {
      ipRules.push({ to: publicPeers(), ports })
      continue
    }
    if (endpoint.cidrs.length > 0)
      ipRules.push({
        to: [...endpoint.cidrs].sort(compare).map((cidr) => ({ ipBlock: { cidr } })),
        ports,
      })
    const hosts = endpointHosts(endpoint, plan.cloud)
    const named = hosts.length > 0 || endpoint.cidrs.length === 0
    if (!named) continue
    if (plan.cilium && hosts.length > 0) fqdn.push({ endpoint, hosts, path })
    else {
      ipRules.push({ to: publicPeers(), ports })
      openedForNames.push({ endpoint, hosts, path })
    }
  }
  return { ipRules: dedupe(ipRules), fqdn, openedForNames }
}

function dedupe(rules: JsonObject[]): JsonObject[] {
  const seen = new Set<string>()
  return rules.filter((r) => {
    const key = JSON.stringify(r)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
