// Amazon ECS on EC2 and on Fargate: closed, agent-based orchestration with few integrations.
import { confirmed, unconfirmed } from '../fact'
import type { Orchestrator } from '../types'
import type { PluginId } from '../ids'

/** AWS-documented sidecars (FireLens, ADOT) plus Vault Agent; Kubernetes plugins do not apply. */
const ECS_PLUGINS: readonly PluginId[] = ['fluent-bit', 'opentelemetry-collector', 'vault']

const ECS_DEFAULTS = {
  secretsEncryptedAtRest: true,
  auditLogging: true,
  rbac: true,
  apiTls: true,
} as const

const ECS_FACTS = [
  confirmed(
    'With awsvpc networking each task gets its own ENI and security groups: that is how traffic between tasks is restricted, without a plugin.',
    ['S27'],
  ),
  confirmed(
    'Task secrets come from Secrets Manager or SSM Parameter Store through the secrets field; permissions come from task and execution IAM roles.',
    ['S27', 'S29'],
  ),
  confirmed(
    'FireLens runs Fluent Bit as a log-router sidecar in the task, and the AWS Distro for OpenTelemetry runs the Collector as a sidecar, on EC2 and Fargate alike.',
    ['ECS-FIRELENS', 'ECS-ADOT'],
  ),
  unconfirmed('Vault Agent can run as a sidecar container that renders secrets for the task.', [
    'VAULT-AGENT',
  ]),
  confirmed(
    'Less modular: built-in tools with little ability to swap them, so Kubernetes plugins (CNI, admission controllers, operators) do not apply.',
    ['ARTICLE-PLUGINS'],
  ),
  unconfirmed('ECS API calls are recorded in AWS CloudTrail event history by default.', [
    'AWS-CLOUDTRAIL',
  ]),
]

export const ecsEc2: Orchestrator = {
  id: 'ecs-ec2',
  name: 'Amazon ECS on EC2',
  family: 'ecs',
  vendor: 'Amazon Web Services',
  summary:
    'AWS’s own orchestrator scheduling tasks onto EC2 container instances that run the ECS agent and Docker Engine.',
  clouds: ['aws'],
  managedControlPlane: true,
  runtimes: ['docker', 'windows-process'],
  os: { controlPlane: [], worker: ['amazon-linux', 'bottlerocket', 'windows-server'] },
  windowsRuntimes: ['windows-process'],
  plugins: ECS_PLUGINS,
  networkPolicy: 'native',
  securityContext: 'partial',
  builtInPodSecurity: 'none',
  defaults: { ...ECS_DEFAULTS, privilegedAllowed: true },
  complexity: 2,
  experienceNeeded: 'none',
  lockIn: 3,
  modularity: 1,
  cost: 0,
  provides: ['network-policy', 'secret-store-sync', 'logs'],
  facts: [
    confirmed(
      'The ECS agent drives Docker Engine through docker.sock, so Docker is the only Linux runtime: the article’s "ECS supports only Amazon’s runtime".',
      ['S25', 'ARTICLE-RUNTIMES'],
    ),
    unconfirmed('There is no per-task choice of a sandboxed runtime such as Kata or gVisor.', [
      'S25',
    ]),
    confirmed('Windows container instances use ECS-optimized Windows AMIs.', ['S26']),
    confirmed(
      'Privileged containers are allowed unless the agent sets ECS_DISABLE_PRIVILEGED; ECS_AWSVPC_BLOCK_IMDS keeps awsvpc tasks away from instance metadata.',
      ['S27'],
    ),
    confirmed(
      'Per-container controls: user, readonlyRootFilesystem (not on Windows), privileged, linuxParameters.capabilities and dockerSecurityOptions.',
      ['S27', 'S29'],
    ),
    ...ECS_FACTS,
  ],
}

export const ecsFargate: Orchestrator = {
  id: 'ecs-fargate',
  name: 'Amazon ECS on Fargate',
  family: 'ecs',
  vendor: 'Amazon Web Services',
  summary:
    'ECS tasks on AWS-managed compute: each task in its own VM, no hosts to manage, fewest knobs.',
  clouds: ['aws'],
  managedControlPlane: true,
  runtimes: ['fargate'],
  os: { controlPlane: [], worker: ['amazon-linux', 'windows-server'] },
  windowsRuntimes: ['fargate'],
  plugins: ECS_PLUGINS,
  networkPolicy: 'native',
  securityContext: 'partial',
  builtInPodSecurity: 'platform-restricted',
  defaults: { ...ECS_DEFAULTS, privilegedAllowed: false },
  complexity: 1,
  experienceNeeded: 'none',
  lockIn: 3,
  modularity: 0,
  cost: 1,
  provides: ['network-policy', 'secret-store-sync', 'logs'],
  facts: [
    confirmed('Each task has its own isolation boundary; no kernel is shared between tasks.', [
      'S28',
    ]),
    unconfirmed('Linux platform version 1.4.0 runs containerd inside the task VM.', ['S28']),
    confirmed('Windows tasks run on Fargate (platform 1.0.0, Windows Server 2019/2022).', ['S28']),
    confirmed(
      'The host OS is AWS-managed; the catalog models it as Amazon Linux for Linux tasks and Windows Server for Windows tasks.',
      ['S28'],
    ),
    confirmed(
      'privileged, gpu, dockerSecurityOptions, ipcMode and links are invalid on Fargate; SYS_PTRACE is the only capability that can be added; awsvpc is required.',
      ['S29'],
    ),
    ...ECS_FACTS,
  ],
}
