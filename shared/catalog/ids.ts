// Every catalog id, as const tuples: the design schema, the catalog tables and the engine share them.

export const ORCHESTRATOR_IDS = [
  'kubernetes',
  'eks',
  'gke',
  'gke-autopilot',
  'aks',
  'openshift',
  'ecs-ec2',
  'ecs-fargate',
  'swarm',
  'nomad',
] as const

export const RUNTIME_IDS = [
  'containerd',
  'cri-o',
  'docker',
  'kata',
  'gvisor',
  'firecracker',
  'fargate',
  'windows-process',
  'windows-hyperv',
] as const

export const OS_IDS = [
  'ubuntu',
  'rhel',
  'amazon-linux',
  'bottlerocket',
  'flatcar',
  'talos',
  'fedora-coreos',
  'cos',
  'azure-linux',
  'windows-server',
] as const

export const PLUGIN_IDS = [
  'calico',
  'cilium',
  'flannel',
  'aws-vpc-cni',
  'kyverno',
  'gatekeeper',
  'falco',
  'tetragon',
  'external-secrets',
  'vault',
  'sealed-secrets',
  'istio',
  'linkerd',
  'cosign-policy-controller',
  'trivy-operator',
  'prometheus',
  'fluent-bit',
  'opentelemetry-collector',
] as const

export type OrchestratorId = (typeof ORCHESTRATOR_IDS)[number]
export type RuntimeId = (typeof RUNTIME_IDS)[number]
export type OsId = (typeof OS_IDS)[number]
export type PluginId = (typeof PLUGIN_IDS)[number]
