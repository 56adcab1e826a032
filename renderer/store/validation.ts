// Field-level validation for the editors: the design schema's messages, keyed by design path.
// Workloads are checked one object at a time and cached, so an edit re-checks only what changed.
import type { z } from 'zod'
import { designSchema, workloadSchema } from '../../shared/model/schema'
import type { Design, Workload } from '../../shared/model/schema'
import { formatPath } from '../../shared/model/errors'
import { checkReferences } from '../../shared/model/references'

/** Messages by path, e.g. `{ "workloads[2].image": "must be an image reference ..." }`. */
export type FieldIssues = Readonly<Record<string, string>>

type Issue = readonly [path: string, message: string]

const workloadCache = new WeakMap<Workload, readonly Issue[]>()

function issuesOf(result: z.ZodSafeParseResult<unknown>, prefix: (string | number)[]): Issue[] {
  if (result.success) return []
  return result.error.issues.map((i) => [
    formatPath([...prefix, ...(i.path as (string | number)[])]),
    i.message,
  ])
}

function workloadIssues(workload: Workload): readonly Issue[] {
  let issues = workloadCache.get(workload)
  if (!issues) {
    issues = issuesOf(workloadSchema.safeParse(workload), [])
    workloadCache.set(workload, issues)
  }
  return issues
}

function joinPath(prefix: string, path: string): string {
  if (path === '') return prefix
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`
}

/**
 * Every field problem of the design: schema messages, duplicate workload names, and the checks a
 * file gets when it is opened (names unique across workloads and endpoints, flows and pools that
 * exist, endpoint fields that fit their kind), so what the editor accepts also opens again.
 */
export function validateDesign(design: Design): FieldIssues {
  const out: Record<string, string> = {}
  // Everything but the workloads is small: check it whole.
  for (const [path, message] of issuesOf(designSchema.safeParse({ ...design, workloads: [] }), []))
    out[path] ??= message
  const seen = new Set<string>()
  design.workloads.forEach((workload, index) => {
    const prefix = `workloads[${index}]`
    for (const [path, message] of workloadIssues(workload)) out[joinPath(prefix, path)] ??= message
    if (seen.has(workload.name))
      out[`${prefix}.name`] ??= `another workload is already named "${workload.name}"`
    seen.add(workload.name)
  })
  for (const problem of checkReferences(design)) out[formatPath(problem.path)] ??= problem.message
  return out
}

/** How many fields need attention. */
export function issueCount(issues: FieldIssues): number {
  return Object.keys(issues).length
}
