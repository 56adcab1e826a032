// Cluster-specific values the design cannot know (the API server address, the ingress controller's
// namespace): kept in one local-only ConfigMap in kustomization.yaml and written into the policies by
// kustomize `replacements`, so the operator edits one line instead of patching policies.
import { apiServerPolicyName, ingressControllerPolicyName, VALUES_CONFIGMAP } from './names'
import type { Plan } from './plan'
import type { JsonObject } from './types'

/**
 * The values as generated. The API server default is a documentation address (RFC 5737), so API
 * egress stays closed until the operator sets the real one; `ingress-nginx` is the namespace of the
 * ingress-nginx controller's own install manifests.
 */
export const VALUE_DEFAULTS = {
  apiServerCIDR: '192.0.2.1/32',
  ingressControllerNamespace: 'ingress-nginx',
} as const

export type ValueKey = keyof typeof VALUE_DEFAULTS

/** One policy field kustomize sets from a value. */
export interface ValueTarget {
  readonly value: ValueKey
  readonly kind: string
  readonly name: string
  readonly namespace: string
  readonly fieldPath: string
}

/** Every field the plan's policies take from the values ConfigMap. */
export function valueTargets(plan: Plan): ValueTarget[] {
  if (plan.design.isolation.network !== 'default-deny') return []
  return plan.workloads.flatMap((w): ValueTarget[] => [
    ...(!plan.cilium && w.apiServerEgress.length > 0
      ? [
          {
            value: 'apiServerCIDR' as const,
            kind: 'NetworkPolicy',
            name: apiServerPolicyName(w.workload),
            namespace: w.namespace,
            fieldPath: 'spec.egress.0.to.0.ipBlock.cidr',
          },
        ]
      : []),
    ...(w.publicIngress === 'ingress-controller'
      ? [
          {
            value: 'ingressControllerNamespace' as const,
            kind: 'NetworkPolicy',
            name: ingressControllerPolicyName(w.workload),
            namespace: w.namespace,
            fieldPath:
              'spec.ingress.0.from.0.namespaceSelector.matchLabels.[kubernetes.io/metadata.name]',
          },
        ]
      : []),
  ])
}

/** The kustomization fields that carry the values: a local-config ConfigMap and its replacements. */
export function valuesKustomization(targets: readonly ValueTarget[]): JsonObject {
  if (targets.length === 0) return {}
  const used = (Object.keys(VALUE_DEFAULTS) as ValueKey[]).filter((k) =>
    targets.some((t) => t.value === k),
  )
  return {
    configMapGenerator: [
      {
        name: VALUES_CONFIGMAP,
        literals: used.map((k) => `${k}=${VALUE_DEFAULTS[k]}`),
        options: {
          disableNameSuffixHash: true,
          // kustomize reads a local-config object as a replacement source and leaves it out of the build.
          annotations: { 'config.kubernetes.io/local-config': 'true' },
        },
      },
    ],
    replacements: used.map((k) => ({
      source: { kind: 'ConfigMap', name: VALUES_CONFIGMAP, fieldPath: `data.${k}` },
      targets: targets
        .filter((t) => t.value === k)
        .map((t) => ({
          select: { kind: t.kind, name: t.name, namespace: t.namespace },
          fieldPaths: [t.fieldPath],
        })),
    })),
  }
}
