// The pod posture the policy engine enforces: the same hardening the generated manifests already carry.

export type PostureRuleId =
  | 'run-as-non-root'
  | 'read-only-root-filesystem'
  | 'drop-all-capabilities'
  | 'disallow-privilege-escalation'
  | 'seccomp-runtime-default'
  | 'disallow-latest-tag'
  | 'require-resources'

export interface PostureRule {
  readonly id: PostureRuleId
  readonly title: string
  /** Fields the API rejects on Windows pods; such rules skip pods with `spec.os.name: windows`. */
  readonly linuxOnly: boolean
  readonly message: string
}

/** Every rule, in the order the engine resources are written. */
export const POSTURE_RULES: readonly PostureRule[] = [
  {
    id: 'run-as-non-root',
    title: 'Require runAsNonRoot',
    linuxOnly: false,
    message: 'Containers must run as non-root: set securityContext.runAsNonRoot to true.',
  },
  {
    id: 'read-only-root-filesystem',
    title: 'Require a read-only root filesystem',
    linuxOnly: true,
    message:
      'Containers must set securityContext.readOnlyRootFilesystem to true; mount an emptyDir where they write.',
  },
  {
    id: 'drop-all-capabilities',
    title: 'Drop ALL capabilities, add back only allowed ones',
    linuxOnly: true,
    message: 'Containers must drop ALL capabilities and may add back only the allowed ones.',
  },
  {
    id: 'disallow-privilege-escalation',
    title: 'Disallow privilege escalation',
    linuxOnly: true,
    message: 'Containers must set securityContext.allowPrivilegeEscalation to false.',
  },
  {
    id: 'seccomp-runtime-default',
    title: 'Require the RuntimeDefault seccomp profile',
    linuxOnly: true,
    message: 'Pods must set seccompProfile.type RuntimeDefault (pod level, or on every container).',
  },
  {
    id: 'disallow-latest-tag',
    title: 'Disallow untagged and latest images',
    linuxOnly: false,
    message: 'Images must be pinned to a tag other than latest, or to a digest.',
  },
  {
    id: 'require-resources',
    title: 'Require CPU and memory requests and a memory limit',
    linuxOnly: false,
    message: 'Containers must set CPU and memory requests and a memory limit.',
  },
]
