// Controls carried by every pod: identity, security context, resources, probes and images.
import type { ControlRule } from './control-rule'
import { linux } from './control-rule'
import { hostAccessOf, podMounts } from './pod-spec'
import type { WorkloadPlan } from './types'

const notPrivileged = (w: WorkloadPlan): boolean => !hostAccessOf(w).privileged
const noHostAccess = (w: WorkloadPlan): boolean => {
  const host = hostAccessOf(w)
  return !host.hostNetwork && !host.hostPID && !podMounts(w).some((m) => m.source === 'hostPath')
}

/** Per-workload pod hardening controls, in README order. */
export const POD_CONTROL_RULES: readonly ControlRule[] = [
  {
    id: 'K8S-SERVICE-ACCOUNT-PER-WORKLOAD',
    title: () => 'A dedicated ServiceAccount per workload',
    causedBy: 'workloads[*].name',
    checks: {
      cis: ['5.1.5'],
      linters: [
        'kubesec/ServiceAccountName',
        'kube-linter/default-service-account',
        'kube-linter/non-existent-service-account',
      ],
    },
    applies: () => true,
  },
  {
    id: 'K8S-SA-TOKEN-NOT-MOUNTED',
    title: () => 'Service-account token not mounted',
    causedBy: 'workloads[*].identity.orchestratorApi',
    checks: {
      cis: ['5.1.6'],
      nist: ['4.3.2'],
      linters: ['polaris/automountServiceAccountToken', 'kubesec/AutomountServiceAccountToken'],
    },
    applies: (w) => !w.identity.automountToken,
  },
  {
    id: 'K8S-RBAC-LEAST-PRIVILEGE',
    title: () =>
      'A Role (or ClusterRole for cluster scope) with exactly the declared API groups, resources and verbs, bound to the workload alone',
    causedBy: 'workloads[*].identity.orchestratorApi',
    checks: { cis: ['5.1.1', '5.1.3'], nist: ['4.3.2'] },
    applies: (w) => w.identity.automountToken,
  },
  {
    id: 'K8S-WORKLOAD-IDENTITY',
    title: (plan) =>
      `Cloud role bound to the workload's own ServiceAccount through ${plan.platform.workloadIdentity?.name ?? 'the platform'} (no static cloud credentials)`,
    causedBy: 'workloads[*].identity.cloudRole',
    checks: { nist: ['4.1.4'] },
    applies: (w) => Object.keys(w.identity.serviceAccountAnnotations).length > 0,
  },
  {
    id: 'K8S-RUN-AS-NON-ROOT',
    title: () => 'Containers run as non-root (runAsNonRoot: true)',
    causedBy: 'isolation.podSecurity',
    checks: {
      pss: ['Restricted/Running as Non-root'],
      cis: ['5.2.7', '5.7.3'],
      nist: ['4.4.3'],
      linters: ['kube-linter/run-as-non-root', 'polaris/runAsRootAllowed', 'kubesec/RunAsNonRoot'],
    },
    applies: () => true,
  },
  {
    id: 'K8S-HIGH-UID-GID',
    title: () => 'Fixed user, group and fsGroup ID 10001',
    causedBy: 'isolation.podSecurity',
    checks: {
      pss: ['Restricted/Running as Non-root user', 'Restricted/Non-root groups'],
      cis: ['5.7.3'],
      linters: [
        'kube-score/container-security-context-user-group-id',
        'kubesec/RunAsUser',
        'kubesec/RunAsGroup',
      ],
    },
    applies: (w, plan) => linux(w) && plan.platform.fixedIds,
  },
  {
    id: 'K8S-OPENSHIFT-SCC-IDS',
    title: () => 'User and group IDs assigned by the OpenShift restricted-v2 SCC',
    causedBy: 'choices.orchestrator',
    checks: { pss: ['Restricted/Running as Non-root user'], cis: ['5.2.7'] },
    applies: (w, plan) => linux(w) && !plan.platform.fixedIds,
  },
  {
    id: 'K8S-READONLY-ROOTFS',
    title: () => 'Read-only root filesystem; an emptyDir (or the data volume) per writable path',
    causedBy: 'workloads[*].needs.writablePaths',
    checks: {
      cis: ['5.7.3'],
      nist: ['4.4.4'],
      linters: [
        'kube-score/container-security-context-readonlyrootfilesystem',
        'polaris/notReadOnlyRootFilesystem',
        'kubesec/ReadOnlyRootFilesystem',
        'kube-linter/no-read-only-root-fs',
      ],
    },
    applies: linux,
  },
  {
    id: 'K8S-NO-PRIVILEGE-ESCALATION',
    title: () => 'allowPrivilegeEscalation: false',
    causedBy: 'isolation.podSecurity',
    checks: {
      pss: ['Restricted/Privilege Escalation'],
      cis: ['5.2.6'],
      nist: ['4.4.3'],
      linters: [
        'polaris/privilegeEscalationAllowed',
        'kubesec/AllowPrivilegeEscalation',
        'kube-linter/privilege-escalation-container',
      ],
    },
    applies: (w) => linux(w) && notPrivileged(w),
  },
  {
    id: 'K8S-NOT-PRIVILEGED',
    title: () => 'No privileged or HostProcess containers',
    causedBy: 'isolation.podSecurity',
    checks: {
      pss: ['Baseline/Privileged Containers', 'Baseline/HostProcess'],
      cis: ['5.2.2', '5.2.11'],
      nist: ['4.4.3'],
      linters: [
        'kube-score/container-security-context-privileged',
        'polaris/runAsPrivileged',
        'kubesec/Privileged',
        'kube-linter/privileged-container',
      ],
    },
    applies: notPrivileged,
  },
  {
    id: 'K8S-CAPABILITIES-DROP-ALL',
    title: () => 'All capabilities dropped; only declared, admitted ones added back',
    causedBy: 'workloads[*].needs.capabilities',
    checks: {
      pss: ['Baseline/Capabilities', 'Restricted/Capabilities'],
      cis: ['5.2.8', '5.2.9', '5.2.10'],
      nist: ['4.4.3'],
      linters: [
        'polaris/insecureCapabilities',
        'polaris/dangerousCapabilities',
        'kubesec/CapDropAll',
        'kubesec/CapDropAny',
        'kubesec/CapSysAdmin',
        'kube-linter/drop-net-raw-capability',
      ],
    },
    applies: linux,
  },
  {
    id: 'K8S-SECCOMP-RUNTIME-DEFAULT',
    title: () => 'seccomp profile RuntimeDefault',
    causedBy: 'isolation.podSecurity',
    checks: {
      pss: ['Baseline/Seccomp', 'Restricted/Seccomp'],
      cis: ['5.7.2'],
      nist: ['4.4.3'],
      linters: ['kube-score/container-seccomp-profile', 'kubesec/SeccompAny'],
    },
    applies: linux,
  },
  {
    id: 'K8S-NO-HOST-NAMESPACES',
    title: () => 'No host network, PID, IPC, ports or hostPath volumes',
    causedBy: 'workloads[*].needs',
    checks: {
      pss: [
        'Baseline/Host Namespaces',
        'Baseline/HostPath Volumes',
        'Baseline/Host Ports',
        'Restricted/Volume Types',
      ],
      cis: ['5.2.3', '5.2.4', '5.2.5', '5.2.12', '5.2.13'],
      nist: ['4.5.5'],
      linters: [
        'polaris/hostIPCSet',
        'polaris/hostPIDSet',
        'polaris/hostNetworkSet',
        'polaris/hostPortSet',
        'kubesec/HostNetwork',
        'kubesec/HostPID',
        'kubesec/HostIPC',
        'kube-linter/host-network',
        'kube-linter/host-pid',
        'kube-linter/host-ipc',
        'kube-linter/sensitive-host-mounts',
      ],
    },
    applies: noHostAccess,
  },
  {
    id: 'K8S-RESOURCES',
    title: () =>
      'CPU and memory requests, memory limit equal to the request, ephemeral storage bounded',
    causedBy: 'workloads[*].resources',
    checks: {
      linters: [
        'kube-linter/unset-cpu-requirements',
        'kube-linter/unset-memory-requirements',
        'polaris/cpuRequestsMissing',
        'polaris/memoryRequestsMissing',
        'polaris/memoryLimitsMissing',
        'kubesec/RequestsCPU',
        'kubesec/RequestsMemory',
        'kubesec/LimitsMemory',
        'kube-score/container-ephemeral-storage-request-and-limit',
      ],
    },
    applies: () => true,
  },
  {
    id: 'K8S-PROBES',
    title: () => 'Readiness and liveness probes on the first declared port',
    causedBy: 'workloads[*].ports',
    checks: {
      linters: [
        'polaris/readinessProbeMissing',
        'polaris/livenessProbeMissing',
        'kube-linter/no-readiness-probe',
        'kube-linter/no-liveness-probe',
        'kube-linter/readiness-port',
        'kube-linter/liveness-port',
      ],
    },
    applies: (w) => w.workload.ports.length > 0,
  },
  {
    id: 'K8S-IMAGE-PULL-ALWAYS',
    title: () => 'imagePullPolicy: Always',
    causedBy: 'workloads[*].image',
    checks: {
      nist: ['4.2.3'],
      linters: ['kube-score/container-image-pull-policy', 'polaris/pullPolicyNotAlways'],
    },
    applies: () => true,
  },
  {
    id: 'K8S-IMAGE-PINNED',
    title: () => 'Image pinned to a tag or digest',
    causedBy: 'workloads[*].image',
    checks: {
      nist: ['4.1.5', '4.2.2'],
      linters: [
        'kube-score/container-image-tag',
        'polaris/tagNotSpecified',
        'kube-linter/latest-tag',
      ],
    },
    applies: (w) => w.imagePinned,
  },
]
