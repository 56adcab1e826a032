// Checks the generated tree does not meet, each with the reason and what the operator should do.
import type { ControlChecks } from '../types'
import type { Plan } from './plan'
import type { WorkloadPlan } from './types'

/** A check deliberately not met (or a request the generator refused), for the README and the controls. */
export interface Waiver {
  /** `not-met`: the listed checks fail where it applies. `refused`: the design asked for something the
   * generator did not emit, so the listed checks still pass but the workload may lack what it needs. */
  readonly kind: 'not-met' | 'refused'
  readonly id: string
  readonly title: string
  /** Workloads concerned; empty when the waiver covers the whole tree. */
  readonly workloads: readonly string[]
  readonly where: readonly string[]
  readonly causedBy: string
  /** `not-met`: the checks that fail; `refused`: the checks the refusal keeps passing. */
  readonly checks: ControlChecks
  readonly reason: string
  readonly action: string
}

interface WaiverRule {
  readonly kind: Waiver['kind']
  readonly id: string
  readonly title: string
  readonly causedBy: string
  readonly checks: ControlChecks
  /** Workloads it applies to; an empty selection means the waiver is not needed. */
  readonly applies: (w: WorkloadPlan, plan: Plan) => boolean
  readonly reason: (plan: Plan) => string
  readonly action: string
}

const RULES: readonly WaiverRule[] = [
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-CPU-LIMIT',
    title: 'No CPU limit',
    causedBy: 'workloads[*].resources.cpu',
    checks: {
      linters: ['kube-score/container-resources', 'polaris/cpuLimitsMissing', 'kubesec/LimitsCPU'],
    },
    applies: () => true,
    reason: () =>
      'CPU is compressible: a CPU limit throttles a container even when the node is idle and adds latency, while the CPU request already reserves its share. Memory is not compressible, so the memory limit (equal to the request) stays.',
    action:
      'Run kube-score with `--ignore-container-cpu-limit`; add `resources.limits.cpu` only where a hard cap is required (GKE Autopilot sets it equal to the request anyway).',
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-PROBES-SAME-PORT',
    title: 'Readiness and liveness probe the same port',
    causedBy: 'workloads[*].ports',
    checks: { linters: ['kube-score/pod-probes'] },
    applies: (w) => w.workload.ports.length > 0,
    reason: () =>
      'The design only states ports, so both probes open a TCP connection to the first port. The liveness probe waits longer and tolerates more failures, so a busy pod is taken out of rotation long before it is restarted; kube-score still reports the probes as identical.',
    action:
      "Replace the probes with the application's own endpoints (e.g. httpGet /readyz and /livez) once they are known.",
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-NO-PROBES',
    title: 'No readiness or liveness probe',
    causedBy: 'workloads[*].ports',
    checks: {
      linters: [
        'kube-score/pod-probes',
        'polaris/readinessProbeMissing',
        'polaris/livenessProbeMissing',
        'kube-linter/no-readiness-probe',
        'kube-linter/no-liveness-probe',
      ],
    },
    applies: (w) => w.workload.ports.length === 0,
    reason: () =>
      'The workload declares no port, so there is nothing to probe over the network; an exec probe would need a command that exists inside the image, which the design does not name.',
    action: "Add an exec probe that checks the process's health from inside the container.",
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-WINDOWS-LINUX-ONLY-FIELDS',
    title: 'Windows pods: Linux-only security fields not set',
    causedBy: 'workloads[*].os',
    checks: {
      pss: ['Restricted/Privilege Escalation', 'Restricted/Seccomp', 'Restricted/Capabilities'],
      linters: [
        'kube-score/container-security-context-user-group-id',
        'kube-score/container-security-context-readonlyrootfilesystem',
        'kube-score/container-seccomp-profile',
        'polaris/notReadOnlyRootFilesystem',
        'polaris/privilegeEscalationAllowed',
        'polaris/insecureCapabilities',
        'kubesec/ReadOnlyRootFilesystem',
        'kubesec/RunAsUser',
        'kubesec/RunAsGroup',
        'kubesec/CapDropAll',
        'kubesec/CapDropAny',
        'kubesec/SeccompAny',
        'kube-linter/no-read-only-root-fs',
        'kube-linter/drop-net-raw-capability',
      ],
    },
    applies: (w) => w.workload.os === 'windows',
    reason: () =>
      'With `spec.os.name: windows` the API rejects seccompProfile, capabilities, allowPrivilegeEscalation, privileged, readOnlyRootFilesystem, runAsUser, runAsGroup and fsGroup, and the Pod Security Standards exempt Windows pods from the Privilege Escalation, Seccomp and Capabilities controls. The pods still set runAsNonRoot, which on Windows the kubelet enforces as "not `ContainerAdministrator`", and run as `ContainerUser`.',
    action:
      'Keep Windows workloads on dedicated, tainted Windows nodes (done here with a toleration for `os=windows:NoSchedule`) and write to volumes, not to the container image layer.',
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-OPENSHIFT-IDS',
    title: 'No fixed user and group IDs on OpenShift',
    causedBy: 'choices.orchestrator',
    checks: {
      linters: [
        'kube-score/container-security-context-user-group-id',
        'kubesec/RunAsUser',
        'kubesec/RunAsGroup',
      ],
    },
    applies: (w, plan) => !plan.platform.fixedIds && w.workload.os === 'linux',
    reason: () =>
      'The `restricted-v2` SecurityContextConstraint assigns each pod a UID and GID from the range allocated to its namespace (always non-root and high); a fixed ID outside that range is rejected.',
    action: 'Read the namespace annotation `openshift.io/sa.scc.uid-range` to see the IDs in use.',
  },
  {
    kind: 'refused',
    id: 'K8S-REFUSED-HOST-ACCESS',
    title: 'Host access requested but not generated',
    causedBy: 'workloads[*].needs.hostAccess',
    checks: {
      pss: [
        'Baseline/Host Namespaces',
        'Baseline/HostPath Volumes',
        'Baseline/Privileged Containers',
      ],
    },
    applies: (w) => w.workload.needs.hostAccess,
    reason: () =>
      'The generator refuses to emit host networking, host PID/IPC, hostPath volumes or privileged containers, so every pod stays within the Restricted profile. The workload is generated without host access and may not work as intended.',
    action:
      'If host access is truly required, run the workload in a separate namespace labelled `pod-security.kubernetes.io/enforce: privileged`, add only the specific field it needs, and record the justification in the design.',
  },
  {
    kind: 'refused',
    id: 'K8S-REFUSED-CAPABILITIES',
    title: 'Declared capabilities not added',
    causedBy: 'workloads[*].needs.capabilities',
    checks: { pss: ['Baseline/Capabilities', 'Restricted/Capabilities'] },
    applies: (w) => w.capabilities.refused.length > 0,
    reason: (plan) =>
      `Pod Security Admission at level "${plan.design.isolation.podSecurity}" would reject a pod adding them (Restricted allows only NET_BIND_SERVICE; Windows has no Linux capabilities), so they are left out and the pod is admitted.`,
    action:
      'Run the workload in a namespace whose Pod Security level admits the capability, or change the workload so it no longer needs it.',
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-IMAGE-TAG',
    title: 'Image not pinned',
    causedBy: 'workloads[*].image',
    checks: {
      linters: [
        'kube-score/container-image-tag',
        'polaris/tagNotSpecified',
        'kube-linter/latest-tag',
      ],
    },
    applies: (w) => !w.imagePinned,
    reason: () =>
      'The image is written as the design gives it, without a tag or with `latest`, so what runs can change without any change to this tree. The policy engine, when one is chosen, rejects these pods until the image is pinned.',
    action: 'Pin the image to a version tag or, better, a digest (`@sha256:...`).',
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-SA-TOKEN',
    title: 'Service-account token mounted',
    causedBy: 'workloads[*].needs.apiAccess',
    checks: {
      cis: ['5.1.6'],
      linters: ['polaris/automountServiceAccountToken', 'kubesec/AutomountServiceAccountToken'],
    },
    applies: (w) => w.workload.needs.apiAccess,
    reason: () =>
      'The design says the workload calls the Kubernetes API, so it needs its token. No Role or RoleBinding is generated: the ServiceAccount starts with no permissions.',
    action: 'Bind a Role granting only the verbs and resources the workload uses.',
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-NETWORK-ALLOW-ALL',
    title: 'No NetworkPolicies (flat network)',
    causedBy: 'isolation.network',
    checks: {
      cis: ['5.3.2'],
      linters: ['kube-score/pod-networkpolicy', 'kube-linter/non-isolated-pod'],
    },
    applies: (_w, plan) => plan.design.isolation.network === 'allow-all',
    reason: () =>
      'The design sets `isolation.network: allow-all`, so every pod can reach every other pod and the internet; a compromised pod can reach everything.',
    action: 'Set `isolation.network: default-deny` and regenerate.',
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-NO-SANDBOX',
    title: 'Untrusted workload without a sandbox runtime',
    causedBy: 'isolation.runtimeClassForUntrusted',
    checks: { nist: ['4.5.2'] },
    applies: (w) => w.workload.trust === 'untrusted' && w.runtimeClassName === undefined,
    reason: (plan) =>
      plan.sandbox.kind === 'unavailable'
        ? `No sandbox can be used: ${plan.sandbox.reason}. Untrusted code shares the node's kernel with every other pod there (Windows workloads have no sandboxed runtime in Kubernetes).`
        : "Windows workloads have no sandboxed runtime in Kubernetes (Hyper-V isolation is not supported), so untrusted code shares the node's kernel.",
    action:
      'Set `isolation.runtimeClassForUntrusted` to a sandbox runtime (gVisor, Kata Containers) the platform supports, or run the workload on dedicated nodes.',
  },
]

/** The waivers a plan needs, in a fixed order, each listing the workloads and files it covers. */
export function waiversFor(plan: Plan): Waiver[] {
  return RULES.flatMap((rule) => {
    const concerned = plan.workloads.filter((w) => rule.applies(w, plan))
    if (concerned.length === 0) return []
    return [
      {
        kind: rule.kind,
        id: rule.id,
        title: rule.title,
        workloads: concerned.map((w) => w.workload.name),
        where: concerned.map((w) => w.file),
        causedBy: rule.causedBy,
        checks: rule.checks,
        reason: rule.reason(plan),
        action: rule.action,
      },
    ]
  })
}
