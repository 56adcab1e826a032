// README sections for the v2 posture: node pools and their labels, Pod Security per namespace and its
// exceptions, identity, traffic to and from the outside, and the values kustomize fills in.
import { mdInline } from '../doc/markdown-escape'
import { PSA_VERSION } from './defaults'
import { splitEgress } from './egress-rules'
import { endpointHosts, fqdnSelector, PRIVATE_V4, PRIVATE_V6 } from './endpoints'
import { placeholderHost } from './ingress'
import { justificationOf } from './namespaces'
import { clusterRoleName, KUSTOMIZATION_FILE, VALUES_CONFIGMAP } from './names'
import { POOL_LABEL, poolSelectorLabels } from './placement'
import type { Plan } from './plan'
import { VALUE_DEFAULTS, type ValueTarget } from './values'

export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ]
}

export function code(text: string): string {
  return `\`${text}\``
}

export function list(items: readonly string[]): string {
  return items.length === 0 ? '—' : items.join(', ')
}

const labelsText = (labels: Readonly<Record<string, string>>): string =>
  list(Object.entries(labels).map(([k, v]) => code(`${k}=${v}`)))

/** Node pools: what selects each one, its taints, and the workloads placed on it. */
export function poolsSection(plan: Plan): string[] {
  const pools = plan.posture.pools
  if (pools.length === 0) return []
  const selector = plan.platform.poolSelector
  const how =
    selector.kind === 'managed'
      ? `Pods select their pool by the label ${plan.platform.label} puts on every node of a node pool, ${code(`${selector.key}: <pool name>`)} (${selector.source}), so each pool below must exist under exactly that name.`
      : selector.kind === 'none'
        ? selector.reason
        : `Nobody labels the nodes of a self-managed pool for you: label every node of each pool with the labels in the "nodes must carry" column (the pool's own labels when they identify it, else ${code(`${POOL_LABEL}=<pool>`)}), e.g. ${code(`kubectl label node <node> ${POOL_LABEL}=<pool>`)} or the kubelet's ${code('--node-labels')}, and taint them as listed. A pod whose pool has no labelled node stays Pending rather than running elsewhere.`
  const aksNames =
    plan.design.choices.orchestrator === 'aks'
      ? pools.filter((p) => !/^[a-z][a-z0-9]{0,11}$/.test(p.pool.name))
      : []
  return [
    '## Node pools',
    '',
    how,
    '',
    ...table(
      ['pool', 'role', 'OS', 'engine', 'sandboxes', 'nodes must carry', 'taints', 'workloads'],
      pools.map((p) => [
        code(p.pool.name),
        p.pool.role,
        p.os.name,
        p.runtime.name,
        list(p.sandboxes.map((s) => s.name)),
        labelsText({
          'kubernetes.io/os': p.os.family,
          ...poolSelectorLabels(plan.platform, pools, p.pool),
        }),
        list(p.pool.taints.map((t) => code(`${t.key}=${t.value}:${t.effect}`))),
        list(
          plan.workloads
            .filter((w) => w.placement.pool?.index === p.index)
            .map((w) => code(w.workload.name)),
        ),
      ]),
    ),
    '',
    ...aksNames.map(
      (p) =>
        `- AKS names an agent pool with 1-12 lower-case letters and digits (${code('^[a-z][a-z0-9]{0,11}$')}; Windows pools at most 6), so pool ${code(p.pool.name)} must be renamed to match its AKS node pool (https://learn.microsoft.com/rest/api/aks/agent-pools/create-or-update).`,
    ),
    ...plan.workloads
      .filter((w) => w.placement.problem !== undefined)
      .map(
        (w) =>
          `- ${code(w.workload.name)} could not be placed: ${mdInline(w.placement.problem ?? '')} Its pod selects nodes by OS only.`,
      ),
    '',
  ]
}

/** Pod Security per namespace, with each exception's needs and justification. */
export function namespacesSection(plan: Plan): string[] {
  const exceptions = plan.namespaces.filter((n) => n.exceptionFor !== undefined)
  return [
    '## Namespaces',
    '',
    ...table(
      ['namespace', 'workloads', 'Pod Security (enforce / audit / warn)', 'exception for'],
      plan.namespaces.map((ns) => [
        code(ns.name),
        list(plan.workloads.filter((w) => w.namespace === ns.name).map((w) => w.workload.name)),
        `${ns.level} (${PSA_VERSION.enforce}) / ${ns.level} (${PSA_VERSION.audit}) / ${ns.level} (${PSA_VERSION.warn})`,
        ns.exceptionFor === undefined ? '—' : code(ns.exceptionFor.workload.name),
      ]),
    ),
    '',
    `Each namespace enforces its team's level (${code('isolation.podSecurityByTeam')}, else ${code('isolation.podSecurity')}). The enforce level is pinned to ${PSA_VERSION.enforce} so a control-plane upgrade that adds a Pod Security control cannot suddenly reject rollouts; audit and warn follow ${code('latest')}, so new violations show up as warnings and audit entries before the pin is raised.`,
    '',
    ...(exceptions.length === 0
      ? []
      : [
          "Pod Security exceptions: a workload whose needs exceed its team's level runs alone in a namespace of its own at the level those needs take, so no other namespace is downgraded. The namespace is annotated with the needs and the justification, the policy engine exempts it, and the pod gets exactly the declared needs on top of the hardened context:",
          '',
          ...exceptions.map((ns) => {
            const w = ns.exceptionFor
            if (w === undefined) return ''
            return `- ${code(w.workload.name)} in ${code(ns.name)} (${ns.level}): ${w.podSecurity.hostNeeds.map((n) => n.what).join(', ')}. Justification: ${mdInline(justificationOf(ns))}.`
          }),
          '',
        ]),
  ]
}

/** Identity: token, RBAC and cloud role per workload that has any. */
export function identitySection(plan: Plan): string[] {
  const rows = plan.workloads.filter(
    (w) => w.identity.automountToken || w.workload.identity.cloudRole !== undefined,
  )
  const binding = plan.platform.workloadIdentity
  if (rows.length === 0) return []
  return [
    '## Identity',
    '',
    'Every workload has its own ServiceAccount. Its token is mounted only when the design declares Kubernetes API access, and it is then bound to exactly the declared rules.',
    '',
    ...table(
      ['workload', 'RBAC', 'cloud role'],
      rows.map((w) => [
        code(w.workload.name),
        list([
          ...(w.identity.namespaceRules.length > 0
            ? [`Role ${code(w.workload.name)} in ${code(w.namespace)}`]
            : []),
          ...(w.identity.clusterRules.length > 0
            ? [`ClusterRole ${code(clusterRoleName(plan.design, w.workload))}`]
            : []),
        ]),
        w.workload.identity.cloudRole === undefined
          ? '—'
          : binding === undefined
            ? `not bound (${plan.platform.label} has no workload identity)`
            : `${code(binding.annotation)} = ${code(w.workload.identity.cloudRole)}`,
      ]),
    ),
    '',
    ...(binding === undefined || !rows.some((w) => w.workload.identity.cloudRole !== undefined)
      ? []
      : [
          `- Cloud roles are bound with ${binding.name}: the ServiceAccount annotation ${code(binding.annotation)}${Object.keys(binding.podLabels).length > 0 ? ` plus the pod label ${labelsText(binding.podLabels)}` : ''} (${binding.source}). The value must be ${binding.valueFormat}.${binding.note === undefined ? '' : ` ${binding.note}`}`,
          ...rows
            .filter((w) => {
              const role = w.workload.identity.cloudRole
              return role !== undefined && !binding.looksValid(role)
            })
            .map(
              (w) =>
                `- ${code(w.workload.name)}: ${code(w.workload.identity.cloudRole ?? '')} does not look like ${binding.valueFormat}; set the full value in the design.`,
            ),
        ]),
    '',
  ]
}

/** Traffic to and from the outside, per workload. */
export function endpointsSection(plan: Plan): string[] {
  if (plan.design.isolation.network !== 'default-deny') return []
  const rows = plan.workloads.flatMap((w) => {
    const split = splitEgress(plan, w)
    return w.egress.map((e) => {
      const hosts = endpointHosts(e.endpoint, plan.cloud)
      const how =
        e.endpoint.kind === 'internet'
          ? 'every public address'
          : [
              ...(e.endpoint.cidrs.length > 0
                ? [`ipBlock ${list(e.endpoint.cidrs.map(code))}`]
                : []),
              ...(split.fqdn.some((f) => f.endpoint.name === e.endpoint.name)
                ? [
                    `Cilium toFQDNs ${list(hosts.map((h) => code(Object.values(fqdnSelector(h))[0] ?? h)))}`,
                  ]
                : split.openedForNames.some((f) => f.endpoint.name === e.endpoint.name)
                  ? ['every public address (see K8S-WAIVER-NAMED-EGRESS-OPEN)']
                  : []),
            ].join(' and ')
      return [
        code(w.workload.name),
        `${code(e.endpoint.name)} (${e.endpoint.kind})`,
        list(e.endpoint.ports.map(String)),
        how,
      ]
    })
  })
  const api = plan.workloads.filter((w) => w.apiServerEgress.length > 0)
  const lb = plan.workloads.filter((w) => w.publicIngress === 'load-balancer')
  const ic = plan.workloads.filter((w) => w.publicIngress === 'ingress-controller')
  const unreached = plan.workloads.filter(
    (w) => w.workload.exposure === 'public' && w.publicIngress === 'none',
  )
  if (rows.length + api.length + lb.length + ic.length + unreached.length === 0) return []
  return [
    '## Traffic to and from the outside',
    '',
    ...(rows.length === 0
      ? []
      : [
          ...table(['workload', 'endpoint', 'TCP ports', 'allowed as'], rows),
          '',
          `"Every public address" is ${code('0.0.0.0/0')} except ${list(PRIVATE_V4.map(code))} and ${code('::/0')} except ${list(PRIVATE_V6.map(code))}: private networks, the cloud metadata service (${code('169.254.169.254')}) and the cluster's own ranges stay closed.`,
          '',
        ]),
    ...api.map((w) =>
      plan.cilium
        ? `- ${code(w.workload.name)} reaches the API server (Cilium ${code('toEntities: [kube-apiserver]')}, TCP 443 and 6443).`
        : `- ${code(w.workload.name)} reaches the API server at ${code('apiServerCIDR')} (TCP 443 and 6443; see Cluster values).`,
    ),
    ...lb.map(
      (w) =>
        `- ${code(w.workload.name)} is public behind a load balancer: a ${code('LoadBalancer')} Service with ${code('externalTrafficPolicy: Local')} (the client address reaches the pod, and nodes without a ready pod fail the load balancer's health check), and ingress from any address on its ports.`,
    ),
    ...ic.map(
      (w) =>
        `- ${code(w.workload.name)} is public behind the ingress controller: an Ingress for ${code(placeholderHost(plan.design, w))} (replace the host; the cluster's default IngressClass serves it; add a ${code('tls')} section with your certificate), and ingress only from the controller's namespace (${code('ingressControllerNamespace')}, see Cluster values).`,
    ),
    ...unreached.map(
      (w) =>
        `- ${code(w.workload.name)} is marked public, but no internet endpoint brings traffic in (${code('ingress: none')}), so nothing outside the cluster can reach it.`,
    ),
    '',
  ]
}

/** The values kustomize writes into the policies, and how to set them. */
export function valuesSection(targets: readonly ValueTarget[]): string[] {
  if (targets.length === 0) return []
  const used = [...new Set(targets.map((t) => t.value))]
  const what: Record<keyof typeof VALUE_DEFAULTS, string> = {
    apiServerCIDR: `the API server's address as a CIDR (e.g. the private endpoint addresses of a managed control plane, or the control-plane nodes' addresses with a ${code('/32')} each). The default ${code(VALUE_DEFAULTS.apiServerCIDR)} is a documentation address, so API calls stay blocked until you set it`,
    ingressControllerNamespace: `the namespace your ingress controller runs in (default ${code(VALUE_DEFAULTS.ingressControllerNamespace)})`,
  }
  return [
    '## Cluster values',
    '',
    `Some addresses depend on the cluster, not the design. They live in the ${code(VALUES_CONFIGMAP)} ConfigMap generator of ${code(KUSTOMIZATION_FILE)}, which kustomize uses as a replacement source and leaves out of the build (${code('config.kubernetes.io/local-config')}); edit the literal and re-run ${code('kubectl kustomize')}:`,
    '',
    ...used.map(
      (k) =>
        `- ${code(k)}: ${what[k]}. Used by ${list(targets.filter((t) => t.value === k).map((t) => code(`${t.namespace}/${t.name}`)))}.`,
    ),
    '',
  ]
}
