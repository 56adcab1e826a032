// Small helpers shared by the Kubernetes generator tests: generate, parse, and find objects.
import { catalog } from '../../../../../shared/catalog/index'
import { generateKubernetes } from '../../../../../shared/generate/kubernetes/index'
import type { GeneratorOutput } from '../../../../../shared/generate/types'
import type { Design } from '../../../../../shared/model/schema'
import { kindOf, nameOf, parseManifests, type Obj } from '../../../../support/k8s-manifests'

/** Generates a design's tree with the real catalog. */
export function generate(design: Design): GeneratorOutput {
  return generateKubernetes(design, catalog)
}

/** Every object of the tree (kustomization included). */
export function objectsOf(output: GeneratorOutput): Obj[] {
  return parseManifests(output.artifacts).map((p) => p.obj)
}

/** The one object of a kind and name; throws when absent or ambiguous. */
export function find(objects: readonly Obj[], kind: string, name: string): Obj {
  const found = objects.filter((o) => kindOf(o) === kind && nameOf(o) === name)
  if (found.length !== 1) throw new Error(`expected one ${kind}/${name}, found ${found.length}`)
  return found[0] as Obj
}

export function ofKind(objects: readonly Obj[], kind: string): Obj[] {
  return objects.filter((o) => kindOf(o) === kind)
}

/** The README text of a generated tree. */
export function readmeOf(output: GeneratorOutput): string {
  const readme = output.artifacts.find((a) => a.path === 'kubernetes/README.md')
  if (!readme) throw new Error('no README')
  return readme.content
}
