// What each Kubernetes flavour provides or imposes, as data: DNS pods, sandbox RuntimeClasses, UID policy.
import type { OrchestratorId, RuntimeId } from '../../catalog/ids'

/** The cluster DNS pods every workload must reach. */
export interface DnsTarget {
  readonly namespace: string
  readonly podLabels: Readonly<Record<string, string>>
  /** The pod port (NetworkPolicy sees traffic after the Service translated 53 to it). */
  readonly port: number
}

export interface KubernetesPlatform {
  readonly label: string
  /** False where the platform assigns UIDs/GIDs itself (OpenShift SCC `restricted-v2`). */
  readonly fixedIds: boolean
  readonly dns: DnsTarget
  /** Sandbox RuntimeClasses the platform creates itself: reference them, never create them. */
  readonly providedRuntimeClasses: Partial<Record<RuntimeId, string>>
  /** Platform-specific notes for the README. */
  readonly notes: readonly string[]
  /** Extra labels every generated namespace needs on this platform. */
  readonly namespaceLabels: Readonly<Record<string, string>>
}

const KUBE_DNS: DnsTarget = {
  namespace: 'kube-system',
  podLabels: { 'k8s-app': 'kube-dns' },
  port: 53,
}

const GKE_NOTES = [
  'GKE Sandbox provides the `gvisor` RuntimeClass on sandbox-enabled node pools; this tree references it and does not create it (https://cloud.google.com/kubernetes-engine/docs/how-to/sandbox-pods).',
  'NetworkPolicy is enforced only with GKE Dataplane V2 or network policy enforcement enabled on the cluster.',
]

const PLATFORMS: Partial<Record<OrchestratorId, KubernetesPlatform>> = {
  kubernetes: {
    label: 'self-managed Kubernetes',
    fixedIds: true,
    dns: KUBE_DNS,
    providedRuntimeClasses: {},
    notes: [
      'Sandboxed RuntimeClasses are created here; every node that may run them needs the matching handler configured in its container runtime (containerd or CRI-O), otherwise those pods fail to start rather than run unsandboxed.',
    ],
    namespaceLabels: {},
  },
  eks: {
    label: 'Amazon EKS',
    fixedIds: true,
    dns: KUBE_DNS,
    providedRuntimeClasses: {},
    notes: [
      'The Amazon VPC CNI enforces NetworkPolicy only when its network policy agent is enabled (VPC CNI v1.14+), or use Calico/Cilium.',
      'EKS provides no sandboxed runtime; a sandbox RuntimeClass needs self-managed nodes with the handler installed (not Fargate, which already runs each pod in its own VM).',
    ],
    namespaceLabels: {},
  },
  gke: {
    label: 'Google GKE Standard',
    fixedIds: true,
    dns: KUBE_DNS,
    providedRuntimeClasses: { gvisor: 'gvisor' },
    notes: GKE_NOTES,
    namespaceLabels: {},
  },
  'gke-autopilot': {
    label: 'Google GKE Autopilot',
    fixedIds: true,
    dns: KUBE_DNS,
    providedRuntimeClasses: { gvisor: 'gvisor' },
    notes: [
      ...GKE_NOTES,
      'Autopilot makes resource requests mandatory and adjusts them to its minimums and ratios, and sets limits equal to requests; expect the applied values to differ from the ones written here.',
      'Autopilot rejects privileged pods, hostPath volumes and host namespaces; this tree uses none of them.',
    ],
    namespaceLabels: {},
  },
  aks: {
    label: 'Azure AKS',
    fixedIds: true,
    dns: KUBE_DNS,
    providedRuntimeClasses: { kata: 'kata-vm-isolation' },
    notes: [
      'AKS Pod Sandboxing provides the `kata-vm-isolation` RuntimeClass on Azure Linux node pools with nested virtualisation; this tree references it and does not create it.',
      'NetworkPolicy needs a policy engine chosen at cluster creation (Cilium, Calico, or the retiring Azure NPM).',
    ],
    namespaceLabels: {},
  },
  openshift: {
    label: 'Red Hat OpenShift',
    fixedIds: false,
    dns: {
      namespace: 'openshift-dns',
      podLabels: { 'dns.operator.openshift.io/daemonset-dns': 'default' },
      port: 5353,
    },
    providedRuntimeClasses: { kata: 'kata' },
    notes: [
      'No fixed `runAsUser`, `runAsGroup` or `fsGroup` is set: the `restricted-v2` SecurityContextConstraint assigns them from the UID range allocated to each namespace, and a fixed ID outside that range would be rejected.',
      'The OpenShift DNS pods listen on port 5353 in `openshift-dns`; the DNS egress policy allows that port.',
      'The OpenShift sandboxed containers operator provides the `kata` RuntimeClass once a KataConfig is created; this tree references it and does not create it.',
      'Pod Security label synchronisation is switched off for these namespaces (`security.openshift.io/scc.podSecurityLabelSync: "false"`) so the levels written here stay in force.',
    ],
    namespaceLabels: { 'security.openshift.io/scc.podSecurityLabelSync': 'false' },
  },
}

/** The platform facts for a Kubernetes-family orchestrator; other ids fall back to self-managed Kubernetes. */
export function platformFor(orchestrator: OrchestratorId): KubernetesPlatform {
  return PLATFORMS[orchestrator] ?? (PLATFORMS.kubernetes as KubernetesPlatform)
}

/** RuntimeClass name and CRI handler to create for a sandbox runtime where the platform provides none. */
export const SANDBOX_HANDLERS: Partial<
  Record<RuntimeId, { readonly name: string; readonly handler: string }>
> = {
  kata: { name: 'kata', handler: 'kata' },
  gvisor: { name: 'gvisor', handler: 'runsc' },
  firecracker: { name: 'kata-fc', handler: 'kata-fc' },
}
