// Plugin lists shared by several orchestrator entries, so each entry states only its exceptions.
import type { PluginId } from '../ids'

/** Plugins that install into any conformant Kubernetes cluster (no cloud-specific CNI). */
export const KUBERNETES_PLUGINS: readonly PluginId[] = [
  'calico',
  'cilium',
  'flannel',
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
]

/** The CNI plugins that replace or chain with a cluster's pod network. */
export const CNI_PLUGINS: readonly PluginId[] = ['calico', 'cilium', 'flannel', 'aws-vpc-cni']

/** Kubernetes plugins minus the given ones, keeping the table order. */
export function kubernetesPluginsExcept(excluded: readonly PluginId[]): readonly PluginId[] {
  return KUBERNETES_PLUGINS.filter((id) => !excluded.includes(id))
}
