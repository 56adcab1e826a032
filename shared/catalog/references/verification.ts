// Sources added while verifying KNOWLEDGE.md for the catalog. READ_REFERENCES were read and back
// confirmed facts; POINTER_REFERENCES are where to check, cited only by facts marked unconfirmed.
import type { Reference } from '../types'

const GH = 'https://github.com'

export const READ_REFERENCES: readonly Reference[] = [
  {
    id: 'GKE-SANDBOX-TYPES',
    title: 'GKE API: SandboxConfig.Types.Type enum (only gVisor)',
    url: 'https://cloud.google.com/dotnet/docs/reference/Google.Cloud.Container.V1/3.24.0/Google.Cloud.Container.V1.SandboxConfig.Types.Type',
  },
  {
    id: 'GKE-DATAPLANE-V2',
    title: 'GKE documentation: GKE Dataplane V2 (NetworkPolicy always on; default in Autopilot)',
    url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/dataplane-v2',
    section: 'also https://docs.cloud.google.com/kubernetes-engine/docs/how-to/dataplane-v2',
  },
  {
    id: 'GKE-CNI-NOT-REPLACEABLE',
    title:
      'Google Developer forums: What CNI plugin is used in GKE (built-in CNI cannot be replaced)',
    url: 'https://discuss.google.dev/t/what-cni-plugin-is-used-in-gke-and-are-there-alternatives/137099/3',
  },
  {
    id: 'GKE-ETCD-ENCRYPTION',
    title: 'GKE documentation: Encrypt etcd and control plane boot disks',
    url: 'https://docs.cloud.google.com/kubernetes-engine/docs/how-to/encrypt-etcd-control-plane-disks',
    section: 'About control plane boot disk and etcd encryption',
  },
  {
    id: 'GKE-AUTOPILOT-OSS',
    title: 'GKE documentation: Run privileged open source workloads on GKE Autopilot',
    url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/run-autopilot-open-source-workloads',
  },
  {
    id: 'EKS-ENVELOPE-ENCRYPTION',
    title: 'Amazon EKS User Guide: Default envelope encryption for all Kubernetes API data',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html',
  },
  {
    id: 'EKS-KATA-METAL',
    title:
      'Kata Containers on EKS with bare-metal nodes (aws-samples multi-tenancy guide; Karpenter setup)',
    url: `${GH}/aws-samples/sample-multi-tenancy-openclaw-on-eks/blob/main/docs/kata-containers.md`,
    section: 'also https://github.com/shawnawshk/kata-containers-eks-karpenter ("Why Bare Metal?")',
  },
  {
    id: 'AKS-ENCRYPTION-CONCEPTS',
    title: 'AKS documentation: Data encryption at rest concepts (KMS)',
    url: 'https://learn.microsoft.com/en-us/azure/aks/kms-data-encryption-concepts',
  },
  {
    id: 'AZURE-LINUX-OSSKU',
    title: 'Azure SDK: ContainerServiceOSSku (AzureLinux, AzureContainerLinux descriptions)',
    url: 'https://learn.microsoft.com/en-us/dotnet/api/azure.resourcemanager.containerservice.models.containerserviceossku',
  },
  {
    id: 'OCP-CRUN-DEFAULT',
    title:
      'openshift/machine-config-operator#4610: make crun the default container runtime (OCP 4.18)',
    url: `${GH}/openshift/machine-config-operator/pull/4610`,
    section:
      'also openshift/openshift-docs#86378 and #105525 ("Starting in 4.18, crun is the default")',
  },
  {
    id: 'OCP-OVN-KUBERNETES',
    title: 'OpenShift documentation: About the OVN-Kubernetes default network plugin',
    url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/4.11/html/networking/ovn-kubernetes-default-cni-network-provider',
  },
  {
    id: 'CIS-K8S-AUDIT-DEFAULT',
    title:
      'CIS Kubernetes Benchmark 3.2.1 "Ensure that a minimal audit policy is created" (default value)',
    url: 'https://tenable.com/audits/items/CIS_Kubernetes_v1.23_v1.0.1_Level_1_Master.audit:217db8ac296e3f73755ef6b5e0679c44',
  },
  {
    id: 'AL2023-SELINUX',
    title: 'Amazon Linux 2023 User Guide: Default SELinux status and modes',
    url: 'https://docs.aws.amazon.com/linux/al2023/ug/default-SELinux-modes-states.html',
  },
  {
    id: 'RHEL-SELINUX-MODES',
    title: 'RHEL 7 SELinux guide: SELinux states and modes (enforcing is the default)',
    url: 'https://docs.redhat.com/en/documentation/Red_Hat_Enterprise_Linux/7/html/selinux_users_and_administrators_guide/sect-security-enhanced_linux-introduction-selinux_modes',
  },
  {
    id: 'TALOS-SELINUX',
    title: 'Talos Linux documentation: SELinux (enabled, permissive by default since 1.10)',
    url: 'https://docs.siderolabs.com/talos/v1.15/security/selinux',
  },
  {
    id: 'FLATCAR-README',
    title: 'Flatcar Container Linux README',
    url: `${GH}/flatcar/Flatcar`,
  },
  {
    id: 'LINKERD-MTLS',
    title: 'Linkerd documentation: Automatic mTLS',
    url: 'https://linkerd.io/2.15/features/automatic-mtls',
  },
  {
    id: 'TETRAGON-ENFORCEMENT',
    title: 'Tetragon documentation: Enforcement',
    url: 'https://tetragon.io/docs/concepts/enforcement/',
  },
  {
    id: 'CALICO-NON-PRIVILEGED',
    title: 'Calico documentation: Run Calico node as non-privileged and non-root',
    url: 'https://docs.tigera.io/calico/latest/network-policy/non-privileged',
  },
  {
    id: 'CILIUM-POD-ACCESS',
    title: 'Cilium documentation: Restricting privileged Cilium pod access',
    url: `${GH}/cilium/cilium/blob/main/Documentation/security/restrict-pod-access.rst`,
  },
  {
    id: 'ISTIO-CNI',
    title: 'Istio documentation: Install the Istio CNI node agent',
    url: 'https://istio.io/latest/docs/setup/additional-setup/cni/',
  },
  {
    id: 'ECS-FIRELENS',
    title: 'Amazon ECS Developer Guide: Example task definition, route logs to FireLens',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html',
  },
  {
    id: 'ECS-ADOT',
    title: 'Amazon ECS Developer Guide: AWS Distro for OpenTelemetry sidecar; ADOT setup for ECS',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/trace-data-containerdefinitions.html',
    section: 'also https://aws-otel.github.io/docs/setup/ecs (EC2 and Fargate)',
  },
  {
    id: 'NOMAD-SERVICE-MESH',
    title: 'Nomad documentation: Consul service mesh (requires Linux network namespaces)',
    url: 'https://developer.hashicorp.com/nomad/docs/networking/service-mesh',
  },
  {
    id: 'CONSUL-MESH-SECURITY',
    title:
      'Consul documentation: Best practices for service mesh security (default deny intentions)',
    url: 'https://developer.hashicorp.com/consul/docs/connect/security',
  },
]

export const POINTER_REFERENCES: readonly Reference[] = [
  {
    id: 'GKE-AUDIT-LOGS',
    title: 'GKE documentation: Audit logging',
    url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/audit-logging',
  },
  {
    id: 'AKS-MONITOR',
    title: 'AKS documentation: Monitor AKS (resource logs need diagnostic settings)',
    url: 'https://learn.microsoft.com/en-us/azure/aks/monitor-aks',
  },
  {
    id: 'OCP-RHCOS',
    title: 'OpenShift documentation: Red Hat Enterprise Linux CoreOS (RHCOS)',
    url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/4.18/html/architecture/architecture-rhcos',
  },
  {
    id: 'OCP-AUDIT',
    title: 'OpenShift documentation: Audit log policy configuration',
    url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/4.18/html/security_and_compliance/audit-log-policy-config',
  },
  {
    id: 'OCP-ETCD-ENCRYPTION',
    title: 'OpenShift documentation: Encrypting etcd data',
    url: 'https://docs.redhat.com/en/documentation/openshift_container_platform/4.18/html/security_and_compliance/encrypting-etcd',
  },
  {
    id: 'OCP-CERTIFIED-CNI',
    title:
      'Red Hat OpenShift Service Mesh: supported network configurations (certified OpenShift CNI plugins)',
    url: 'https://docs.redhat.com/en/documentation/red_hat_openshift_service_mesh/3.0/html/installing/ossm-supported-platforms-configurations',
  },
  {
    id: 'AWS-CLOUDTRAIL',
    title: 'AWS CloudTrail User Guide: Working with CloudTrail event history',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html',
  },
  {
    id: 'VAULT-AGENT',
    title: 'Vault documentation: Vault Agent',
    url: 'https://developer.hashicorp.com/vault/docs/agent-and-proxy/agent',
  },
  {
    id: 'NOMAD-VARIABLES',
    title: 'Nomad documentation: Variables (encrypted at rest)',
    url: 'https://developer.hashicorp.com/nomad/docs/concepts/variables',
  },
  {
    id: 'PROMETHEUS-SD',
    title: 'Prometheus configuration: dockerswarm_sd_config and nomad_sd_config',
    url: 'https://prometheus.io/docs/prometheus/latest/configuration/configuration/',
  },
  {
    id: 'DOCKER-FLUENTD-DRIVER',
    title: 'Docker documentation: Fluentd logging driver',
    url: 'https://docs.docker.com/engine/logging/drivers/fluentd/',
  },
  {
    id: 'WIZ-OPEN-CVDB-GVISOR',
    title: 'wiz-sec/open-cvdb#24: GKE gVisor sandbox escape (entry not read)',
    url: `${GH}/wiz-sec/open-cvdb/pull/24`,
  },
]
