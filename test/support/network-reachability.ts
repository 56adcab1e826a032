// NetworkPolicy evaluation (networking.k8s.io/v1 semantics) over a model of the generated cluster.
// A pod is isolated for ingress (egress) when any policy in its namespace selects it and lists that
// policy type; an isolated pod accepts (sends) only what some selecting policy's rule allows. A
// connection needs both the source's egress and the destination's ingress to allow it. Peers: podSelector
// alone means pods in the policy's namespace; namespaceSelector alone means all pods in matching
// namespaces; both means matching pods in matching namespaces; an absent or empty `from`/`to` means every
// source/destination, in the cluster or outside it; ipBlock peers match only endpoints outside the cluster
// (pod-IP matching is implementation-defined). An absent or empty `ports` means every port; a port entry
// defaults to TCP, may be named (resolved on the destination pod) and may use endPort.
//
// CiliumNetworkPolicy (cilium.io/v2) egress is modelled too, as Cilium enforces it beside NetworkPolicy:
// a pod selected by either kind for a direction is isolated, and a connection is allowed when any rule of
// either kind allows it. toEndpoints selects pods (`k8s:` label prefixes, `io.kubernetes.pod.namespace`
// for the namespace, the policy's namespace otherwise); toFQDNs matches an outside endpoint's DNS name
// (`*` one label, `**.` one or more, `*` alone every name); toEntities `kube-apiserver` matches the API
// server endpoint and `world` every outside endpoint; toPorts ports are strings, protocol ANY by default.
import { arr, at, isObj, kindOf, labelsOf, namespaceOf, str, type Obj } from './k8s-manifests'
import { selectorMatches } from './label-selector'

export type Protocol = 'TCP' | 'UDP' | 'SCTP'

export interface Endpoint {
  /** Workload name, or a test-chosen id for system pods and external addresses. */
  readonly id: string
  /** Namespace, or undefined for an address outside the cluster. */
  readonly namespace: string | undefined
  readonly labels: Readonly<Record<string, string>>
  readonly ports: readonly {
    readonly name?: string
    readonly port: number
    readonly protocol: Protocol
  }[]
  /** IPv4 address, for endpoints outside the cluster. */
  readonly ip?: string
  /** The DNS name an outside endpoint is reached by (matched by Cilium toFQDNs). */
  readonly dnsName?: string
  /** A Cilium entity the endpoint is (the API server). */
  readonly entity?: 'kube-apiserver'
}

export interface ClusterModel {
  readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>
  readonly endpoints: readonly Endpoint[]
  readonly policies: readonly Obj[]
}

/** Builds the model from generated objects plus extra namespaces and endpoints the test adds. */
export function buildClusterModel(
  objects: readonly Obj[],
  extra: { namespaces?: readonly string[]; endpoints?: readonly Endpoint[] } = {},
): ClusterModel {
  const namespaceLabels = new Map<string, Record<string, string>>()
  const addNamespace = (name: string, labels: Record<string, string> = {}): void => {
    namespaceLabels.set(name, { ...labels, 'kubernetes.io/metadata.name': name })
  }
  for (const ns of extra.namespaces ?? []) addNamespace(ns)
  for (const o of objects)
    if (kindOf(o) === 'Namespace')
      addNamespace(String(at(o, 'metadata', 'name')), labelsOf(at(o, 'metadata', 'labels')))
  const workloads = objects
    .filter((o) => isObj(at(o, 'spec', 'template', 'spec')))
    .map((o): Endpoint => ({
      id: String(at(o, 'metadata', 'name')),
      namespace: namespaceOf(o),
      labels: labelsOf(at(o, 'spec', 'template', 'metadata', 'labels')),
      ports: arr(at(o, 'spec', 'template', 'spec', 'containers')).flatMap((c) =>
        arr(at(c, 'ports')).map((p) => ({
          ...(str(at(p, 'name')) === undefined ? {} : { name: str(at(p, 'name')) }),
          port: Number(at(p, 'containerPort')),
          protocol: (str(at(p, 'protocol')) ?? 'TCP') as Protocol,
        })),
      ),
    }))
  return {
    namespaceLabels,
    endpoints: [...workloads, ...(extra.endpoints ?? [])],
    policies: objects.filter(
      (o) => kindOf(o) === 'NetworkPolicy' || kindOf(o) === 'CiliumNetworkPolicy',
    ),
  }
}

const cilium = (p: Obj): boolean => kindOf(p) === 'CiliumNetworkPolicy'

/** A Cilium label selector over a pod: `k8s:` prefixes dropped, the namespace as a label. */
function ciliumSelects(selector: unknown, pod: Endpoint): boolean {
  if (pod.namespace === undefined) return false
  const strip = (k: string): string => (k.startsWith('k8s:') ? k.slice(4) : k)
  const labels: Record<string, string> = {
    ...pod.labels,
    'io.kubernetes.pod.namespace': pod.namespace,
  }
  const normalised = {
    matchLabels: Object.fromEntries(
      Object.entries(labelsOf(at(selector, 'matchLabels'))).map(([k, v]) => [strip(k), v]),
    ),
  }
  return selectorMatches(normalised, labels)
}

function fqdnMatches(selector: unknown, name: string | undefined): boolean {
  if (name === undefined) return false
  const exact = str(at(selector, 'matchName'))
  if (exact !== undefined) return exact === name
  const pattern = str(at(selector, 'matchPattern')) ?? ''
  if (pattern === '*') return true
  const escape = (t: string): string => t.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  const body = pattern.startsWith('**.')
    ? `([a-z0-9-]+\\.)+${escape(pattern.slice(3)).replace(/\*/g, '[a-z0-9-]*')}`
    : escape(pattern).replace(/\*/g, '[a-z0-9-]*')
  return new RegExp(`^${body}$`).test(name)
}

function ciliumPortMatches(toPorts: unknown, port: number, protocol: Protocol): boolean {
  const entries = arr(toPorts).flatMap((tp) => arr(at(tp, 'ports')))
  if (arr(toPorts).length === 0) return true
  return entries.some((e) => {
    const proto = str(at(e, 'protocol')) ?? 'ANY'
    return Number(at(e, 'port')) === port && (proto === 'ANY' || proto === protocol)
  })
}

function ciliumEgressAllows(
  policy: Obj,
  rule: unknown,
  dst: Endpoint,
  port: number,
  protocol: Protocol,
): boolean {
  const peerOk = (() => {
    const endpoints = arr(at(rule, 'toEndpoints'))
    const fqdns = arr(at(rule, 'toFQDNs'))
    const entities = arr(at(rule, 'toEntities')).map(String)
    if (endpoints.length + fqdns.length + entities.length === 0) return true
    if (
      endpoints.some((sel) => {
        const hasNs = Object.keys(labelsOf(at(sel, 'matchLabels'))).some((k) =>
          k.endsWith('io.kubernetes.pod.namespace'),
        )
        return (hasNs || dst.namespace === namespaceOf(policy)) && ciliumSelects(sel, dst)
      })
    )
      return true
    if (dst.namespace === undefined && fqdns.some((f) => fqdnMatches(f, dst.dnsName))) return true
    if (entities.includes('kube-apiserver') && dst.entity === 'kube-apiserver') return true
    return entities.includes('world') && dst.namespace === undefined && dst.entity === undefined
  })()
  return peerOk && ciliumPortMatches(at(rule, 'toPorts'), port, protocol)
}

function policyTypes(policy: Obj): string[] {
  const declared = arr(at(policy, 'spec', 'policyTypes')).map(String)
  if (declared.length > 0) return declared
  return at(policy, 'spec', 'egress') === undefined ? ['Ingress'] : ['Ingress', 'Egress']
}

function selecting(model: ClusterModel, pod: Endpoint, type: 'Ingress' | 'Egress'): Obj[] {
  if (pod.namespace === undefined) return []
  return model.policies.filter((p) => {
    if (namespaceOf(p) !== pod.namespace) return false
    if (cilium(p)) {
      if (at(p, 'spec', type === 'Ingress' ? 'ingress' : 'egress') === undefined) return false
      if (type === 'Ingress') throw new Error('Cilium ingress rules are not modelled')
      return ciliumSelects(at(p, 'spec', 'endpointSelector'), pod)
    }
    return (
      policyTypes(p).includes(type) && selectorMatches(at(p, 'spec', 'podSelector'), pod.labels)
    )
  })
}

/** IPv4 membership; an IPv6 block never contains an IPv4 address (and the model has no IPv6 endpoints). */
function ipInCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/')
  if (base.includes(':') || ip.includes(':')) return base.includes(':') && ip.includes(':')
  const toInt = (a: string): number => a.split('.').reduce((n, part) => n * 256 + Number(part), 0)
  const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0
  return (toInt(ip) & mask) >>> 0 === (toInt(base) & mask) >>> 0
}

function peerMatches(
  model: ClusterModel,
  peer: unknown,
  policyNamespace: string,
  other: Endpoint,
): boolean {
  const ipBlock = at(peer, 'ipBlock')
  if (ipBlock !== undefined) {
    if (other.namespace !== undefined || other.ip === undefined) return false
    return (
      ipInCidr(other.ip, String(at(ipBlock, 'cidr'))) &&
      !arr(at(ipBlock, 'except')).some((c) => ipInCidr(other.ip ?? '', String(c)))
    )
  }
  if (other.namespace === undefined) return false
  const nsSelector = at(peer, 'namespaceSelector')
  const podSelector = at(peer, 'podSelector')
  const nsOk =
    nsSelector === undefined
      ? other.namespace === policyNamespace
      : selectorMatches(nsSelector, model.namespaceLabels.get(other.namespace) ?? {})
  const podOk = podSelector === undefined || selectorMatches(podSelector, other.labels)
  return nsOk && podOk
}

function portMatches(
  entries: unknown,
  destination: Endpoint,
  port: number,
  protocol: Protocol,
): boolean {
  const list = arr(entries)
  if (list.length === 0) return true
  return list.some((e) => {
    if ((str(at(e, 'protocol')) ?? 'TCP') !== protocol) return false
    const p = at(e, 'port')
    if (p === undefined) return true
    if (typeof p === 'string')
      return destination.ports.some(
        (dp) => dp.name === p && dp.port === port && dp.protocol === protocol,
      )
    if (typeof p !== 'number') throw new Error('a NetworkPolicy port must be a number or a name')
    const end = at(e, 'endPort')
    return typeof end === 'number' ? port >= p && port <= end : port === p
  })
}

function ruleAllows(
  model: ClusterModel,
  rule: unknown,
  peersKey: 'from' | 'to',
  policyNamespace: string,
  other: Endpoint,
  destination: Endpoint,
  port: number,
  protocol: Protocol,
): boolean {
  const peers = arr(at(rule, peersKey))
  const peerOk =
    peers.length === 0 || peers.some((peer) => peerMatches(model, peer, policyNamespace, other))
  return peerOk && portMatches(at(rule, 'ports'), destination, port, protocol)
}

/** Whether `src` may open a connection to `dst` on `port`/`protocol`. */
export function isAllowed(
  model: ClusterModel,
  src: Endpoint,
  dst: Endpoint,
  port: number,
  protocol: Protocol,
): boolean {
  const egress = selecting(model, src, 'Egress')
  const egressOk =
    egress.length === 0 ||
    egress.some((p) =>
      arr(at(p, 'spec', 'egress')).some((rule) =>
        cilium(p)
          ? ciliumEgressAllows(p, rule, dst, port, protocol)
          : ruleAllows(model, rule, 'to', namespaceOf(p), dst, dst, port, protocol),
      ),
    )
  const ingress = selecting(model, dst, 'Ingress')
  const ingressOk =
    ingress.length === 0 ||
    ingress.some((p) =>
      arr(at(p, 'spec', 'ingress')).some((rule) =>
        ruleAllows(model, rule, 'from', namespaceOf(p), src, dst, port, protocol),
      ),
    )
  return egressOk && ingressOk
}

/** `src->dst:port/protocol` for every allowed combination over the given ports and protocols. */
export function allowedConnections(
  model: ClusterModel,
  sources: readonly Endpoint[],
  destinations: readonly Endpoint[],
  ports: readonly number[],
  protocols: readonly Protocol[] = ['TCP', 'UDP'],
): Set<string> {
  const out = new Set<string>()
  for (const src of sources)
    for (const dst of destinations)
      for (const port of ports)
        for (const protocol of protocols)
          if (isAllowed(model, src, dst, port, protocol))
            out.add(`${src.id}->${dst.id}:${port}/${protocol}`)
  return out
}
