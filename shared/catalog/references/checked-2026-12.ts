// Sources read in December 2026 while correcting the catalog (issue 10), each quoted in
// docs/research/facts-2026-12.md (Q-numbers). Every entry here is cited by a fact or a rule.
import type { Reference } from '../types'

const GH = 'https://github.com'

export const DECEMBER_2026_REFERENCES: readonly Reference[] = [
  {
    id: 'CALICO-EKS-POLICY-ONLY',
    title:
      'Calico documentation: EKS with Amazon VPC networking (Policy:Calico, IPAM:AWS, CNI:AWS), checked 2026-12',
    url: `${GH}/tigera/docs/blob/main/calico/getting-started/kubernetes/managed-public-cloud/eks.mdx`,
  },
  {
    id: 'CILIUM-AWS-CNI-CHAINING',
    title:
      'Cilium documentation: AWS VPC CNI plugin chaining (cni.chainingMode=aws-cni), checked 2026-12',
    url: `${GH}/cilium/cilium/blob/main/Documentation/installation/cni-chaining-aws-cni.rst`,
  },
  {
    id: 'K8S-ADMISSION-WEBHOOKS',
    title:
      'Kubernetes documentation: Admission controllers, ValidatingAdmissionWebhook ("called in parallel; if any of them rejects the request, the request fails"), checked 2026-12',
    url: 'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/',
  },
  {
    id: 'TALOS-GEN-CONFIG',
    title:
      'Talos: generated machine configuration (APIServerDefaultAuditPolicy level Metadata; secretbox encryption secret), checked 2026-12',
    url: `${GH}/siderolabs/talos/blob/main/pkg/machinery/config/generate/init.go`,
  },
  {
    id: 'MOBY-API-AUDIT-CLOSED',
    title:
      'moby/moby#14011 and #14446: API call audit logging proposed and closed unmerged (no Engine API audit log), checked 2026-12',
    url: `${GH}/moby/moby/pull/14011`,
  },
  {
    id: 'CIS-DOCKER-AUDITD',
    title:
      'CIS Docker Benchmark 1.1.x "Ensure auditing is configured for the Docker daemon" and its files (item texts read in Tenable’s CIS audit files, a secondary source), checked 2026-12',
    url: 'https://www.cisecurity.org/benchmark/docker',
  },
  {
    id: 'GKE-AUTOPILOT-WARDEN',
    title:
      'GKE Autopilot admission (Warden) denials: hostPath only under /var/log/ read-only; no hostNetwork/hostPID, no host ports; privileged rejected (error texts quoted in DataDog/helm-charts#629), checked 2026-12',
    url: `${GH}/DataDog/helm-charts/issues/629`,
  },
  {
    id: 'GKE-DEFAULT-OBSERVABILITY',
    title:
      'GKE documentation: default observability ("Send system logs, audit logs, and application logs to Cloud Logging"), checked 2026-12',
    url: 'https://cloud.google.com/stackdriver/docs/solutions/gke',
  },
  {
    id: 'GKE-NODE-IMAGES',
    title:
      'GKE documentation: node images ("GKE Autopilot nodes always use Container-Optimized OS with containerd"), checked 2026-12',
    url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/node-images',
  },
  {
    id: 'ECS-SERVICE-CONNECT-TLS',
    title: 'Amazon ECS Developer Guide: Service Connect TLS with AWS Private CA, checked 2026-12',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-tls.html',
  },
]
