// Sources S1..S73 of shared/KNOWLEDGE.md (S71 is not used there), with a link to each document.
import type { Reference } from '../types'

const GH = 'https://github.com'
const ADV = 'https://github.com/advisories'

export const KNOWLEDGE_REFERENCES: readonly Reference[] = [
  {
    id: 'S1',
    title: 'Updated: Dockershim Removal FAQ (Kubernetes blog, 2022-02-17)',
    url: `${GH}/kubernetes/website/blob/main/content/en/blog/_posts/2022-02-17-updated-dockershim-faq.md`,
    section: 'kubernetes/website content/en/blog/_posts/2022-02-17-updated-dockershim-faq.md',
  },
  {
    id: 'S2',
    title: 'Kubernetes documentation: Runtime Class',
    url: 'https://kubernetes.io/docs/concepts/containers/runtime-class/',
  },
  {
    id: 'S3',
    title: 'Kubernetes documentation: Windows containers in Kubernetes',
    url: 'https://kubernetes.io/docs/concepts/windows/intro',
  },
  {
    id: 'S4',
    title: 'Kubernetes documentation: Network Policies',
    url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  },
  {
    id: 'S5',
    title: 'Kubernetes documentation: Encrypting Confidential Data at Rest',
    url: 'https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/',
  },
  {
    id: 'S6',
    title: 'Amazon EKS User Guide: Windows support; aws/containers-roadmap#584',
    url: `${GH}/awsdocs/amazon-eks-user-guide/blob/mainline/latest/ug/clusters/windows-support.adoc`,
    section: 'latest/ug/clusters/windows-support.adoc',
  },
  {
    id: 'S7',
    title: 'Amazon EKS User Guide: Send control plane logs to CloudWatch Logs',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
  },
  {
    id: 'S8',
    title: 'Amazon VPC CNI: Network Policy FAQ',
    url: 'https://aws.github.io/amazon-vpc-cni-k8s/docs/network-policy-faq.html',
  },
  {
    id: 'S9',
    title: 'Amazon EKS User Guide: AWS Fargate',
    url: `${GH}/awsdocs/amazon-eks-user-guide/blob/mainline/latest/ug/nodes/fargate.adoc`,
    section: 'latest/ug/nodes/fargate.adoc',
  },
  {
    id: 'S10',
    title: 'Firecracker README',
    url: `${GH}/firecracker-microvm/firecracker/blob/main/README.md`,
  },
  {
    id: 'S11',
    title: 'GKE documentation: Harden workload isolation with GKE Sandbox',
    url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/sandbox-pods',
  },
  {
    id: 'S12',
    title: 'GKE documentation: Windows Server node pools',
    url: 'https://docs.cloud.google.com/kubernetes-engine/docs/concepts/windows-server-gke',
  },
  {
    id: 'S13',
    title: 'GKE documentation: About privileged workload admission in Autopilot mode',
    url: 'https://docs.cloud.google.com/kubernetes-engine/docs/concepts/about-autopilot-privileged-workloads',
  },
  {
    id: 'S14',
    title: 'AKS documentation: Core concepts (container runtime)',
    url: `${GH}/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/core-aks-concepts.md`,
  },
  {
    id: 'S15',
    title: 'AKS documentation: Pod Sandboxing (use-pod-sandboxing, concepts-pod-sandboxing)',
    url: `${GH}/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/use-pod-sandboxing.md`,
  },
  {
    id: 'S16',
    title: 'AKS documentation: Security concepts',
    url: `${GH}/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/concepts-security.md`,
  },
  {
    id: 'S17',
    title:
      'AKS documentation: Windows vs Linux containers, Windows FAQ, Windows Server retirements',
    url: `${GH}/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/windows-vs-linux-containers.md`,
    section:
      'windows-vs-linux-containers.md, windows-faq.yml, includes/windows-server-20xx-retirement.md',
  },
  {
    id: 'S18',
    title: 'AKS documentation: Secure traffic between pods with network policies',
    url: `${GH}/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/use-network-policies.md`,
    section: 'use-network-policies.md; azure-network-policy-manager retirement notes',
  },
  {
    id: 'S19',
    title: 'AKS documentation: Add KMS etcd encryption',
    url: `${GH}/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/use-kms-etcd-encryption.md`,
  },
  {
    id: 'S20',
    title: 'AKS documentation: Azure Container Linux overview; manage SSH node access',
    url: `${GH}/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/azure-container-linux-overview.md`,
  },
  { id: 'S21', title: 'CRI-O adopters', url: `${GH}/cri-o/cri-o/blob/main/ADOPTERS.md` },
  {
    id: 'S22',
    title: 'OpenShift sandboxed containers (operator README; documentation 1.6)',
    url: 'https://docs.redhat.com/en/documentation/openshift_sandboxed_containers/1.6',
  },
  {
    id: 'S23',
    title: 'OpenShift documentation: Windows Machine Config Operator prerequisites',
    url: `${GH}/openshift/openshift-docs/blob/main/modules/wmco-prerequisites.adoc`,
  },
  {
    id: 'S24',
    title: 'OpenShift documentation: About security context constraints',
    url: `${GH}/openshift/openshift-docs/blob/main/modules/security-context-constraints-about.adoc`,
  },
  {
    id: 'S25',
    title: 'Amazon ECS container agent README',
    url: `${GH}/aws/amazon-ecs-agent/blob/master/README.md`,
  },
  {
    id: 'S26',
    title: 'Amazon EKS User Guide: Amazon EKS optimized Windows AMIs',
    url: `${GH}/awsdocs/amazon-eks-user-guide/blob/master/doc_source/eks-optimized-windows-ami.md`,
  },
  {
    id: 'S27',
    title: 'Amazon ECS Developer Guide: Task and container security',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html',
  },
  {
    id: 'S28',
    title:
      'Amazon ECS: AWS Fargate, Fargate Windows platform versions; Fargate platform 1.4 launch blog',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html',
  },
  {
    id: 'S29',
    title:
      'Amazon ECS Developer Guide: Fargate task definition considerations; KernelCapabilities API',
    url: 'https://docs.amazonaws.cn/en_us/AmazonECS/latest/developerguide/fargate-tasks-services.md',
  },
  {
    id: 'S30',
    title: 'Docker documentation: Overlay network driver',
    url: `${GH}/docker/docs/blob/main/content/manuals/engine/network/drivers/overlay.md`,
  },
  {
    id: 'S31',
    title: 'Docker documentation: Manage swarm security with PKI',
    url: `${GH}/docker/docs/blob/main/content/manuals/engine/swarm/how-swarm-mode-works/pki.md`,
  },
  {
    id: 'S32',
    title: 'Docker documentation: Manage swarm service networks',
    url: `${GH}/docker/docs/blob/main/content/manuals/engine/swarm/networking.md`,
  },
  {
    id: 'S33',
    title: 'Docker documentation: Manage sensitive data with Docker secrets',
    url: 'https://docs.docker.com/engine/swarm/secrets/',
  },
  {
    id: 'S34',
    title: 'docker/docs#1747 and #6456: RBAC only in UCP/Docker EE (absence in CE inferred)',
    url: `${GH}/docker/docs/issues/1747`,
  },
  {
    id: 'S35',
    title: 'moby/moby release v20.10.24 (encrypted overlay CVE-2023-28840/28841/28842)',
    url: `${GH}/moby/moby/releases/tag/v20.10.24`,
  },
  {
    id: 'S36',
    title: 'Nomad task drivers (hashicorp/nomad drivers/; external drivers documentation)',
    url: `${GH}/hashicorp/nomad/tree/main/drivers`,
  },
  {
    id: 'S37',
    title:
      'Nomad source: docker driver config, capabilities defaults, exec/raw_exec drivers, agent config (v2.0.5)',
    url: `${GH}/hashicorp/nomad/blob/main/drivers/docker/config.go`,
    section:
      'drivers/docker/config.go, drivers/docker/driver.go, drivers/shared/capabilities/defaults.go, drivers/exec/driver.go, drivers/rawexec/driver.go, command/agent/config.go',
  },
  {
    id: 'S38',
    title: 'Nomad documentation: Access Control List (ACL) system',
    url: 'https://developer.hashicorp.com/nomad/docs/secure/acl',
  },
  {
    id: 'S39',
    title: 'hashicorp/nomad#25155: remove the legacy Vault token workflow',
    url: `${GH}/hashicorp/nomad/pull/25155`,
    section: 'commit 7268053174',
  },
  {
    id: 'S40',
    title: 'opencontainers/runc#1985 (CVE-2019-5736 host runc binary overwrite)',
    url: `${GH}/opencontainers/runc/pull/1985`,
  },
  {
    id: 'S41',
    title: 'GHSA-xr7r-f8xq-vfvv: runc container breakouts via leaked fds (CVE-2024-21626)',
    url: `${ADV}/GHSA-xr7r-f8xq-vfvv`,
  },
  {
    id: 'S42',
    title:
      'runc advisories GHSA-9493-h29p-rfm2, GHSA-qw9x-cqr3-wc7r, GHSA-cgrx-mc8f-2prm (Nov 2025)',
    url: `${ADV}/GHSA-9493-h29p-rfm2`,
    section: 'containerd/nerdctl#4582',
  },
  {
    id: 'S43',
    title: 'ALSA/RLSA-2022:1762: crun CVE-2022-27650',
    url: 'https://errata.almalinux.org/8/ALSA-2022-1762.html',
  },
  {
    id: 'S44',
    title: 'GHSA-36xw-fx78-c5r4 (containerd CVE-2020-15257, k3s-io/k3s#2618); CVE-2022-23648',
    url: `${ADV}/GHSA-36xw-fx78-c5r4`,
  },
  {
    id: 'S45',
    title: 'GHSA-6x2m-w449-qwx7: CRI-O "cr8escape" CVE-2022-0811 (golang/vulndb#354)',
    url: `${ADV}/GHSA-6x2m-w449-qwx7`,
  },
  { id: 'S46', title: 'cri-o/cri-o#8086 (CVE-2024-3154)', url: `${GH}/cri-o/cri-o/pull/8086` },
  {
    id: 'S47',
    title: 'GHSA-v23v-6jw2-98fq: Docker AuthZ plugin bypass CVE-2024-41110 (flatcar/Flatcar#1546)',
    url: `${ADV}/GHSA-v23v-6jw2-98fq`,
  },
  {
    id: 'S48',
    title: 'NVIDIA NeMo platform: OpenSandbox with Kata Containers',
    url: 'https://docs.nvidia.com/nemo-platform/documentation/kubernetes-deployment/setup/helm/opensandbox-kata',
  },
  {
    id: 'S49',
    title:
      'Kata Containers advisories: kata-containers/community#156, #158; GHSA-rr59-xxvx-96qr; GHSA-2gv2-cffp-j227',
    url: `${GH}/kata-containers/community/issues/156`,
  },
  {
    id: 'S50',
    title: 'gVisor documentation: Applications compatibility',
    url: 'https://gvisor.dev/docs/user_guide/compatibility',
  },
  {
    id: 'S51',
    title: 'gVisor nvproxy package documentation',
    url: 'https://godocs.io/gvisor.dev/gvisor/pkg/sentry/devices/nvproxy',
  },
  {
    id: 'S52',
    title: 'firecracker-microvm/firecracker#1179 (GPU passthrough; cited by secondary sources)',
    url: `${GH}/firecracker-microvm/firecracker/issues/1179`,
  },
  {
    id: 'S53',
    title: 'firecracker-containerd: Getting started',
    url: `${GH}/firecracker-microvm/firecracker-containerd/blob/main/docs/getting-started.md`,
  },
  {
    id: 'S54',
    title: 'Microsoft: Hyper-V isolation for Windows containers',
    url: `${GH}/MicrosoftDocs/Virtualization-Documentation/blob/main/virtualization/windowscontainers/manage-containers/hyperv-container.md`,
  },
  {
    id: 'S55',
    title: 'Bottlerocket security features',
    url: `${GH}/bottlerocket-os/bottlerocket/blob/develop/SECURITY_FEATURES.md`,
  },
  {
    id: 'S56',
    title: 'Flatcar documentation: disk partitions, update configuration, SELinux',
    url: 'https://flatcar.org/docs/latest/reference/developer-guides/sdk-disk-partitions',
    section: '/setup/releases/update-conf; /setup/security/selinux',
  },
  { id: 'S57', title: 'Talos Linux README', url: `${GH}/siderolabs/talos/blob/main/README.md` },
  {
    id: 'S58',
    title: 'Fedora CoreOS documentation: Auto-updates and manual rollbacks',
    url: 'https://docs.fedoraproject.org/en-US/fedora-coreos/auto-updates/',
  },
  {
    id: 'S59',
    title: 'Container-Optimized OS: Disks and file system overview',
    url: 'https://cloud.google.com/container-optimized-os/docs/concepts/disks-and-filesystem',
  },
  {
    id: 'S60',
    title: 'amazonlinux/amazon-linux-2022#56 (SELinux on AL2 vs AL2022)',
    url: `${GH}/amazonlinux/amazon-linux-2022/issues/56`,
  },
  {
    id: 'S61',
    title: 'Calico documentation: Helm installation customization',
    url: 'https://docs.tigera.io/calico/latest/reference/installation/helm_customization',
  },
  {
    id: 'S62',
    title: 'Cilium documentation: WireGuard transparent encryption',
    url: `${GH}/cilium/cilium/blob/main/Documentation/security/network/encryption-wireguard.rst`,
  },
  {
    id: 'S63',
    title:
      'Go vulnerability database: GO-2024-2568, GO-2024-2569, GO-2024-2656, GO-2024-2666 (Cilium)',
    url: 'https://pkg.go.dev/vuln/GO-2024-2568',
  },
  { id: 'S64', title: 'Flannel README', url: `${GH}/flannel-io/flannel/blob/master/README.md` },
  {
    id: 'S65',
    title: 'cncf/landscape#4023; weaveworks/weave#4003 (Weave Net archived)',
    url: `${GH}/weaveworks/weave/issues/4003`,
  },
  {
    id: 'S66',
    title: 'Azure REST API (arm-containerservice): AdvancedNetworkingSecurityTransitEncryption',
    url: 'https://learn.microsoft.com/en-us/javascript/api/@azure/arm-containerservice/advancednetworkingsecuritytransitencryption',
  },
  {
    id: 'S67',
    title: 'Falco documentation: Deploy as a container',
    url: 'https://falco.org/docs/setup/container',
  },
  {
    id: 'S68',
    title: 'Secrets Store CSI Driver deployment manifest',
    url: `${GH}/kubernetes-sigs/secrets-store-csi-driver/blob/main/deploy/secrets-store-csi-driver.yaml`,
  },
  {
    id: 'S69',
    title: 'Istio documentation: Ambient mode overview; install ambient components',
    url: 'https://istio.io/latest/docs/ambient/overview',
  },
  {
    id: 'S70',
    title: 'AKS documentation: Custom node configuration reference',
    url: `${GH}/MicrosoftDocs/azure-aks-docs/blob/main/articles/aks/custom-node-configuration-reference.md`,
  },
  {
    id: 'S72',
    title:
      'docker/cli#2663, docker/docs#11525, wader/postfix-relay#182 (stack deploy ignores options)',
    url: `${GH}/docker/cli/issues/2663`,
  },
  {
    id: 'S73',
    title: 'CNCF landscape.yml @153d699 (Aug 2026): project maturity levels and dates',
    url: `${GH}/cncf/landscape/blob/153d699/landscape.yml`,
  },
]
