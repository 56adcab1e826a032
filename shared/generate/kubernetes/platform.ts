// What each Kubernetes flavour provides or imposes, as data: DNS pods, sandbox RuntimeClasses, UID policy,
// the node label that names a node pool, and the workload-identity binding. Vendor facts checked 2026-12.
import type { OrchestratorId, RuntimeId } from '../../catalog/ids'
import type { Cloud } from '../../catalog/types'

/** The cluster DNS pods every workload must reach. */
export interface DnsTarget {
  readonly namespace: string
  readonly podLabels: Readonly<Record<string, string>>
  /** The pod port (NetworkPolicy sees traffic after the Service translated 53 to it). */
  readonly port: number
}

/** How pods are pinned to a node pool. */
export type PoolSelector =
  /** The platform labels every node of a managed pool with the pool's name under this key. */
  | { readonly kind: 'managed'; readonly key: string; readonly source: string }
  /** Nobody labels the nodes: use the pool's own labels, or `stackwright.dev/pool` the operator applies. */
  | { readonly kind: 'self' }
  /** The platform provisions nodes itself (GKE Autopilot): pods select by OS and sandbox only. */
  | { readonly kind: 'none'; readonly reason: string }

/** How a ServiceAccount assumes a cloud role (`identity.cloudRole`). */
export interface WorkloadIdentity {
  readonly name: string
  /** ServiceAccount annotation whose value is the cloud role. */
  readonly annotation: string
  /** Labels the pod template must carry for the platform's webhook to inject credentials. */
  readonly podLabels: Readonly<Record<string, string>>
  /** What a valid value looks like, for the README. */
  readonly valueFormat: string
  readonly looksValid: (value: string) => boolean
  readonly source: string
  readonly note?: string
}

export interface KubernetesPlatform {
  readonly label: string
  /** The cloud whose APIs `cloud-api` endpoints reach; undefined for self-managed clusters. */
  readonly cloud: Cloud | undefined
  readonly poolSelector: PoolSelector
  readonly workloadIdentity: WorkloadIdentity | undefined
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

/** `eks.amazonaws.com/nodegroup=$nodeGroupName` on every node of a managed node group. */
const EKS_POOL: PoolSelector = {
  kind: 'managed',
  key: 'eks.amazonaws.com/nodegroup',
  source: 'https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html',
}

/** "Each node in the pool has a Kubernetes node label, cloud.google.com/gke-nodepool, which has the node pool's name." */
const GKE_POOL: PoolSelector = {
  kind: 'managed',
  key: 'cloud.google.com/gke-nodepool',
  source: 'https://cloud.google.com/kubernetes-engine/docs/concepts/node-pools',
}

/** An AKS reserved system label: `kubernetes.azure.com/agentpool: <agent pool name>`. */
const AKS_POOL: PoolSelector = {
  kind: 'managed',
  key: 'kubernetes.azure.com/agentpool',
  source: 'https://learn.microsoft.com/azure/aks/use-labels#reserved-system-labels',
}

const IRSA: WorkloadIdentity = {
  name: 'IAM roles for service accounts (IRSA)',
  annotation: 'eks.amazonaws.com/role-arn',
  podLabels: {},
  valueFormat: 'an IAM role ARN, arn:aws:iam::<account>:role/<name>',
  looksValid: (v) => /^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(v),
  source: 'https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html',
  note: 'EKS Pod Identity is the alternative: drop the annotation and create a pod identity association (`aws eks create-pod-identity-association --namespace <ns> --service-account <sa> --role-arn <arn>`) with the EKS Pod Identity Agent add-on installed; nothing in this tree changes otherwise (https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html).',
}

const GKE_WORKLOAD_IDENTITY: WorkloadIdentity = {
  name: 'Workload Identity Federation for GKE',
  annotation: 'iam.gke.io/gcp-service-account',
  podLabels: {},
  valueFormat: 'an IAM service account e-mail, <name>@<project>.iam.gserviceaccount.com',
  looksValid: (v) => /^[a-z][a-z0-9-]*@[a-z0-9-]+\.iam\.gserviceaccount\.com$/.test(v),
  source: 'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity',
  note: 'The annotation links the Kubernetes ServiceAccount to an IAM service account, which must grant `roles/iam.workloadIdentityUser` to `serviceAccount:<project>.svc.id.goog[<namespace>/<ServiceAccount>]`; Workload Identity Federation must be enabled on the cluster and node pools (always on in Autopilot).',
}

/** The webhook mutates only pods labelled `azure.workload.identity/use: "true"`. */
const AZURE_WORKLOAD_IDENTITY: WorkloadIdentity = {
  name: 'Microsoft Entra Workload ID',
  annotation: 'azure.workload.identity/client-id',
  podLabels: { 'azure.workload.identity/use': 'true' },
  valueFormat: 'the client ID (a GUID) of a user-assigned managed identity or app registration',
  looksValid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  source: 'https://learn.microsoft.com/azure/aks/workload-identity-overview',
  note: 'The identity needs a federated identity credential for subject `system:serviceaccount:<namespace>:<ServiceAccount>` and the cluster needs the OIDC issuer and workload identity enabled.',
}

const GKE_NOTES = [
  'GKE Sandbox provides the `gvisor` RuntimeClass on sandbox-enabled node pools; this tree references it and does not create it (https://cloud.google.com/kubernetes-engine/docs/how-to/sandbox-pods).',
  'NetworkPolicy is enforced only with GKE Dataplane V2 or network policy enforcement enabled on the cluster.',
]

const PLATFORMS: Partial<Record<OrchestratorId, KubernetesPlatform>> = {
  kubernetes: {
    label: 'self-managed Kubernetes',
    cloud: undefined,
    poolSelector: { kind: 'self' },
    workloadIdentity: undefined,
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
    cloud: 'aws',
    poolSelector: EKS_POOL,
    workloadIdentity: IRSA,
    fixedIds: true,
    dns: KUBE_DNS,
    providedRuntimeClasses: {},
    notes: [
      'The Amazon VPC CNI enforces NetworkPolicy only when its network policy agent is enabled (VPC CNI v1.14+), or use Calico/Cilium.',
      'EKS provides no sandboxed runtime; a sandbox RuntimeClass needs nodes with the handler installed (a custom AMI or self-managed nodes; not Fargate, which already runs each pod in its own VM).',
      'Pools are placed by the `eks.amazonaws.com/nodegroup` label EKS sets on managed node group nodes; for a self-managed node group, set that label (the pool name) with the kubelet `--node-labels` flag.',
    ],
    namespaceLabels: {},
  },
  gke: {
    label: 'Google GKE Standard',
    cloud: 'gcp',
    poolSelector: GKE_POOL,
    workloadIdentity: GKE_WORKLOAD_IDENTITY,
    fixedIds: true,
    dns: KUBE_DNS,
    providedRuntimeClasses: { gvisor: 'gvisor' },
    notes: GKE_NOTES,
    namespaceLabels: {},
  },
  'gke-autopilot': {
    label: 'Google GKE Autopilot',
    cloud: 'gcp',
    poolSelector: {
      kind: 'none',
      reason:
        'Autopilot creates and labels nodes itself; pods select by OS, and `runtimeClassName: gvisor` gets them GKE Sandbox nodes.',
    },
    workloadIdentity: GKE_WORKLOAD_IDENTITY,
    fixedIds: true,
    dns: KUBE_DNS,
    providedRuntimeClasses: { gvisor: 'gvisor' },
    notes: [
      ...GKE_NOTES,
      'Autopilot makes resource requests mandatory and adjusts them to its minimums and ratios, and sets limits equal to requests; expect the applied values to differ from the ones written here.',
      'Autopilot rejects privileged pods, hostPath volumes and host namespaces, so a Pod Security exception that needs them cannot run there.',
    ],
    namespaceLabels: {},
  },
  aks: {
    label: 'Azure AKS',
    cloud: 'azure',
    poolSelector: AKS_POOL,
    workloadIdentity: AZURE_WORKLOAD_IDENTITY,
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
    cloud: undefined,
    poolSelector: { kind: 'self' },
    workloadIdentity: undefined,
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
