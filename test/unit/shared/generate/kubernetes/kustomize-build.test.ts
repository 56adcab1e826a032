// Every generated tree builds with the real `kubectl kustomize`, and the build holds exactly the
// generated objects (cluster values replaced, the local values ConfigMap left out), so a controller
// per workload reaches the cluster. kubectl is required: without it these tests fail, never skip.
import { describe, expect, it } from 'vitest'
import { isDeepStrictEqual } from 'node:util'
import { resolveFlows } from '../../../../../shared/util/declared-flows'
import { applyReplacements } from '../../../../support/k8s-kustomize-values'
import {
  findKubectl,
  generatorLiterals,
  kustomizeBuild,
  objectKey,
  requireKubectl,
} from '../../../../support/k8s-kustomize-build'
import {
  kindOf,
  labelsOf,
  at,
  nameOf,
  POD_CONTROLLERS,
  type Obj,
} from '../../../../support/k8s-manifests'
import { allDesigns } from './examples'
import { generate, objectsOf } from './helpers'

const CONTROLLERS: readonly string[] = POD_CONTROLLERS

function byKey(objects: readonly Obj[]): Map<string, Obj> {
  return new Map(objects.map((o) => [objectKey(o), o]))
}

describe('kubectl kustomize builds every generated tree', () => {
  it('kubectl is installed (CI installs it; set KUBECTL to use another binary)', () => {
    expect(requireKubectl()).not.toBe('')
  })

  it('a missing kubectl is an error that says so, never a skip', () => {
    expect(() => findKubectl(['/nonexistent/kubectl', 'stackwright-no-such-kubectl'])).toThrow(
      /kubectl is required .*CI installs it.*\/nonexistent\/kubectl: not found/,
    )
  })

  for (const [label, design] of allDesigns()) {
    it(`${label}: exit 0, every workload's controller built, exactly the generated objects`, () => {
      const out = generate(design)
      const build = kustomizeBuild(out.artifacts)
      expect(build.stderr, 'kubectl kustomize failed').toBe('')
      expect(build.status).toBe(0)

      // One controller per workload, named after it and labelled with its name.
      const controllers = build.objects.filter((o) => CONTROLLERS.includes(kindOf(o)))
      const names = resolveFlows(design).workloads.map((w) => w.workload.name)
      expect(controllers.map(nameOf).sort()).toEqual([...names].sort())
      for (const c of controllers) {
        expect(labelsOf(at(c, 'metadata', 'labels'))['app.kubernetes.io/name']).toBe(nameOf(c))
        expect(labelsOf(at(c, 'spec', 'template', 'metadata', 'labels'))).toMatchObject({
          'app.kubernetes.io/name': nameOf(c),
        })
      }

      // The build is the generated objects with the tree's own cluster values put in.
      const generated = objectsOf(out)
      const kustomization = generated.find((o) => kindOf(o) === 'Kustomization')
      expect(kustomization).toBeDefined()
      const expected = applyReplacements(generated, generatorLiterals(kustomization ?? {})).filter(
        (o) => kindOf(o) !== 'Kustomization',
      )
      const built = byKey(build.objects)
      expect([...built.keys()].sort()).toEqual(expected.map(objectKey).sort())
      const differing = expected
        .filter((o) => !isDeepStrictEqual(built.get(objectKey(o)), o))
        .map(objectKey)
      expect(differing).toEqual([])
    })
  }
})
