// Controls of the tree as a whole: namespaces, network policies, sandboxing, availability, policy engine.
import type { ControlRule } from './control-rule'
import { defaultDeny, netpolFiles } from './control-rule'
import { splitEgress } from './egress-rules'
import { NAMESPACES_FILE, RUNTIME_CLASSES_FILE, ciliumPolicyFile, networkPolicyFile } from './names'
import type { Plan } from './plan'
import type { WorkloadPlan } from './types'

/** The network-policy (and Cilium policy) files of the namespaces of the workloads selected. */
function policyFilesOf(plan: Plan, pick: (w: WorkloadPlan) => boolean, cilium = false): string[] {
  if (!defaultDeny(plan)) return []
  const namespaces = [...new Set(plan.workloads.filter(pick).map((w) => w.namespace))]
  return namespaces.map(cilium ? ciliumPolicyFile : networkPolicyFile)
}

function levelSummary(plan: Plan): string {
  const count = (level: string) => plan.namespaces.filter((n) => n.level === level).length
  return (['restricted', 'baseline', 'privileged'] as const)
    .filter((l) => count(l) > 0)
    .map((l) => `${l}: ${count(l)}`)
    .join(', ')
}

/** Namespace and Pod Security Admission controls, listed first. */
export const NAMESPACE_CONTROL_RULES: readonly ControlRule[] = [
  {
    id: 'K8S-NAMESPACES',
    title: (plan) => `Workloads separated into namespaces (${plan.design.isolation.namespaces})`,
    causedBy: 'isolation.namespaces',
    checks: { cis: ['5.7.1', '5.7.4'], nist: ['4.3.4'], linters: ['kube-linter/use-namespace'] },
    files: (plan) =>
      plan.namespaces.length === 0 ? [] : [NAMESPACES_FILE, ...plan.workloads.map((w) => w.file)],
  },
  {
    id: 'K8S-PSA-LABELS',
    title: (plan) =>
      `Pod Security Admission enforces each namespace's level (${levelSummary(plan)}), the team's unless an exception`,
    causedBy: 'isolation.podSecurity, isolation.podSecurityByTeam',
    checks: { cis: ['5.2.1'], nist: ['4.4.3'] },
    files: (plan) => (plan.namespaces.length === 0 ? [] : [NAMESPACES_FILE]),
  },
  {
    id: 'K8S-PSS-EXCEPTION-NAMESPACE',
    title: () =>
      'Each Pod Security exception runs alone in a namespace of its own, labelled at the level its needs take and annotated with the justification; no other namespace is downgraded',
    causedBy: 'workloads[*].needs',
    checks: { cis: ['5.2.1'], nist: ['4.4.3'] },
    files: (plan) => {
      const exceptions = plan.workloads.filter((w) => w.podSecurity.exception)
      return exceptions.length === 0 ? [] : [NAMESPACES_FILE, ...exceptions.map((w) => w.file)]
    },
  },
]

/** Network, sandbox, placement, availability and admission-policy controls. */
export const CLUSTER_CONTROL_RULES: readonly ControlRule[] = [
  {
    id: 'K8S-NETPOL-DEFAULT-DENY',
    title: () => 'Default-deny ingress and egress in every namespace',
    causedBy: 'isolation.network',
    checks: {
      cis: ['5.3.2'],
      nist: ['4.3.3', '4.4.2'],
      linters: ['kube-score/pod-networkpolicy', 'kube-linter/non-isolated-pod'],
    },
    files: netpolFiles,
  },
  {
    id: 'K8S-NETPOL-DECLARED-FLOWS',
    title: () => 'Exactly the declared talksTo/observes flows, on the destination ports',
    causedBy: 'workloads[*].talksTo, workloads[*].observes',
    checks: { nist: ['4.3.3', '4.4.2'] },
    files: (plan) => (plan.flows.length > 0 ? netpolFiles(plan) : []),
  },
  {
    id: 'K8S-NETPOL-DNS-EGRESS',
    title: (plan) =>
      `DNS egress to ${plan.platform.dns.namespace} on UDP/TCP ${plan.platform.dns.port}`,
    causedBy: 'isolation.network',
    checks: {},
    files: netpolFiles,
  },
  {
    id: 'K8S-NETPOL-PUBLIC-INGRESS',
    title: () =>
      'Public workloads behind a load balancer accept internet addresses on their ports only (LoadBalancer Service, externalTrafficPolicy: Local)',
    causedBy: 'endpoints[*].ingress',
    checks: { nist: ['4.3.3'] },
    files: (plan) => policyFilesOf(plan, (w) => w.publicIngress === 'load-balancer'),
  },
  {
    id: 'K8S-NETPOL-INGRESS-CONTROLLER',
    title: () =>
      "Public workloads behind an ingress controller accept traffic from the controller's namespace only, through an Ingress",
    causedBy: 'endpoints[*].ingress',
    checks: { nist: ['4.3.3'] },
    files: (plan) => policyFilesOf(plan, (w) => w.publicIngress === 'ingress-controller'),
  },
  {
    id: 'K8S-NETPOL-ENDPOINT-EGRESS',
    title: () =>
      'Egress to declared endpoints only, on their ports: address blocks as ipBlock rules, the internet as every public address (private, link-local and metadata ranges excepted)',
    causedBy: 'workloads[*].talksTo, endpoints',
    checks: { nist: ['4.3.3', '4.4.2'] },
    files: (plan) => policyFilesOf(plan, (w) => splitEgress(plan, w).ipRules.length > 0),
  },
  {
    id: 'K8S-CILIUM-FQDN-EGRESS',
    title: () =>
      "Egress to named endpoints by DNS name (Cilium toFQDNs), with DNS through Cilium's DNS proxy",
    causedBy: 'endpoints[*].hosts',
    checks: { nist: ['4.3.3', '4.4.2'] },
    files: (plan) => policyFilesOf(plan, (w) => splitEgress(plan, w).fqdn.length > 0, true),
  },
  {
    id: 'K8S-APISERVER-EGRESS',
    title: (plan) =>
      plan.cilium
        ? 'API server egress only for workloads that declare API access (Cilium kube-apiserver entity)'
        : 'API server egress only for workloads that declare API access (ipBlock set from kustomization values)',
    causedBy: 'workloads[*].identity.orchestratorApi',
    checks: { nist: ['4.3.2', '4.3.3'] },
    files: (plan) => policyFilesOf(plan, (w) => w.apiServerEgress.length > 0, plan.cilium),
  },
  {
    id: 'K8S-RUNTIME-CLASS-SANDBOX',
    title: (plan) => {
      const names = [
        ...new Set(plan.workloads.flatMap((w) => (w.runtimeClassName ? [w.runtimeClassName] : []))),
      ]
      return `Sandboxed workloads run in their pool's sandbox RuntimeClass (${names.join(', ')})`
    },
    causedBy: 'isolation.sandboxWorkloads, workloads[*].sandbox',
    checks: { nist: ['4.5.2', '4.3.4'] },
    files: (plan) => {
      const sandboxed = plan.workloads
        .filter((w) => w.runtimeClassName !== undefined)
        .map((w) => w.file)
      if (sandboxed.length === 0) return []
      return plan.runtimeClasses.length > 0 ? [RUNTIME_CLASSES_FILE, ...sandboxed] : sandboxed
    },
  },
  {
    id: 'K8S-POOL-PLACEMENT',
    title: () =>
      "Pods pinned to their node pool (OS and pool labels) and tolerating exactly that pool's taints",
    causedBy: 'workloads[*].pool, nodePools',
    checks: {},
    applies: (w) => w.placement.pool !== undefined,
  },
  {
    id: 'K8S-PDB',
    title: () => 'PodDisruptionBudget (maxUnavailable 1) for replicated workloads',
    causedBy: 'workloads[*].replicas',
    checks: {
      linters: [
        'kube-score/deployment-has-poddisruptionbudget',
        'kube-score/statefulset-has-poddisruptionbudget',
        'kube-linter/pdb-max-unavailable',
        'kube-linter/pdb-min-available',
        'kube-linter/pdb-unhealthy-pod-eviction-policy',
      ],
    },
    applies: (w) => w.workload.replicas > 1,
  },
  {
    id: 'K8S-POD-ANTI-AFFINITY',
    title: () => 'Replicas spread across nodes (preferred pod anti-affinity)',
    causedBy: 'workloads[*].replicas',
    checks: {
      linters: [
        'kube-score/deployment-has-host-podantiaffinity',
        'kube-score/statefulset-has-host-podantiaffinity',
        'kube-linter/no-anti-affinity',
      ],
    },
    applies: (w) => w.workload.replicas > 1,
  },
  {
    id: 'K8S-STATEFUL-STORAGE',
    title: () => 'StatefulSet with a ReadWriteOnce claim for the first writable path',
    causedBy: 'workloads[*].stateful',
    checks: {
      linters: [
        'kube-score/statefulset-has-servicename',
        'kubesec/VolumeClaimAccessModeReadWriteOnce',
        'kubesec/VolumeClaimRequestsStorage',
      ],
    },
    applies: (w) => w.controller === 'StatefulSet',
  },
  {
    id: 'K8S-RECOMMENDED-LABELS',
    title: () => 'Recommended app.kubernetes.io labels; selectors match pod labels',
    causedBy: 'metadata.name',
    checks: { linters: ['kube-score/label-values', 'kube-linter/mismatching-selector'] },
    applies: () => true,
  },
  {
    id: 'K8S-POLICY-ENGINE',
    title: () => 'Admission policies enforce the same pod posture',
    causedBy: 'choices.plugins',
    checks: { cis: ['5.2.1'], nist: ['4.4.3', '4.1.2'] },
    files: (_plan, policyFiles) => policyFiles,
  },
]
