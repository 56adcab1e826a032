// The kustomization that lists every resource file, so `kubectl apply -k` applies the whole tree, and
// carries the cluster-specific values kustomize writes into the policies.
import { KUSTOMIZATION_FILE, ROOT } from './names'
import type { ManifestFile } from './types'
import { valuesKustomization, type ValueTarget } from './values'

/** `kubernetes/kustomization.yaml`, listing `files` relative to the tree root, in apply order. */
export function kustomization(
  files: readonly ManifestFile[],
  targets: readonly ValueTarget[],
): ManifestFile {
  return {
    path: KUSTOMIZATION_FILE,
    objects: [
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        metadata: { name: 'stackwright' },
        resources: files.map((f) => f.path.slice(ROOT.length + 1)),
        ...valuesKustomization(targets),
      },
    ],
  }
}
