// Test helpers: the generated artifacts parsed back into Kubernetes objects, with typed accessors.
import { parseAllDocuments } from 'yaml'
import type { Artifact } from '../../shared/generate/types'

/** A parsed YAML document: a plain JSON object. */
export type Obj = Record<string, unknown>

/** One object from a generated file. */
export interface ParsedObject {
  readonly file: string
  readonly obj: Obj
}

/** Parses every `.yaml` artifact (all documents), failing loudly on YAML errors or non-objects. */
export function parseManifests(artifacts: readonly Artifact[]): ParsedObject[] {
  return artifacts
    .filter((a) => a.path.endsWith('.yaml'))
    .flatMap((a) =>
      parseAllDocuments(a.content).map((doc) => {
        if (doc.errors.length > 0) throw new Error(`${a.path}: ${doc.errors[0]?.message}`)
        const obj: unknown = doc.toJS()
        if (!isObj(obj)) throw new Error(`${a.path}: a document is not an object`)
        return { file: a.path, obj }
      }),
    )
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `obj[a][b]...`, or undefined when any step is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = value
  for (const key of path) {
    if (typeof key === 'number') cur = Array.isArray(cur) ? cur[key] : undefined
    else cur = isObj(cur) ? cur[key] : undefined
  }
  return cur
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function labelsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (isObj(value))
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v
  return out
}

export const kindOf = (o: Obj): string => str(o.kind) ?? ''
export const nameOf = (o: Obj): string => str(at(o, 'metadata', 'name')) ?? ''
export const namespaceOf = (o: Obj): string => str(at(o, 'metadata', 'namespace')) ?? ''

/** Controllers whose pod template this tree generates. */
export const POD_CONTROLLERS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
] as const

/** The pod template of a controller (or the pod itself), as `{ metadata, spec }`. */
export function podTemplateOf(o: Obj): Obj | undefined {
  if (kindOf(o) === 'Pod') return o
  const template = at(o, 'spec', 'template')
  return isObj(template) ? template : undefined
}

/** All containers of a pod spec (init, regular and ephemeral), each with its list name. */
export function containersOf(podSpec: unknown): { list: string; container: Obj }[] {
  return (['initContainers', 'containers', 'ephemeralContainers'] as const).flatMap((list) =>
    arr(at(podSpec, list))
      .filter(isObj)
      .map((container) => ({ list, container })),
  )
}
