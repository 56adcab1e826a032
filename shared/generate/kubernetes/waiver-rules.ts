// The waiver rules: checks the tree does not meet (or requests it refused) and when each applies.
import { splitEgress } from './egress-rules'
import { networkPolicyFile } from './names'
import { hostAccessOf } from './pod-spec'
import type { WaiverRule } from './waivers'
import type { WorkloadPlan } from './types'

/** Why an untrusted workload runs without a sandbox, from its placement. */
function noSandboxReason(w: WorkloadPlan): string {
  if (w.sandbox.kind === 'unexpressible') return w.sandbox.reason
  if (w.workload.os === 'windows')
    return 'Windows workloads have no sandboxed runtime in Kubernetes (Hyper-V isolation is not supported)'
  if (w.placement.pool === undefined) return 'it could not be placed on any pool'
  return `it runs on pool ${w.placement.pool.pool.name}, and no pool it can run on offers a sandbox`
}

/** Every waiver rule, in README order; exception waivers (one per workload) follow the static ones. */
export const WAIVER_RULES: readonly WaiverRule[] = [
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
      "Keep Windows workloads on dedicated, tainted Windows pools (done here: each pod selects its pool and tolerates exactly that pool's taints) and write to volumes, not to the container image layer.",
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
    id: 'K8S-REFUSED-WINDOWS-HOST-ACCESS',
    title: 'Host network, host PID or privileged mode requested for a Windows pod',
    causedBy: 'workloads[*].needs',
    checks: { pss: ['Baseline/Host Namespaces', 'Baseline/Privileged Containers'] },
    applies: (w) =>
      w.workload.os === 'windows' &&
      (w.workload.needs.hostNetwork || w.workload.needs.hostPID || w.workload.needs.privileged),
    reason: () =>
      'Windows has no privileged containers and no host PID namespace; host access on Windows means a HostProcess container, which is a different kind of workload (it runs as a host process, outside any container boundary). The pod is generated without them; declared host paths are mounted.',
    action:
      'If the workload must act on the Windows host, rewrite it as a HostProcess container in its own namespace labelled `pod-security.kubernetes.io/enforce: privileged`, or move it to Linux.',
  },
  {
    kind: 'refused',
    id: 'K8S-REFUSED-CAPABILITIES',
    title: 'Declared capabilities not added',
    causedBy: 'workloads[*].needs.capabilities',
    checks: { pss: ['Baseline/Capabilities', 'Restricted/Capabilities'] },
    applies: (w) => w.capabilities.refused.length > 0,
    reason: () =>
      'Windows has no Linux capabilities, so the API would reject a Windows pod that sets them; they are left out.',
    action:
      'Remove the capabilities from the Windows workload, or run it on Linux if it needs them.',
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
    causedBy: 'workloads[*].identity.orchestratorApi',
    checks: {
      cis: ['5.1.6'],
      linters: ['polaris/automountServiceAccountToken', 'kubesec/AutomountServiceAccountToken'],
    },
    applies: (w) => w.identity.automountToken,
    reason: () =>
      'The design declares the Kubernetes API access the workload needs, so it gets its token, bound to a Role (namespace scope) or ClusterRole (cluster scope) holding exactly the declared API groups, resources and verbs, and its egress to the API server is opened.',
    action:
      'Review the declared rules: prefer namespace scope, name resources instead of whole groups, and drop write verbs the workload does not use.',
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
    causedBy: 'workloads[*].trust',
    checks: { nist: ['4.5.2'] },
    applies: (w) => w.workload.trust === 'untrusted' && w.runtimeClassName === undefined,
    reason: (plan) => {
      const why = plan.workloads
        .filter((w) => w.workload.trust === 'untrusted' && w.runtimeClassName === undefined)
        .map((w) => `${w.workload.name}: ${noSandboxReason(w)}`)
      return `Untrusted code shares the node's kernel with every other pod there. ${why.join('; ')}.`
    },
    action:
      'Offer a sandbox (gVisor, Kata Containers) on a Linux pool the workload can run on, with the handler installed, or run it on dedicated nodes and treat the shared-kernel risk.',
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-NAMED-EGRESS-OPEN',
    title: 'Egress to a named endpoint opened to every public address',
    causedBy: 'endpoints[*].hosts',
    checks: { nist: ['4.3.3'] },
    applies: (w, plan) => splitEgress(plan, w).openedForNames.length > 0,
    files: (w) => [networkPolicyFile(w.namespace)],
    reason: (plan) => {
      const opened = plan.workloads.flatMap((w) =>
        splitEgress(plan, w).openedForNames.map(
          (o) =>
            `${w.workload.name} -> ${o.endpoint.name} (${o.hosts.length > 0 ? o.hosts.join(', ') : 'a cloud API the design does not name'})`,
        ),
      )
      return `NetworkPolicy matches addresses, not DNS names, and no chosen network plugin enforces FQDN policies, so these flows are open on the endpoint's ports to every address except private, shared, link-local and loopback ranges: ${opened.join('; ')}.`
    },
    action:
      'Choose Cilium (toFQDNs policies) or put the endpoint behind an egress proxy or gateway; or list its address blocks as `cidrs`, which become exact ipBlock rules.',
  },
  {
    kind: 'not-met',
    id: 'K8S-WAIVER-HOST-NETWORK-POLICY',
    title: 'NetworkPolicy does not govern host-network pods',
    causedBy: 'workloads[*].needs.hostNetwork',
    checks: { nist: ['4.3.3'] },
    applies: (w, plan) =>
      hostAccessOf(w).hostNetwork && plan.design.isolation.network === 'default-deny',
    files: (w) => [networkPolicyFile(w.namespace)],
    reason: () =>
      "A host-network pod uses the node's network namespace and addresses: pod selectors do not match its traffic, so the policies written for it (and flows that name it) are not enforced by most network plugins; it can reach what the node can reach.",
    action:
      'Drop host networking if the workload can do with host paths or a hostPort; otherwise restrict the node with host firewall rules (or Cilium host policies) and reach the workload by node address.',
  },
  {
    kind: 'refused',
    id: 'K8S-REFUSED-CLOUD-ROLE',
    title: 'Cloud role not bound',
    causedBy: 'workloads[*].identity.cloudRole',
    checks: {},
    applies: (w) => w.identity.unboundCloudRole !== undefined,
    reason: (plan) =>
      `${plan.platform.label} has no built-in workload identity binding, so the cloud role is written nowhere; the pods get no cloud credentials.`,
    action:
      "Install the cloud's workload identity webhook (e.g. the Azure Workload Identity or AWS pod identity webhook) and annotate the ServiceAccount as it documents, or supply short-lived credentials from a secrets manager.",
  },
]
