// Controls of the tree as a whole: namespaces, network policies, sandboxing, availability, policy engine.
import type { ControlRule } from './control-rule'
import { defaultDeny, netpolFiles } from './control-rule'
import { NAMESPACES_FILE, RUNTIME_CLASSES_FILE, networkPolicyFile } from './names'

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
      `Pod Security Admission enforces "${plan.design.isolation.podSecurity}" in every namespace`,
    causedBy: 'isolation.podSecurity',
    checks: { cis: ['5.2.1'], nist: ['4.4.3'] },
    files: (plan) => (plan.namespaces.length === 0 ? [] : [NAMESPACES_FILE]),
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
    title: () => 'Public workloads accept ingress from any source on their ports only',
    causedBy: 'workloads[*].exposure',
    checks: { nist: ['4.3.3'] },
    files: (plan) =>
      defaultDeny(plan)
        ? [
            ...new Set(
              plan.workloads
                .filter((w) => w.workload.exposure === 'public' && w.workload.ports.length > 0)
                .map((w) => networkPolicyFile(w.namespace)),
            ),
          ]
        : [],
  },
  {
    id: 'K8S-RUNTIME-CLASS-SANDBOX',
    title: (plan) =>
      plan.sandbox.kind === 'created' || plan.sandbox.kind === 'provided'
        ? `Untrusted workloads run in the sandboxed RuntimeClass "${plan.sandbox.name}"`
        : 'Untrusted workloads run in a sandboxed RuntimeClass',
    causedBy: 'isolation.runtimeClassForUntrusted',
    checks: { nist: ['4.5.2', '4.3.4'] },
    files: (plan) => {
      const sandboxed = plan.workloads
        .filter((w) => w.runtimeClassName !== undefined)
        .map((w) => w.file)
      if (sandboxed.length === 0) return []
      return plan.sandbox.kind === 'created' ? [RUNTIME_CLASSES_FILE, ...sandboxed] : sandboxed
    },
  },
  {
    id: 'K8S-OS-NODE-SELECTOR',
    title: () => 'Pods scheduled only on nodes of their OS (Windows nodes tolerated explicitly)',
    causedBy: 'workloads[*].os',
    checks: {},
    applies: () => true,
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
