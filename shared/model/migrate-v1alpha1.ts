// Migration from the preview format stackwright.dev/v1alpha1 to stackwright.dev/v1.
//
// v1alpha1 kept everything but the metadata under `spec`, called the stack choices `stack`
// and wrote plugins as one comma-separated string; it had no `decisions` or `risks`:
//
//   apiVersion: stackwright.dev/v1alpha1
//   kind: Design
//   metadata: { name: shop, title: Shop }
//   spec:
//     context: { cloud: aws }                 # as v1 `context`
//     stack:                                  # v1 `choices`
//       orchestrator: eks
//       plugins: "cilium, falco"              # v1: [cilium, falco]
//     isolation: { network: default-deny }    # as v1 `isolation`
//     workloads: [...]                        # as v1 `workloads`
import type { PathSegment, Problem } from './errors'
import { describeValue, quote } from './errors'
import { didYouMean } from './did-you-mean'
import type { MigrationStep, StepResult } from './migration-types'
import { API_VERSION_V1 } from './schema-v1'

export const API_VERSION_V1ALPHA1 = 'stackwright.dev/v1alpha1'

const TOP_LEVEL = ['apiVersion', 'kind', 'metadata', 'spec']
const SPEC = ['context', 'stack', 'isolation', 'workloads']
/** Where each v1 top-level field lived in v1alpha1. */
const MOVED = new Map<PathSegment, PathSegment[]>([
  ['context', ['spec', 'context']],
  ['choices', ['spec', 'stack']],
  ['isolation', ['spec', 'isolation']],
  ['workloads', ['spec', 'workloads']],
])

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function unknownKeys(
  object: Record<string, unknown>,
  allowed: string[],
  path: PathSegment[],
): Problem[] {
  return Object.keys(object)
    .filter((key) => !allowed.includes(key))
    .map((key) => {
      const problem: Problem = {
        path: [...path, key],
        at: 'key',
        message: `unknown field ${quote(key)} in a ${API_VERSION_V1ALPHA1} file`,
        hint: didYouMean(key, allowed) ?? `allowed fields: ${allowed.join(', ')}`,
      }
      return problem
    })
}

function splitPlugins(plugins: string): string[] {
  return plugins
    .split(',')
    .map((plugin) => plugin.trim())
    .filter((plugin) => plugin !== '')
}

function migrate(doc: Record<string, unknown>): StepResult {
  const spec = doc.spec ?? {}
  if (!isMapping(spec)) {
    return {
      ok: false,
      problems: [{ path: ['spec'], message: `expected a mapping, got ${describeValue(spec)}` }],
    }
  }
  const problems = [...unknownKeys(doc, TOP_LEVEL, []), ...unknownKeys(spec, SPEC, ['spec'])]
  if (problems.length > 0) return { ok: false, problems }

  const value: Record<string, unknown> = { apiVersion: API_VERSION_V1 }
  if (Object.hasOwn(doc, 'kind')) value.kind = doc.kind
  if (Object.hasOwn(doc, 'metadata')) value.metadata = doc.metadata
  if (Object.hasOwn(spec, 'context')) value.context = spec.context
  let pluginsWereText = false
  if (Object.hasOwn(spec, 'stack')) {
    const stack = spec.stack
    if (isMapping(stack) && typeof stack.plugins === 'string') {
      pluginsWereText = true
      value.choices = { ...stack, plugins: splitPlugins(stack.plugins) }
    } else {
      value.choices = stack
    }
  }
  if (Object.hasOwn(spec, 'isolation')) value.isolation = spec.isolation
  if (Object.hasOwn(spec, 'workloads')) value.workloads = spec.workloads

  const toSourcePath = (path: readonly PathSegment[]): PathSegment[] => {
    const [head, ...rest] = path
    const moved = head === undefined ? undefined : MOVED.get(head)
    if (moved === undefined) return [...path]
    // A plugin list built from one string: every plugin error points at that string.
    if (head === 'choices' && rest[0] === 'plugins' && pluginsWereText) {
      return [...moved, 'plugins']
    }
    return [...moved, ...rest]
  }
  return { ok: true, value, toSourcePath }
}

/** v1alpha1 -> v1: lift `spec` to the top level, rename `stack` to `choices`, split plugins. */
export const v1alpha1ToV1: MigrationStep = {
  from: API_VERSION_V1ALPHA1,
  to: API_VERSION_V1,
  summary: 'spec.* moved to the top level; spec.stack became choices; plugins became a list',
  migrate,
}
