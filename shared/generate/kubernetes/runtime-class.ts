// The sandbox RuntimeClasses this tree creates, each scheduled onto the pool that runs its handler.
import { designLabels } from './labels'
import { RUNTIME_CLASSES_FILE } from './names'
import type { Plan } from './plan'
import type { JsonObject, ManifestFile, Toleration } from './types'

/** A toleration as a manifest object (no `value` with `Exists`). */
export function tolerationObject(t: Toleration): JsonObject {
  return t.value === undefined
    ? { key: t.key, operator: t.operator, effect: t.effect }
    : { key: t.key, operator: t.operator, value: t.value, effect: t.effect }
}

/**
 * A RuntimeClass file when the plan creates any; provided classes (GKE Sandbox, AKS Pod Sandboxing,
 * OpenShift sandboxed containers) are only referenced by pods. `scheduling` makes the RuntimeClass
 * admission controller add the pool's node selector and tolerations to every pod that names it.
 */
export function runtimeClassManifests(plan: Plan): ManifestFile | undefined {
  if (plan.runtimeClasses.length === 0) return undefined
  return {
    path: RUNTIME_CLASSES_FILE,
    objects: plan.runtimeClasses.map((rc) => ({
      apiVersion: 'node.k8s.io/v1',
      kind: 'RuntimeClass',
      metadata: { name: rc.name, labels: designLabels(plan.design) },
      handler: rc.handler,
      scheduling: {
        nodeSelector: { ...rc.nodeSelector },
        ...(rc.tolerations.length > 0 ? { tolerations: rc.tolerations.map(tolerationObject) } : {}),
      },
    })),
  }
}
