// Shared shapes for the linter-equivalent checks: a pod controller with its template, and check outcomes.
import {
  arr,
  at,
  isObj,
  kindOf,
  labelsOf,
  nameOf,
  namespaceOf,
  podTemplateOf,
  type Obj,
  type ParsedObject,
} from './k8s-manifests'

/** A pod controller as the linters see it. */
export interface PodController {
  readonly o: Obj
  readonly file: string
  readonly kind: string
  readonly name: string
  readonly ns: string
  readonly replicas: number
  readonly spec: Obj
  readonly labels: Record<string, string>
  /** Init and regular containers (what kube-score, Polaris and kubesec iterate). */
  readonly containers: readonly Obj[]
}

/** The whole tree, for checks that look across objects (PDBs, Services, NetworkPolicies). */
export interface TreeContext {
  readonly objects: readonly ParsedObject[]
  /** Objects of a kind in a namespace. */
  readonly inNamespace: (ns: string, kind: string) => Obj[]
}

/** Failure messages ([] = pass), or `skip` when the linter itself skips the object. */
export type Outcome = string[] | 'skip'

export interface ControllerCheck {
  readonly id: string
  readonly run: (w: PodController, ctx: TreeContext) => Outcome
}

export interface ObjectCheck {
  readonly id: string
  readonly kinds: readonly string[]
  readonly run: (o: Obj, ctx: TreeContext) => Outcome
}

/** The controllers among the parsed objects. */
export function podControllers(objects: readonly ParsedObject[]): PodController[] {
  return objects.flatMap(({ file, obj }) => {
    const template = podTemplateOf(obj)
    if (!template || kindOf(obj) === 'Pod') return []
    const spec = isObj(template.spec) ? template.spec : {}
    return [
      {
        o: obj,
        file,
        kind: kindOf(obj),
        name: nameOf(obj),
        ns: namespaceOf(obj),
        replicas:
          typeof at(obj, 'spec', 'replicas') === 'number'
            ? (at(obj, 'spec', 'replicas') as number)
            : 1,
        spec,
        labels: labelsOf(at(template, 'metadata', 'labels')),
        containers: [...arr(spec.initContainers), ...arr(spec.containers)].filter(isObj),
      },
    ]
  })
}

export function treeContext(objects: readonly ParsedObject[]): TreeContext {
  return {
    objects,
    inNamespace: (ns, kind) =>
      objects.map((p) => p.obj).filter((o) => kindOf(o) === kind && namespaceOf(o) === ns),
  }
}

/** Runs `fail` on every container and collects the messages it returns. */
export function perContainer(w: PodController, fail: (c: Obj) => string | false): string[] {
  return w.containers.flatMap((c) => {
    const message = fail(c)
    return message === false ? [] : [`${String(c.name)}: ${message}`]
  })
}

/** A container security-context field, falling back to the pod's (container wins, as in the kubelet). */
export function effective(w: PodController, c: Obj, field: string): unknown {
  const own = at(c, 'securityContext', field)
  return own !== undefined ? own : at(w.spec, 'securityContext', field)
}

/** A resource quantity is set and not zero. */
export function hasQuantity(c: Obj, kind: 'requests' | 'limits', resource: string): boolean {
  const q = at(c, 'resources', kind, resource)
  return q !== undefined && q !== null && !/^0+(\.0+)?[a-zA-Z]*$/.test(String(q))
}

export function capabilityList(c: Obj, which: 'add' | 'drop'): string[] {
  return arr(at(c, 'securityContext', 'capabilities', which)).map((x) => String(x).toUpperCase())
}
