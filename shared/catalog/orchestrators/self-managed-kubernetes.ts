// Self-managed Kubernetes distributions: upstream Kubernetes (kubeadm) and Red Hat OpenShift.
import { confirmed, unconfirmed } from '../fact'
import type { Orchestrator } from '../types'
import { KUBERNETES_PLUGINS, kubernetesPluginsExcept } from './plugin-sets'

const WINDOWS_WORKERS_ONLY = confirmed(
  'Windows nodes are workers only: the control plane must run on Linux. Windows Server 2022/2025 in process isolation; Hyper-V isolation is not supported.',
  ['S3', 'ARTICLE-OS'],
)

const NETWORK_POLICY_NEEDS_CNI = confirmed(
  'A NetworkPolicy has no effect unless the network plugin enforces it.',
  ['S4', 'CIS Kubernetes 5.3.1'],
)

export const kubernetes: Orchestrator = {
  id: 'kubernetes',
  name: 'Kubernetes (self-managed)',
  family: 'kubernetes',
  vendor: 'CNCF (upstream, kubeadm)',
  summary:
    'Upstream Kubernetes you install and run yourself: every runtime and plugin, and every day-2 task, is yours.',
  clouds: ['on-prem', 'hybrid', 'aws', 'gcp', 'azure'],
  managedControlPlane: false,
  runtimes: ['containerd', 'cri-o', 'docker', 'kata', 'gvisor', 'firecracker', 'windows-process'],
  os: {
    controlPlane: ['ubuntu', 'rhel', 'amazon-linux', 'flatcar', 'talos', 'fedora-coreos'],
    worker: [
      'ubuntu',
      'rhel',
      'amazon-linux',
      'bottlerocket',
      'flatcar',
      'talos',
      'fedora-coreos',
      'windows-server',
    ],
  },
  windowsRuntimes: ['windows-process'],
  plugins: KUBERNETES_PLUGINS,
  networkPolicy: 'cni',
  securityContext: 'full',
  builtInPodSecurity: 'admission',
  defaults: {
    secretsEncryptedAtRest: false,
    auditLogging: false,
    rbac: true,
    apiTls: true,
    privilegedAllowed: true,
  },
  complexity: 5,
  experienceNeeded: 'expert',
  lockIn: 0,
  modularity: 3,
  cost: 0,
  provides: [],
  facts: [
    confirmed(
      'Any CRI runtime works (containerd, CRI-O); Docker Engine only through cri-dockerd, because dockershim was removed in 1.24.',
      ['S1'],
    ),
    confirmed(
      'RuntimeClass selects a sandbox handler (Kata, gVisor, Firecracker) per pod, so untrusted and trusted workloads can share a cluster.',
      ['S2'],
    ),
    WINDOWS_WORKERS_ONLY,
    NETWORK_POLICY_NEEDS_CNI,
    confirmed(
      'Secrets are stored unencrypted in etcd unless the API server is given an encryption configuration.',
      ['S5', 'K8S-SECRETS-GOOD-PRACTICES'],
    ),
    confirmed(
      'API audit logging is off until kube-apiserver gets --audit-policy-file; without it no audit events are recorded.',
      ['K8S-AUDIT', 'CIS-K8S-AUDIT-DEFAULT'],
    ),
    unconfirmed(
      'Pod Security Admission is built in, but namespaces without pod-security labels admit privileged pods.',
      ['PSS'],
    ),
    confirmed(
      'Highly modular: networking, storage, admission and monitoring come from third-party plugins, each one more exposure to track.',
      ['ARTICLE-PLUGINS'],
    ),
    unconfirmed(
      'Bottlerocket has variants for VMware and bare-metal Kubernetes worker nodes; it is not a control-plane OS.',
      ['S55'],
    ),
    confirmed('Talos runs Kubernetes only, for both control-plane and worker nodes.', ['S57']),
  ],
}

export const openshift: Orchestrator = {
  id: 'openshift',
  name: 'Red Hat OpenShift',
  family: 'kubernetes',
  vendor: 'Red Hat',
  summary:
    'Opinionated Kubernetes distribution: CRI-O, RHCOS nodes, restricted SCCs and OVN-Kubernetes by default.',
  clouds: ['on-prem', 'hybrid', 'aws', 'gcp', 'azure'],
  managedControlPlane: false,
  runtimes: ['cri-o', 'kata', 'windows-process'],
  os: {
    controlPlane: ['fedora-coreos'],
    worker: ['fedora-coreos', 'rhel', 'windows-server'],
  },
  windowsRuntimes: ['windows-process'],
  plugins: kubernetesPluginsExcept(['flannel']),
  networkPolicy: 'cni',
  securityContext: 'full',
  builtInPodSecurity: 'enforced-restricted',
  defaults: {
    secretsEncryptedAtRest: false,
    auditLogging: true,
    rbac: true,
    apiTls: true,
    privilegedAllowed: false,
  },
  complexity: 4,
  experienceNeeded: 'some',
  lockIn: 2,
  modularity: 2,
  cost: 3,
  provides: ['network-policy'],
  facts: [
    confirmed('CRI-O is the only supported container engine.', ['S21']),
    confirmed(
      'crun is the default low-level runtime for new containers since OpenShift 4.18 (runc remains selectable).',
      ['OCP-CRUN-DEFAULT'],
    ),
    confirmed(
      'OpenShift sandboxed containers run Kata (QEMU) delivered as an RHCOS extension, plus "peer pods" on cloud VMs.',
      ['S22'],
    ),
    unconfirmed(
      'Control-plane nodes run Red Hat Enterprise Linux CoreOS (RHCOS), modelled here as the fedora-coreos entry; compute nodes run RHCOS or RHEL.',
      ['OCP-RHCOS'],
    ),
    confirmed(
      'Windows worker nodes come through the Windows Machine Config Operator, which requires OVN-Kubernetes hybrid networking.',
      ['S23'],
    ),
    confirmed(
      'The restricted SCC applies by default: no privileged containers, no hostPath, UIDs from a pre-allocated range and an MCS SELinux label.',
      ['S24'],
    ),
    confirmed(
      'OVN-Kubernetes, the default network plugin, implements Kubernetes NetworkPolicy (ingress and egress), so enforcement needs no extra plugin.',
      ['OCP-OVN-KUBERNETES'],
    ),
    unconfirmed(
      'Certified third-party CNIs (Calico, Cilium) can replace OVN-Kubernetes at install time; Flannel is not offered.',
      ['OCP-CERTIFIED-CNI'],
    ),
    unconfirmed('API server audit logging is on by default (Default audit profile).', [
      'OCP-AUDIT',
    ]),
    unconfirmed('etcd encryption is not enabled by default; it is turned on per cluster.', [
      'OCP-ETCD-ENCRYPTION',
    ]),
  ],
}
