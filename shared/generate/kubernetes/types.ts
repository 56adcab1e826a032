// Shapes shared by the Kubernetes generator's small builders.
import type { Runtime } from '../../catalog/types'
import type { PodSecurityPosture, PoolView } from '../../engine/posture/index'
import type { ApiAccessRule, Endpoint, PodSecurityLevel, Workload } from '../../model/schema'

/** A JSON value as it lands in a manifest (no `undefined`: absent fields are left out). */
export type JsonValue = string | number | boolean | readonly JsonValue[] | JsonObject
export interface JsonObject {
  readonly [key: string]: JsonValue
}

/** One Kubernetes object. */
export interface Manifest extends JsonObject {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: JsonObject
}

/** A generated file before serialisation: its path and the objects (YAML documents) in it. */
export interface ManifestFile {
  readonly path: string
  readonly objects: readonly Manifest[]
}

/** A pod toleration for one of its pool's taints. */
export interface Toleration {
  readonly key: string
  readonly operator: 'Equal' | 'Exists'
  readonly value?: string
  readonly effect: string
}

/** Where the pod runs: its pool (from the posture) and the scheduling fields that pin it there. */
export interface PodPlacement {
  readonly pool: PoolView | undefined
  /** `kubernetes.io/os` plus the pool's selector labels. */
  readonly nodeSelector: Readonly<Record<string, string>>
  readonly tolerations: readonly Toleration[]
  /** Why the posture could not place the workload (the pod then selects by OS only). */
  readonly problem: string | undefined
}

/** The sandbox the posture applies to the workload, as a RuntimeClass. */
export type SandboxPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'runtime-class'; readonly runtime: Runtime; readonly name: string }
  /** The posture applies a sandbox that Kubernetes cannot express on this platform. */
  | { readonly kind: 'unexpressible'; readonly runtime: Runtime; readonly reason: string }

/** A connection the workload opens to an endpoint outside the cluster. */
export interface EndpointEgress {
  readonly endpoint: Endpoint
  /** `workloads[i].talksTo[k]`, or `workloads[i].identity.orchestratorApi` for implied API access. */
  readonly path: string
}

/** The workload's identity: token, RBAC rules and cloud role binding. */
export interface IdentityPlan {
  readonly automountToken: boolean
  readonly namespaceRules: readonly ApiAccessRule[]
  readonly clusterRules: readonly ApiAccessRule[]
  /** ServiceAccount annotations binding the cloud role (empty without a platform mechanism). */
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>
  /** Pod labels the workload-identity webhook needs. */
  readonly podLabels: Readonly<Record<string, string>>
  /** The cloud role when the platform has no binding for it. */
  readonly unboundCloudRole: string | undefined
}

/** How traffic from the internet reaches a public workload. */
export type PublicIngress = 'none' | 'load-balancer' | 'ingress-controller'

/** Where one workload lands and what the generator decided for it. */
export interface WorkloadPlan {
  /** Index in `design.workloads`, so controls can cite `workloads[i]`. */
  readonly index: number
  readonly workload: Workload
  readonly namespace: string
  /** `kubernetes/workloads/<name>.yaml`. */
  readonly file: string
  readonly controller: 'Deployment' | 'StatefulSet'
  /** Name of its Service; stateful workloads always get a (headless) one. */
  readonly serviceName: string | undefined
  readonly placement: PodPlacement
  readonly sandbox: SandboxPlan
  /** The RuntimeClass the pod names, exactly when the posture applies a sandbox. */
  readonly runtimeClassName: string | undefined
  /** The posture's pod security for this workload (level, exception, host needs). */
  readonly podSecurity: PodSecurityPosture
  /** Declared capabilities the namespace's Pod Security level admits, and those refused. */
  readonly capabilities: { readonly added: readonly string[]; readonly refused: readonly string[] }
  /** False when the image has neither a tag (other than `latest`) nor a digest. */
  readonly imagePinned: boolean
  readonly identity: IdentityPlan
  readonly publicIngress: PublicIngress
  readonly egress: readonly EndpointEgress[]
  /** The workload reaches the API server (orchestrator-api endpoint or declared API access). */
  readonly apiServerEgress: readonly string[]
}

/** A namespace of the tree and the Pod Security level it enforces. */
export interface NamespacePlan {
  readonly name: string
  readonly level: PodSecurityLevel
  /** The exception workload it exists for; undefined for a team/workload/shared namespace. */
  readonly exceptionFor: WorkloadPlan | undefined
}

/** A RuntimeClass this tree creates: one per sandbox runtime and pool, scheduled onto that pool. */
export interface RuntimeClassPlan {
  readonly name: string
  readonly handler: string
  readonly runtime: Runtime
  readonly pool: PoolView
  readonly nodeSelector: Readonly<Record<string, string>>
  readonly tolerations: readonly Toleration[]
}
