// Kubernetes generator: a kustomize tree of secure-by-default manifests plus the controls it puts in place.
import { getOrchestrator } from '../../catalog/index'
import type { Catalog } from '../../catalog/types'
import type { Design } from '../../model/schema'
import type { Artifact, GeneratorOutput } from '../types'
import { ciliumPolicyManifests } from './cilium-policies'
import { controlsFor } from './controls'
import { gatekeeperManifests } from './gatekeeper'
import { kustomization } from './kustomization'
import { kyvernoManifests } from './kyverno'
import { namespaceManifests } from './namespaces'
import { networkPolicyManifests } from './network-policies'
import { planKubernetes } from './plan'
import { readme } from './readme'
import { runtimeClassManifests } from './runtime-class'
import type { ManifestFile } from './types'
import { waiversFor } from './waivers'
import { workloadManifests } from './workloads'
import { valueTargets } from './values'
import { toYamlDocuments } from './yaml'

/**
 * Generates `kubernetes/` for a design whose orchestrator is in the Kubernetes family (kubernetes,
 * eks, gke, gke-autopilot, aks, openshift); other orchestrators get no artifacts. Pure and deterministic.
 */
export function generateKubernetes(design: Design, catalog: Catalog): GeneratorOutput {
  if (getOrchestrator(catalog, design.choices.orchestrator).family !== 'kubernetes')
    return { artifacts: [], controls: [] }

  const plan = planKubernetes(design, catalog)
  const policyFiles: ManifestFile[] = [
    ...(plan.policyEngines.includes('kyverno') ? [kyvernoManifests(plan)] : []),
    ...(plan.policyEngines.includes('gatekeeper') ? gatekeeperManifests(plan) : []),
  ]
  const runtimeClasses = runtimeClassManifests(plan)
  const files: ManifestFile[] = [
    namespaceManifests(plan),
    ...(runtimeClasses === undefined ? [] : [runtimeClasses]),
    ...plan.workloads.map((w) => workloadManifests(design, plan.platform, w)),
    ...networkPolicyManifests(plan),
    ...ciliumPolicyManifests(plan),
    ...policyFiles,
  ].filter((f) => f.objects.length > 0)
  const waivers = waiversFor(plan)
  const controls = controlsFor(
    plan,
    waivers,
    policyFiles.map((f) => f.path),
  )
  const targets = valueTargets(plan)
  const all = [...files, kustomization(files, targets)]
  const artifacts: Artifact[] = [
    ...all.map((f) => ({ path: f.path, content: toYamlDocuments(f.objects) })),
    readme(
      plan,
      files.map((f) => f.path),
      waivers,
      controls,
      targets,
    ),
  ]
  return { artifacts, controls }
}
