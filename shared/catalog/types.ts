// The shape of the knowledge base: typed facts with sources, read by the engine's generic rules.
import type { OrchestratorId, OsId, PluginId, RuntimeId } from './ids'

/** Key of an entry in the references table (`references.ts`), e.g. `S4` or `NIST-800-190`. */
export type ReferenceId = string

/** A citable source: a URL or a document plus section. */
export interface Reference {
  readonly id: ReferenceId
  readonly title: string
  readonly url?: string
  readonly section?: string
}

/** A non-obvious fact, with where it comes from and whether it was checked against a primary source. */
export interface Fact {
  readonly text: string
  readonly sources: readonly ReferenceId[]
  /** `false` when the fact is carried from KNOWLEDGE.md unconfirmed; the UI and document say so. */
  readonly confirmed: boolean
  /** The month (YYYY-MM) the fact was checked against its sources, when recorded. */
  readonly checked?: string
}

/** Which generator family (and manifest format) an orchestrator uses. */
export type OrchestratorFamily = 'kubernetes' | 'ecs' | 'swarm' | 'nomad'

export type Cloud = 'aws' | 'gcp' | 'azure' | 'on-prem' | 'hybrid'

/** How the orchestrator can restrict pod-to-pod traffic. */
export type NetworkPolicySupport =
  /** Enforced by the platform itself (ECS security groups per task, Consul intentions). */
  | 'native'
  /** The API exists but only a CNI plugin that implements it enforces it (Kubernetes). */
  | 'cni'
  /** Segmentation by network membership only (Swarm overlays). */
  | 'segmentation'

/** The orchestrator's mechanism for a per-workload security context. */
export type SecurityContextSupport = 'full' | 'partial' | 'ignored-in-stack'

export interface Orchestrator {
  readonly id: OrchestratorId
  readonly name: string
  readonly family: OrchestratorFamily
  readonly vendor: string
  readonly summary: string
  /** Clouds where it runs; `on-prem`/`hybrid` for self-managed. */
  readonly clouds: readonly Cloud[]
  readonly managedControlPlane: boolean
  /** Runtimes this orchestrator can run workloads on. */
  readonly runtimes: readonly RuntimeId[]
  /** Host OS by node role. Managed control planes list none for `controlPlane`. */
  readonly os: { readonly controlPlane: readonly OsId[]; readonly worker: readonly OsId[] }
  /** A Linux pool the cluster must have even when its workloads are Windows (EKS: CoreDNS; AKS: the system pool). */
  readonly linuxPool?: {
    readonly role: 'any' | 'system'
    readonly reason: string
    readonly sources: readonly ReferenceId[]
  }
  /** Runtimes usable for Windows workloads (empty = no Windows workers). */
  readonly windowsRuntimes: readonly RuntimeId[]
  /** Plugins that apply; anything else is a violation. */
  readonly plugins: readonly PluginId[]
  readonly networkPolicy: NetworkPolicySupport
  readonly securityContext: SecurityContextSupport
  /** Pod-security levels enforced without extra plugins (PSA, SCC, Autopilot, Fargate). */
  readonly builtInPodSecurity: 'admission' | 'enforced-restricted' | 'platform-restricted' | 'none'
  /**
   * What the platform's admission refuses in any pod, whatever the namespace level (GKE Autopilot):
   * host paths outside the prefixes or writable, host namespaces, privileged, capabilities outside the list.
   */
  readonly podLimits?: {
    readonly hostPathPrefixes: readonly string[]
    readonly hostPathReadOnly: boolean
    readonly capabilities: readonly string[]
    readonly sources: readonly ReferenceId[]
  }
  /** Security defaults that matter for findings. */
  readonly defaults: {
    readonly secretsEncryptedAtRest: boolean
    readonly auditLogging: boolean
    readonly rbac: boolean
    readonly apiTls: boolean
    readonly privilegedAllowed: boolean
  }
  /** 1 (simple) .. 5 (complex): day-2 operational complexity. */
  readonly complexity: 1 | 2 | 3 | 4 | 5
  /** Minimum team Kubernetes experience at which it is comfortable. */
  readonly experienceNeeded: 'none' | 'some' | 'expert'
  /** 0 (none) .. 3 (high) vendor lock-in. */
  readonly lockIn: 0 | 1 | 2 | 3
  /** 0 .. 3 modularity: how much it relies on third-party plugins. */
  readonly modularity: 0 | 1 | 2 | 3
  /** Relative cost: 0 (free) .. 3 (high); control-plane fees, licences. */
  readonly cost: 0 | 1 | 2 | 3
  /** Built-in capabilities (no plugin needed). */
  readonly provides: readonly Capability[]
  readonly facts: readonly Fact[]
}

export type OsFamily = 'linux' | 'windows'

export type RuntimeKind = 'engine' | 'sandbox' | 'isolation-mode'

/** What kind of boundary the runtime puts between a container and the host kernel. */
export type KernelIsolation = 'shared' | 'userspace-kernel' | 'microvm' | 'vm'

export interface Runtime {
  readonly id: RuntimeId
  readonly name: string
  readonly summary: string
  readonly kernel: KernelIsolation
  /** Host OS families it runs on: containerd and Docker Engine run on Linux and Windows Server. */
  readonly hostOs: readonly OsFamily[]
  /** An engine runs a node pool's containers; a sandbox is a handler pods opt into; an isolation mode is the engine's default behaviour. */
  readonly kind: RuntimeKind
  /** Needs /dev/kvm on the node: bare metal or nested virtualisation. */
  readonly needsVirtualization: boolean
  /** Can share the host network namespace (Kata and Fargate cannot). */
  readonly hostNetwork: boolean
  /** 0 (none) .. 3 (high) CPU / memory / IO overhead. */
  readonly overhead: 0 | 1 | 2 | 3
  readonly cves: readonly {
    readonly id: string
    readonly summary: string
    readonly source: ReferenceId
  }[]
  readonly facts: readonly Fact[]
}

export type MacPolicy = 'selinux-enforcing' | 'selinux-permissive' | 'apparmor' | 'none'

export interface OperatingSystem {
  readonly id: OsId
  readonly name: string
  readonly summary: string
  readonly family: OsFamily
  /** Immutable / read-only root (dm-verity, OSTree, read-only /usr). */
  readonly immutable: boolean
  /** Purpose-built container host with a minimal package set. */
  readonly minimal: boolean
  readonly autoUpdates: boolean
  readonly mac: MacPolicy
  /** Clouds where the OS is offered as a node image (on-prem: installable on your own hosts). */
  readonly clouds: readonly Cloud[]
  /** How an operator reaches a node. */
  readonly access: 'ssh' | 'api-only' | 'rdp-ssh'
  /** 0 .. 3 licence cost. */
  readonly licenceCost: 0 | 1 | 2 | 3
  /**
   * What a self-managed Kubernetes control plane on this OS turns on by itself (e.g. Talos's
   * generated configuration enables an audit policy and Secret encryption), with sources.
   */
  readonly kubernetesDefaults?: {
    readonly auditLogging: boolean
    readonly secretsEncryptedAtRest: boolean
    readonly how: string
    readonly sources: readonly ReferenceId[]
  }
  readonly facts: readonly Fact[]
}

/** A security or operational function a plugin (or an orchestrator) provides. */
export type Capability =
  | 'network-policy'
  | 'l7-policy'
  | 'transit-encryption'
  | 'mtls'
  | 'admission-policy'
  | 'image-verification'
  | 'runtime-detection'
  | 'runtime-enforcement'
  | 'secret-store-sync'
  | 'dynamic-secrets'
  | 'gitops-secrets'
  | 'vulnerability-scanning'
  | 'metrics'
  | 'logs'
  | 'traces'

export type PluginCategory =
  | 'cni'
  | 'policy'
  | 'runtime-security'
  | 'secrets'
  | 'service-mesh'
  | 'supply-chain'
  | 'observability'

/** How the plugin is deployed, which decides what it exposes. */
export type PluginFootprint =
  'privileged-daemonset' | 'daemonset' | 'admission-webhook' | 'controller' | 'sidecar' | 'agent'

export type Maturity = 'graduated' | 'incubating' | 'sandbox' | 'vendor' | 'archived'

export interface Plugin {
  readonly id: PluginId
  readonly name: string
  readonly category: PluginCategory
  readonly summary: string
  readonly maturity: Maturity
  readonly footprint: PluginFootprint
  readonly provides: readonly Capability[]
  /** What it exposes to track (privileges, webhooks that can block the API, host mounts). */
  readonly exposes: readonly string[]
  /** Needs a kernel feature (eBPF) or a specific OS family. */
  readonly requires: { readonly linuxOnly: boolean; readonly ebpf: boolean }
  /**
   * Documented modes in which it runs beside another plugin of its own exclusive category (e.g.
   * Calico policy-only on the AWS VPC CNI); any other pair of that category cannot be built.
   */
  readonly combinesWith?: readonly PluginCombination[]
  readonly facts: readonly Fact[]
}

/** A documented way to run a plugin beside another of its exclusive category. */
export interface PluginCombination {
  readonly plugin: string
  /** How: the mode and its settings, as the vendor documents them. */
  readonly mode: string
  readonly sources: readonly ReferenceId[]
}

/**
 * Plugin categories of which one member is in charge. Two CNIs or two meshes cannot both own a pod's
 * network (except documented combinations, `Plugin.combinesWith`); two policy engines or two runtime
 * detectors can co-exist (admission webhooks are called in parallel and any deny wins), which costs
 * upkeep but is buildable (RISK-OVERLAPPING-PLUGINS). Recommendations pick at most one per category:
 * a second member adds only cost.
 */
export const EXCLUSIVE_CATEGORIES: readonly PluginCategory[] = [
  'cni',
  'policy',
  'service-mesh',
  'runtime-security',
]

/** Exclusive categories whose members cannot run side by side (COMPAT-PLUGIN-EXCLUSIVE). */
export const SINGLE_OWNER_CATEGORIES: readonly PluginCategory[] = ['cni', 'service-mesh']

/** The whole knowledge base, passed to the engine as read-only data. */
export interface Catalog {
  readonly orchestrators: readonly Orchestrator[]
  readonly runtimes: readonly Runtime[]
  readonly operatingSystems: readonly OperatingSystem[]
  readonly plugins: readonly Plugin[]
  readonly references: readonly Reference[]
}
