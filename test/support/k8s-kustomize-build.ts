// Builds a generated Kubernetes tree with the real `kubectl kustomize`, as an operator would before
// applying it. kubectl is required: CI installs it, and a missing kubectl fails the test (never skips).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import type { Artifact } from '../../shared/generate/types'
import { arr, at, isObj, kindOf, nameOf, namespaceOf, type Obj } from './k8s-manifests'

/** Where kubectl is looked for: `$KUBECTL`, then /usr/bin/kubectl, then the PATH. */
function kubectlCandidates(): string[] {
  const fromEnv = process.env.KUBECTL
  return [...(fromEnv ? [fromEnv] : []), '/usr/bin/kubectl', 'kubectl']
}

let found: string | undefined

/** The first of `candidates` that answers `version --client`; throws a clear error when none does. */
export function findKubectl(candidates: readonly string[]): string {
  const tried: string[] = []
  for (const candidate of candidates) {
    if (candidate.includes('/') && !existsSync(candidate)) {
      tried.push(`${candidate}: not found`)
      continue
    }
    const r = spawnSync(candidate, ['version', '--client'], { encoding: 'utf8', timeout: 30_000 })
    if (r.status === 0) return candidate
    tried.push(`${candidate}: ${r.error?.message ?? r.stderr.trim()}`)
  }
  throw new Error(
    `kubectl is required to build the generated kustomize trees (CI installs it; set KUBECTL to its path). Tried: ${tried.join('; ')}`,
  )
}

/** The kubectl these tests use (`$KUBECTL`, /usr/bin/kubectl, then the PATH); throws when missing. */
export function requireKubectl(): string {
  found ??= findKubectl(kubectlCandidates())
  return found
}

/** The result of `kubectl kustomize` on one tree. */
export interface KustomizeBuild {
  readonly status: number | null
  readonly stderr: string
  readonly objects: Obj[]
}

/** Writes the artifacts to a fresh temporary folder and runs `kubectl kustomize` on its `kubernetes/`. */
export function kustomizeBuild(artifacts: readonly Artifact[]): KustomizeBuild {
  const kubectl = requireKubectl()
  const root = mkdtempSync(join(tmpdir(), 'stackwright-kustomize-'))
  try {
    for (const a of artifacts) {
      const file = join(root, a.path)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, a.content)
    }
    const r = spawnSync(kubectl, ['kustomize', join(root, 'kubernetes')], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    })
    const objects =
      r.status === 0
        ? parseAllDocuments(r.stdout).flatMap((d) => {
            const obj: unknown = d.toJS()
            return isObj(obj) ? [obj] : []
          })
        : []
    return { status: r.status, stderr: r.error?.message ?? r.stderr, objects }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** The literals of the kustomization's configMapGenerator entries (the tree's cluster values). */
export function generatorLiterals(kustomization: Obj): Record<string, string> {
  const values: Record<string, string> = {}
  for (const generator of arr(kustomization.configMapGenerator))
    for (const literal of arr(at(generator, 'literals'))) {
      const text = String(literal)
      const eq = text.indexOf('=')
      if (eq > 0) values[text.slice(0, eq)] = text.slice(eq + 1)
    }
  return values
}

/** `Kind namespace/name`, the identity of an object in a build. */
export function objectKey(o: Obj): string {
  return `${kindOf(o)} ${namespaceOf(o)}/${nameOf(o)}`
}
