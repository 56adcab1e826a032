// Managed Kubernetes services: the cloud runs the control plane, so none lists a control-plane OS.
import { DEFAULT_CONTAINER_CAPABILITIES } from '../capabilities'
import { confirmed, unconfirmed } from '../fact'
import type { Orchestrator } from '../types'
import { CNI_PLUGINS, kubernetesPluginsExcept } from './plugin-sets'

const MANAGED_DEFAULTS = {
  rbac: true,
  apiTls: true,
} as const

export const eks: Orchestrator = {
  id: 'eks',
  name: 'Amazon EKS',
  family: 'kubernetes',
  vendor: 'Amazon Web Services',
  summary:
    'Managed Kubernetes control plane on AWS; nodes on EC2 (managed or self-managed groups) or Fargate.',
  clouds: ['aws'],
  managedControlPlane: true,
  runtimes: ['containerd', 'fargate', 'windows-process', 'kata'],
  os: {
    controlPlane: [],
    worker: ['amazon-linux', 'bottlerocket', 'ubuntu', 'windows-server'],
  },
  linuxPool: {
    role: 'any',
    reason:
      'EKS runs CoreDNS and other system pods on Linux: a cluster with Windows nodes needs at least one Linux node.',
    sources: ['S6'],
  },
  windowsRuntimes: ['windows-process'],
  plugins: [...kubernetesPluginsExcept(['flannel']), 'aws-vpc-cni'],
  networkPolicy: 'cni',
  securityContext: 'full',
  builtInPodSecurity: 'admission',
  defaults: {
    ...MANAGED_DEFAULTS,
    secretsEncryptedAtRest: true,
    auditLogging: false,
    privilegedAllowed: true,
  },
  complexity: 3,
  experienceNeeded: 'some',
  lockIn: 2,
  modularity: 3,
  cost: 2,
  provides: [],
  facts: [
    confirmed('Nodes run containerd; Docker Engine is gone with dockershim.', ['S1']),
    confirmed(
      'Windows workers run in self-managed and managed node groups from Windows Server AMIs; the cluster still needs a Linux node for CoreDNS, Auto Mode has no Windows, and Windows nodes get no IPv6 or security groups for pods.',
      ['S6', 'S26'],
    ),
    confirmed(
      'EKS on Fargate runs each pod in its own VM, Linux only: no privileged containers, DaemonSets, hostNetwork/hostPort, GPUs or IMDS; private subnets and the VPC CNI only.',
      ['S9'],
    ),
    confirmed(
      'Kata Containers runs on EKS only on bare-metal (.metal) instances, because other EC2 instances expose no /dev/kvm; you install it yourself (kata-deploy), AWS does not offer it.',
      ['EKS-KATA-METAL', 'S48'],
    ),
    unconfirmed(
      'Firecracker (firecracker-containerd) is not offered for EKS node groups; no source shows it supported, so it is left out.',
      ['S53'],
    ),
    confirmed(
      'Control-plane logs, including the audit log, are off by default and enabled per log type.',
      ['S7'],
    ),
    confirmed(
      'The VPC CNI enforces NetworkPolicy only when its network policy agent is enabled (v1.14+); otherwise Calico or Cilium must enforce it.',
      ['S8'],
    ),
    confirmed(
      'From Kubernetes 1.28, EKS envelope-encrypts all Kubernetes API data, Secrets included, with KMS by default; a customer-managed key is optional.',
      ['EKS-ENVELOPE-ENCRYPTION'],
    ),
    unconfirmed(
      'The VPC CNI is the default pod network (the only one on Fargate); Calico or Cilium can run beside or instead of it on EC2 nodes. Flannel is not offered.',
      ['S8', 'S9'],
    ),
  ],
}

export const gke: Orchestrator = {
  id: 'gke',
  name: 'Google GKE Standard',
  family: 'kubernetes',
  vendor: 'Google Cloud',
  summary:
    'Managed Kubernetes on Google Cloud with node pools you configure; GKE Sandbox (gVisor) for untrusted code.',
  clouds: ['gcp'],
  managedControlPlane: true,
  runtimes: ['containerd', 'gvisor', 'windows-process'],
  os: { controlPlane: [], worker: ['cos', 'ubuntu', 'windows-server'] },
  windowsRuntimes: ['windows-process'],
  plugins: kubernetesPluginsExcept(CNI_PLUGINS),
  networkPolicy: 'cni',
  securityContext: 'full',
  builtInPodSecurity: 'admission',
  defaults: {
    ...MANAGED_DEFAULTS,
    secretsEncryptedAtRest: true,
    auditLogging: true,
    privilegedAllowed: true,
  },
  complexity: 3,
  experienceNeeded: 'some',
  lockIn: 2,
  modularity: 2,
  cost: 2,
  // GKE sends system, audit and application logs to Cloud Logging by default (GKE-DEFAULT-OBSERVABILITY).
  provides: ['network-policy', 'logs'],
  facts: [
    confirmed(
      'Application, system and audit logs go to Cloud Logging by default; system metrics go to Cloud Monitoring (workload metrics need Managed Prometheus configuration).',
      ['GKE-DEFAULT-OBSERVABILITY'],
      '2026-12',
    ),
    confirmed(
      'GKE Sandbox is gVisor on a non-default node pool; the API’s sandbox types offer only gVisor, so Kata is not available. GPUs in the sandbox are Preview from 1.29.2.',
      ['S11', 'GKE-SANDBOX-TYPES'],
    ),
    confirmed('Nodes run containerd on Container-Optimized OS or Ubuntu.', ['S11']),
    confirmed(
      'Windows Server LTSC node pools run process-isolated containers; Hyper-V containers are not supported.',
      ['S12'],
    ),
    confirmed(
      'NetworkPolicy is enforced by Dataplane V2 (Cilium-based, policy always on) or, on the legacy dataplane, by a managed Calico switched on at cluster level. The built-in CNI cannot be replaced, so Calico, Cilium and Flannel are not plugins here.',
      ['GKE-DATAPLANE-V2', 'GKE-CNI-NOT-REPLACEABLE'],
    ),
    confirmed(
      'GKE encrypts the etcd disk and its backups with Google-managed keys by default; application-layer Secrets encryption with Cloud KMS is optional.',
      ['GKE-ETCD-ENCRYPTION'],
    ),
    unconfirmed('Admin Activity audit logs go to Cloud Audit Logs by default.', ['GKE-AUDIT-LOGS']),
  ],
}

export const gkeAutopilot: Orchestrator = {
  id: 'gke-autopilot',
  name: 'Google GKE Autopilot',
  family: 'kubernetes',
  vendor: 'Google Cloud',
  summary:
    'GKE where Google runs the nodes too and enforces hardened pod constraints; privileged agents only from allowlists.',
  clouds: ['gcp'],
  managedControlPlane: true,
  runtimes: ['containerd', 'gvisor'],
  os: { controlPlane: [], worker: ['cos'] },
  windowsRuntimes: [],
  plugins: [
    'kyverno',
    'gatekeeper',
    'external-secrets',
    'vault',
    'sealed-secrets',
    'cosign-policy-controller',
    'opentelemetry-collector',
  ],
  networkPolicy: 'cni',
  securityContext: 'full',
  builtInPodSecurity: 'platform-restricted',
  podLimits: {
    hostPathPrefixes: ['/var/log/'],
    hostPathReadOnly: true,
    capabilities: [...DEFAULT_CONTAINER_CAPABILITIES, 'NET_RAW', 'SYS_PTRACE'],
    sources: ['GKE-AUTOPILOT-WARDEN', 'S13'],
  },
  defaults: {
    ...MANAGED_DEFAULTS,
    secretsEncryptedAtRest: true,
    auditLogging: true,
    privilegedAllowed: false,
  },
  complexity: 2,
  experienceNeeded: 'some',
  lockIn: 2,
  modularity: 1,
  cost: 2,
  // GKE sends system, audit and application logs to Cloud Logging by default (GKE-DEFAULT-OBSERVABILITY).
  provides: ['network-policy', 'logs'],
  facts: [
    confirmed(
      'Application, system and audit logs go to Cloud Logging by default; system metrics go to Cloud Monitoring (workload metrics need Managed Prometheus configuration).',
      ['GKE-DEFAULT-OBSERVABILITY'],
      '2026-12',
    ),
    confirmed(
      'Autopilot rejects privileged pods and capabilities such as NET_RAW by default; exceptions come only from GKE-approved allowlists (WorkloadAllowlist).',
      ['S13'],
    ),
    confirmed(
      'Few privileged open-source agents are allowlisted (Grafana Alloy and Beyla); Falco, Tetragon, node-exporter and the Istio or Linkerd node agents are not, so those plugins are not offered here.',
      ['GKE-AUTOPILOT-OSS'],
    ),
    confirmed(
      'Workloads that stay within the default constraints need no allowlist: the controllers and admission webhooks listed as plugins here.',
      ['GKE-AUTOPILOT-OSS'],
    ),
    confirmed(
      'Dataplane V2 is always on in new Autopilot clusters, so NetworkPolicy is enforced without a plugin.',
      ['GKE-DATAPLANE-V2'],
    ),
    confirmed(
      'Autopilot admission refuses host paths outside /var/log/ and any writable host path, host network and host PID, host ports, and capabilities outside its allowed list (AUDIT_WRITE … SYS_PTRACE); its denial messages say so (autogke-no-write-mode-hostpath, autogke-disallow-hostnamespaces).',
      ['GKE-AUTOPILOT-WARDEN'],
      '2026-12',
    ),
    confirmed('GKE Sandbox (gVisor) is available in Autopilot from 1.27.4.', ['S11']),
    confirmed('Autopilot has no Windows node pools.', ['S12']),
    confirmed(
      'Autopilot nodes always run Container-Optimized OS with containerd (cos_containerd).',
      ['GKE-NODE-IMAGES'],
      '2026-12',
    ),
    confirmed('The etcd disk and its backups are encrypted with Google-managed keys by default.', [
      'GKE-ETCD-ENCRYPTION',
    ]),
  ],
}

export const aks: Orchestrator = {
  id: 'aks',
  name: 'Azure AKS',
  family: 'kubernetes',
  vendor: 'Microsoft Azure',
  summary:
    'Managed Kubernetes on Azure; Pod Sandboxing (Kata) on Azure Linux nodes, Windows node pools.',
  clouds: ['azure'],
  managedControlPlane: true,
  runtimes: ['containerd', 'kata', 'windows-process'],
  os: {
    controlPlane: [],
    worker: ['ubuntu', 'azure-linux', 'flatcar', 'windows-server'],
  },
  linuxPool: {
    role: 'system',
    reason:
      'An AKS cluster needs a system node pool, and system node pools must run Linux; Windows runs in user node pools.',
    sources: ['S17'],
  },
  windowsRuntimes: ['windows-process'],
  plugins: kubernetesPluginsExcept(['flannel']),
  networkPolicy: 'cni',
  securityContext: 'full',
  builtInPodSecurity: 'admission',
  defaults: {
    ...MANAGED_DEFAULTS,
    secretsEncryptedAtRest: true,
    auditLogging: false,
    privilegedAllowed: true,
  },
  complexity: 3,
  experienceNeeded: 'some',
  lockIn: 2,
  modularity: 3,
  cost: 1,
  provides: [],
  facts: [
    confirmed('containerd is the runtime on Linux (1.19+) and the only one on Windows (1.23+).', [
      'S14',
    ]),
    confirmed(
      'Pod Sandboxing runs pods in Kata VMs (Cloud Hypervisor) through RuntimeClass kata-vm-isolation. It needs Azure Linux nodes on Gen2 VMs with nested virtualisation, allows no host networking, and Defender does not assess Kata pods.',
      ['S15'],
    ),
    confirmed('Confidential Containers are in preview.', ['S16']),
    confirmed(
      'Worker OS SKUs: Ubuntu, Azure Linux, Azure Container Linux (Flatcar-derived, the flatcar entry here) and Windows Server.',
      ['AZURE-LINUX-OSSKU', 'S20'],
    ),
    confirmed(
      'Windows Server 2022/2025 node pools: 2019 is unsupported from March 2026 (Kubernetes 1.33+), 2022 support ends June 2028. No privileged Windows containers (HostProcess instead); gMSA is GA.',
      ['S17'],
    ),
    confirmed(
      'NetworkPolicy needs an engine chosen for the cluster: Cilium (recommended), Calico (also on Windows Server 2019/2022) or Azure NPM, which retires for Windows in September 2026 and Linux in September 2028.',
      ['S18'],
    ),
    confirmed('Bring-your-own CNI is not available for Windows node pools.', ['S17']),
    confirmed(
      'Azure Storage always encrypts etcd data at rest; KMS encryption of Secrets with Azure Key Vault keys is an optional extra layer.',
      ['AKS-ENCRYPTION-CONCEPTS', 'S19'],
    ),
    unconfirmed(
      'API server audit logs reach Azure Monitor only once diagnostic settings are configured.',
      ['AKS-MONITOR'],
    ),
    confirmed('Nodes can default every pod to the RuntimeDefault seccomp profile.', ['S70']),
  ],
}
