// Standard references the engine and generators cite by fixed id: the article, NIST, CIS, Kubernetes
// documentation and compliance frameworks.
import type { Reference } from '../types'

const ARTICLE_TITLE =
  'Sysdig Cloud Native Learning Hub: Designing a Secure Container Orchestration and Containerized Architecture Strategy'
// Not re-fetched here: the article text is in shared/000_917857cba11e04e3.txt.
const ARTICLE_URL =
  'https://www.sysdig.com/learn-cloud-native/designing-a-secure-container-orchestration-and-containerized-architecture-strategy'

const ARTICLE_SECTIONS = [
  ['ARTICLE-ORCHESTRATION', 'Container Orchestration and Security'],
  ['ARTICLE-ISOLATION', 'Container Isolation'],
  ['ARTICLE-RUNTIMES', 'Container Runtimes'],
  ['ARTICLE-OS', 'Operating System Support'],
  ['ARTICLE-PLUGINS', 'Third-Party Plugins'],
] as const

const NIST_800_190_SECTIONS = [
  ['4.1.1', 'Image vulnerabilities'],
  ['4.1.4', 'Embedded clear text secrets'],
  ['4.1.5', 'Use of untrusted images'],
  ['4.3.1', 'Unbounded administrative access'],
  ['4.3.2', 'Unauthorized access'],
  ['4.3.3', 'Poorly separated inter-container network traffic'],
  ['4.3.4', 'Mixing of workload sensitivity levels'],
  ['4.3.5', 'Orchestrator node trust'],
  ['4.4.1', 'Vulnerabilities within the runtime software'],
  ['4.4.2', 'Unbounded network access from containers'],
  ['4.4.3', 'Insecure container runtime configurations'],
  ['4.5.1', 'Large attack surface'],
  ['4.5.2', 'Shared kernel'],
  ['4.5.3', 'Host OS component vulnerabilities'],
  ['4.5.5', 'Host OS file system tampering'],
] as const

const CIS_KUBERNETES_SECTIONS = [
  ['5.1.5', 'Ensure that default service accounts are not actively used'],
  ['5.1.6', 'Ensure that Service Account Tokens are only mounted where necessary'],
  ['5.2.2', 'Minimize the admission of privileged containers'],
  ['5.2.5', 'Minimize the admission of containers wishing to share the host network namespace'],
  ['5.2.6', 'Minimize the admission of containers with allowPrivilegeEscalation'],
  ['5.2.7', 'Minimize the admission of root containers'],
  ['5.2.8', 'Minimize the admission of containers with the NET_RAW capability'],
  ['5.2.9', 'Minimize the admission of containers with added capabilities'],
  ['5.3.1', 'Ensure that the CNI in use supports NetworkPolicies'],
  ['5.3.2', 'Ensure that all Namespaces have NetworkPolicies defined'],
  ['5.4.1', 'Prefer using Secrets as files over Secrets as environment variables'],
  ['5.4.2', 'Consider external secret storage'],
  ['5.5.1', 'Configure Image Provenance using ImagePolicyWebhook admission controller'],
  ['5.7.1', 'Create administrative boundaries between resources using namespaces'],
  ['5.7.2', 'Ensure that the seccomp profile is set to RuntimeDefault in your pod definitions'],
  ['5.7.3', 'Apply SecurityContext to your Pods and Containers'],
  ['5.7.4', 'The default namespace should not be used'],
] as const

const NIST_800_53_CONTROLS = [
  ['SC-7', 'Boundary Protection'],
  ['AC-6', 'Least Privilege'],
  ['AU-2', 'Event Logging'],
  ['SI-4', 'System Monitoring'],
] as const

const NIST_800_190 = 'NIST SP 800-190 Application Container Security Guide'
const CIS_KUBERNETES = 'CIS Kubernetes Benchmark'

const OTHER_STANDARDS = [
  {
    id: 'PSS',
    title: 'Kubernetes documentation: Pod Security Standards',
    url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  },
  {
    id: 'K8S-SECURITY-CONTEXT',
    title: 'Kubernetes documentation: Configure a Security Context for a Pod or Container',
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  },
  {
    id: 'K8S-RBAC-GOOD-PRACTICES',
    title: 'Kubernetes documentation: Role Based Access Control Good Practices',
    url: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
  },
  {
    id: 'K8S-AUDIT',
    title: 'Kubernetes documentation: Auditing',
    url: 'https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/',
  },
  {
    id: 'K8S-SECRETS-GOOD-PRACTICES',
    title: 'Kubernetes documentation: Good practices for Kubernetes Secrets',
    url: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
  },
  {
    id: 'SWARM-STACK-IGNORED',
    title: 'docker stack deploy ignores privileged, security_opt and devices (docker/cli#2663)',
    url: 'https://github.com/docker/cli/issues/2663',
    section: 'KNOWLEDGE.md S72',
  },
  {
    id: 'PCI-DSS-4.0',
    title: 'PCI DSS v4.0: Payment Card Industry Data Security Standard',
    url: 'https://www.pcisecuritystandards.org/document_library/',
  },
  {
    id: 'HIPAA-SECURITY-RULE',
    title: 'HIPAA Security Rule (45 CFR Part 160 and Subparts A and C of Part 164)',
    url: 'https://www.hhs.gov/hipaa/for-professionals/security/index.html',
  },
  {
    id: 'SOC2-TSC',
    title: 'AICPA 2017 Trust Services Criteria (SOC 2), revised points of focus 2022',
    url: 'https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022',
  },
  {
    id: 'FEDRAMP-MODERATE',
    title: 'FedRAMP Moderate baseline (NIST SP 800-53 Rev. 5)',
    url: 'https://www.fedramp.gov/documents-templates/',
  },
] as const

export const STANDARD_REFERENCE_IDS = [
  ...ARTICLE_SECTIONS.map(([id]) => id),
  ...NIST_800_190_SECTIONS.map(([section]) => `NIST SP 800-190 ${section}` as const),
  ...CIS_KUBERNETES_SECTIONS.map(([section]) => `CIS Kubernetes ${section}` as const),
  ...OTHER_STANDARDS.map((r) => r.id),
  ...NIST_800_53_CONTROLS.map(([control]) => `NIST SP 800-53 ${control}` as const),
]

/** An id of a standard reference, e.g. `NIST SP 800-190 4.4.3` or `CIS Kubernetes 5.2.2`. */
export type StandardReferenceId = (typeof STANDARD_REFERENCE_IDS)[number]

export const STANDARD_REFERENCES: readonly Reference[] = [
  ...ARTICLE_SECTIONS.map(([id, section]) => ({
    id,
    title: `${ARTICLE_TITLE}: ${section}`,
    url: ARTICLE_URL,
    section,
  })),
  ...NIST_800_190_SECTIONS.map(([section, name]) => ({
    id: `NIST SP 800-190 ${section}`,
    title: `${NIST_800_190}, ${section} ${name}`,
    url: 'https://doi.org/10.6028/NIST.SP.800-190',
    section,
  })),
  ...CIS_KUBERNETES_SECTIONS.map(([section, name]) => ({
    id: `CIS Kubernetes ${section}`,
    title: `${CIS_KUBERNETES} ${section}: ${name}`,
    url: 'https://www.cisecurity.org/benchmark/kubernetes',
    section,
  })),
  ...OTHER_STANDARDS,
  ...NIST_800_53_CONTROLS.map(([control, name]) => ({
    id: `NIST SP 800-53 ${control}`,
    title: `NIST SP 800-53 Rev. 5 ${control} ${name}`,
    url: 'https://doi.org/10.6028/NIST.SP.800-53r5',
    section: control,
  })),
]
