// The kustomize `replacements` of a generated kustomization, applied to the parsed objects with
// test-chosen values, so the checks see the tree as an operator would build it.
import { arr, at, isObj, kindOf, nameOf, namespaceOf, type Obj } from './k8s-manifests'

/** Values a test cluster uses: a private API server address and a non-default controller namespace. */
export const REPLACEMENT_VALUES = {
  apiServerCIDR: '10.255.0.1/32',
  ingressControllerNamespace: 'ingress-system',
} as const

/** Splits a kustomize field path (`a.0.b.[x.y/z]`) into segments. */
export function fieldPathSegments(path: string): string[] {
  const out: string[] = []
  const re = /\[([^\]]+)\]|([^.]+)/g
  for (let m = re.exec(path); m !== null; m = re.exec(path)) out.push(m[1] ?? m[2] ?? '')
  return out
}

function setPath(obj: unknown, segments: readonly string[], value: string): boolean {
  let cur: unknown = obj
  for (const [i, seg] of segments.entries()) {
    const last = i === segments.length - 1
    if (Array.isArray(cur)) {
      const idx = Number(seg)
      if (last) return false
      cur = cur[idx]
    } else if (isObj(cur)) {
      if (last) {
        if (!(seg in cur)) return false
        cur[seg] = value
        return true
      }
      cur = cur[seg]
    } else return false
  }
  return false
}

/** A copy of the objects with every replacement target set; throws when a target is missing. */
export function applyReplacements(
  objects: readonly Obj[],
  values: Readonly<Record<string, string>> = REPLACEMENT_VALUES,
): Obj[] {
  const copy = structuredClone(objects) as Obj[]
  const k = copy.find((o) => kindOf(o) === 'Kustomization')
  for (const r of arr(k?.replacements)) {
    const key = String(at(r, 'source', 'fieldPath')).replace(/^data\./, '')
    const value = values[key]
    if (value === undefined) throw new Error(`no test value for ${key}`)
    for (const t of arr(at(r, 'targets'))) {
      const target = copy.find(
        (o) =>
          kindOf(o) === at(t, 'select', 'kind') &&
          nameOf(o) === at(t, 'select', 'name') &&
          namespaceOf(o) === (at(t, 'select', 'namespace') ?? ''),
      )
      for (const fp of arr(at(t, 'fieldPaths')))
        if (target === undefined || !setPath(target, fieldPathSegments(String(fp)), value))
          throw new Error(
            `replacement target ${JSON.stringify(at(t, 'select'))} ${String(fp)} not found`,
          )
    }
  }
  return copy
}
