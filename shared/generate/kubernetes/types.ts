// Shapes shared by the Kubernetes generator's small builders.
import type { Workload } from '../../model/schema'

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
  /** Sandbox RuntimeClass for untrusted Linux workloads, when one can be used. */
  readonly runtimeClassName: string | undefined
  /** Declared capabilities the namespace's Pod Security level admits, and those refused. */
  readonly capabilities: { readonly added: readonly string[]; readonly refused: readonly string[] }
  /** False when the image has neither a tag (other than `latest`) nor a digest. */
  readonly imagePinned: boolean
}
