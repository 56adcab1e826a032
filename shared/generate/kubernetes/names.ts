// Names of generated objects, files, ports and volumes: valid Kubernetes names, stable across runs.
import type { Design, Workload } from '../../model/schema'
import { assertNever } from '../../util/assert-never'
import { boundedName, createNameAllocator } from '../../util/unique-names'
import { fileStem } from '../file-names'

/** Root folder of every artifact this generator writes. */
export const ROOT = 'kubernetes'

/** Longest DNS-1123 label (namespace, Service, port-free object names). */
const LABEL_MAX = 63

/**
 * The namespace a workload lands in. Names are prefixed with the design name so that a team or
 * workload called `default` or `kube-system` can never land in a system namespace.
 */
export function namespaceFor(design: Design, workload: Workload): string {
  const strategy = design.isolation.namespaces
  switch (strategy) {
    case 'per-workload':
      return boundedName(`${design.metadata.name}-${workload.name}`, LABEL_MAX)
    case 'per-team':
      return boundedName(`${design.metadata.name}-${workload.team}`, LABEL_MAX)
    case 'shared':
      return design.metadata.name
    default:
      return assertNever(strategy)
  }
}

/**
 * The namespace of a workload whose needs exceed its team's Pod Security level: its own, so the looser
 * level applies to it alone (`<design>-<workload>-exception`, bounded to 63 characters).
 */
export function exceptionNamespaceFor(design: Design, workload: Workload): string {
  return boundedName(`${design.metadata.name}-${workload.name}-exception`, LABEL_MAX)
}

/** A namespace for workloads whose level differs from their shared namespace's (`<namespace>-<level>`). */
export function levelNamespaceFor(base: string, level: string): string {
  return boundedName(`${base}-${level}`, LABEL_MAX)
}

/** Name of a workload's ClusterRole and ClusterRoleBinding: cluster-wide, so prefixed with the design name. */
export function clusterRoleName(design: Design, workload: Workload): string {
  return boundedName(`${design.metadata.name}-${workload.name}`, 253)
}

/** Service names must be DNS-1035 labels (start with a letter); workload names may start with a digit. */
export function serviceNameFor(workload: Workload): string {
  return /^[a-z]/.test(workload.name)
    ? workload.name
    : boundedName(`svc-${workload.name}`, LABEL_MAX)
}

/** An IANA service name (<= 15 chars, has a letter) for a container port, used by probes and Services. */
export function portName(port: number): string {
  return `tcp-${port}`
}

/** Name of the volume claim template that holds a stateful workload's first writable path. */
export const DATA_VOLUME = 'data'

/** One volume name per writable path, readable (`/var/run/app` -> `var-run-app`) and unique within the pod. */
export function volumeNames(paths: readonly string[], reserved: readonly string[]): string[] {
  const allocate = createNameAllocator('-')
  for (const name of reserved) allocate(name)
  return paths.map((path) => {
    const slug = path
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
    // Leave room for the allocator's `-N` suffix inside the 63-character limit.
    return allocate(boundedName(slug === '' ? 'writable' : slug, LABEL_MAX - 4))
  })
}

/** File holding one workload's ServiceAccount, controller, Service and PodDisruptionBudget. */
export function workloadFile(workload: Workload): string {
  return `${ROOT}/workloads/${fileStem(workload.name)}.yaml`
}

/** The NetworkPolicy admitting the API server address (kustomize sets its one peer from the values). */
export function apiServerPolicyName(workload: Workload): string {
  return `${workload.name}-apiserver-egress`
}

/** The NetworkPolicy admitting the ingress controller's namespace (set from the values). */
export function ingressControllerPolicyName(workload: Workload): string {
  return `${workload.name}-from-ingress-controller`
}

/** File holding one namespace's CiliumNetworkPolicies (FQDN and API-server egress). */
export function ciliumPolicyFile(namespace: string): string {
  return `${ROOT}/cilium-policies/${fileStem(namespace)}.yaml`
}

/** File holding one namespace's NetworkPolicies. */
export function networkPolicyFile(namespace: string): string {
  return `${ROOT}/network-policies/${fileStem(namespace)}.yaml`
}

export const NAMESPACES_FILE = `${ROOT}/namespaces.yaml`
export const RUNTIME_CLASSES_FILE = `${ROOT}/runtime-classes.yaml`
export const KYVERNO_FILE = `${ROOT}/policies/kyverno-cluster-policies.yaml`
export const GATEKEEPER_TEMPLATES_FILE = `${ROOT}/policies/gatekeeper-constraint-templates.yaml`
export const GATEKEEPER_CONSTRAINTS_FILE = `${ROOT}/policies/gatekeeper-constraints.yaml`
export const CILIUM_POLICIES_DIR = `${ROOT}/cilium-policies`
/** The local-only ConfigMap (never applied) whose values kustomize writes into the policies. */
export const VALUES_CONFIGMAP = 'stackwright-values'
export const KUSTOMIZATION_FILE = `${ROOT}/kustomization.yaml`
export const README_FILE = `${ROOT}/README.md`
