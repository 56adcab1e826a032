// The sandbox RuntimeClass for untrusted workloads, when the platform does not provide one itself.
import { designLabels } from './labels'
import { RUNTIME_CLASSES_FILE } from './names'
import type { Plan } from './plan'
import type { ManifestFile } from './types'

/** A RuntimeClass file when the plan creates one; provided classes are only referenced by pods. */
export function runtimeClassManifests(plan: Plan): ManifestFile | undefined {
  const sandbox = plan.sandbox
  if (sandbox.kind !== 'created') return undefined
  return {
    path: RUNTIME_CLASSES_FILE,
    objects: [
      {
        apiVersion: 'node.k8s.io/v1',
        kind: 'RuntimeClass',
        metadata: { name: sandbox.name, labels: designLabels(plan.design) },
        handler: sandbox.handler,
      },
    ],
  }
}
