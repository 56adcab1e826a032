// What changed between two versions of a design, for review: scores, findings, violations and the parts
// of the design (pools, workloads, flows, endpoints). A pure function of the two designs and evaluations.
import type { Criterion, Evaluation, Finding, Severity, Violation } from '../../shared/engine/types'
import { CRITERIA, SEVERITIES } from '../../shared/engine/types'
import type { Artifact } from '../../shared/generate/types'
import type { Design } from '../../shared/model/schema'

export interface ScoreDelta {
  readonly old: number
  readonly new: number
  readonly delta: number
}

export interface NamesDiff {
  readonly added: readonly string[]
  readonly removed: readonly string[]
}

/** A finding on one side only (or whose treatment changed, `oldTreatment` set). */
export interface FindingChange {
  readonly id: string
  readonly severity: Severity
  readonly title: string
  readonly treatment: Finding['treatment']
  readonly paths: readonly string[]
  readonly oldTreatment?: Finding['treatment']
}

export interface DesignDiff {
  readonly old: { readonly design: string; readonly valid: boolean }
  readonly new: { readonly design: string; readonly valid: boolean }
  readonly overall: ScoreDelta
  readonly criteria: Readonly<Record<Criterion, ScoreDelta>>
  readonly isolationBalance: ScoreDelta
  readonly findings: {
    readonly added: readonly FindingChange[]
    readonly resolved: readonly FindingChange[]
    readonly treatmentChanged: readonly FindingChange[]
  }
  readonly violations: {
    readonly added: readonly Pick<Violation, 'id' | 'message' | 'paths'>[]
    readonly resolved: readonly Pick<Violation, 'id' | 'message' | 'paths'>[]
  }
  readonly nodePools: NamesDiff
  readonly workloads: NamesDiff
  /** `from -> to` (talksTo) and `from -> to (observes)`. */
  readonly flows: NamesDiff
  readonly endpoints: NamesDiff
  /** Choices (orchestrator, plugins) as `field: old -> new`. */
  readonly choices: readonly string[]
  /** Generated files by path, with `diff --generated` (both designs buildable). */
  readonly generated?: GeneratedDiff
}

export interface GeneratedDiff {
  readonly added: readonly string[]
  readonly removed: readonly string[]
  readonly changed: readonly string[]
}

/** Which generated files a change adds, removes or rewrites, by path. */
export function diffArtifacts(
  before: readonly Artifact[],
  after: readonly Artifact[],
): GeneratedDiff {
  const old = new Map(before.map((a) => [a.path, a.content]))
  const now = new Map(after.map((a) => [a.path, a.content]))
  const sorted = (xs: string[]) => xs.sort()
  return {
    added: sorted([...now.keys()].filter((p) => !old.has(p))),
    removed: sorted([...old.keys()].filter((p) => !now.has(p))),
    changed: sorted([...now].filter(([p, c]) => old.has(p) && old.get(p) !== c).map(([p]) => p)),
  }
}

const delta = (o: number, n: number): ScoreDelta => ({
  old: o,
  new: n,
  delta: Math.round((n - o) * 10) / 10,
})

function names(o: readonly string[], n: readonly string[]): NamesDiff {
  const os = new Set(o)
  const ns = new Set(n)
  return {
    added: [...ns].filter((x) => !os.has(x)).sort(),
    removed: [...os].filter((x) => !ns.has(x)).sort(),
  }
}

/** The same finding on both sides: same id about the same fields. */
const findingKey = (f: { id: string; paths: readonly string[] }) => `${f.id} ${f.paths.join(',')}`

const change = (f: Finding, oldTreatment?: Finding['treatment']): FindingChange => ({
  id: f.id,
  severity: f.severity,
  title: f.title,
  treatment: f.treatment,
  paths: f.paths,
  ...(oldTreatment === undefined ? {} : { oldTreatment }),
})

const bySeverity = (a: FindingChange, b: FindingChange) =>
  SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || (a.id < b.id ? -1 : 1)

function flowsOf(design: Design): string[] {
  return design.workloads.flatMap((w) => [
    ...w.talksTo.map((to) => `${w.name} -> ${to}`),
    ...w.observes.map((to) => `${w.name} -> ${to} (observes)`),
  ])
}

function choiceChanges(o: Design, n: Design): string[] {
  const out: string[] = []
  if (o.choices.orchestrator !== n.choices.orchestrator)
    out.push(`orchestrator: ${o.choices.orchestrator} -> ${n.choices.orchestrator}`)
  const plugins = names(o.choices.plugins, n.choices.plugins)
  for (const p of plugins.added) out.push(`plugin added: ${p}`)
  for (const p of plugins.removed) out.push(`plugin removed: ${p}`)
  const pools = new Map(o.nodePools.map((p) => [p.name, p]))
  for (const pool of n.nodePools) {
    const before = pools.get(pool.name)
    if (before === undefined) continue
    if (before.os !== pool.os) out.push(`pool ${pool.name} os: ${before.os} -> ${pool.os}`)
    if (before.runtime !== pool.runtime)
      out.push(`pool ${pool.name} runtime: ${before.runtime} -> ${pool.runtime}`)
  }
  return out
}

/** Compares two designs and their evaluations, old first. */
export function diffDesigns(
  oldDesign: Design,
  oldEval: Evaluation,
  newDesign: Design,
  newEval: Evaluation,
): DesignDiff {
  const oldFindings = new Map(oldEval.findings.map((f) => [findingKey(f), f]))
  const newFindings = new Map(newEval.findings.map((f) => [findingKey(f), f]))
  const added = newEval.findings
    .filter((f) => !oldFindings.has(findingKey(f)))
    .map((f) => change(f))
  const resolved = oldEval.findings
    .filter((f) => !newFindings.has(findingKey(f)))
    .map((f) => change(f))
  const treatmentChanged = newEval.findings.flatMap((f) => {
    const before = oldFindings.get(findingKey(f))
    return before !== undefined && before.treatment !== f.treatment
      ? [change(f, before.treatment)]
      : []
  })
  const violationKey = (v: Violation) => `${v.id} ${v.paths.join(',')}`
  const oldViolations = new Set(oldEval.violations.map(violationKey))
  const newViolations = new Set(newEval.violations.map(violationKey))
  const brief = (v: Violation) => ({ id: v.id, message: v.message, paths: v.paths })
  return {
    old: { design: oldEval.design, valid: oldEval.valid },
    new: { design: newEval.design, valid: newEval.valid },
    overall: delta(oldEval.scores.overall, newEval.scores.overall),
    criteria: Object.fromEntries(
      CRITERIA.map((c) => [
        c,
        delta(oldEval.scores.criteria[c].score, newEval.scores.criteria[c].score),
      ]),
    ) as Record<Criterion, ScoreDelta>,
    isolationBalance: delta(oldEval.isolationBalance.value, newEval.isolationBalance.value),
    findings: {
      added: added.sort(bySeverity),
      resolved: resolved.sort(bySeverity),
      treatmentChanged: treatmentChanged.sort(bySeverity),
    },
    violations: {
      added: newEval.violations.filter((v) => !oldViolations.has(violationKey(v))).map(brief),
      resolved: oldEval.violations.filter((v) => !newViolations.has(violationKey(v))).map(brief),
    },
    nodePools: names(
      oldDesign.nodePools.map((p) => p.name),
      newDesign.nodePools.map((p) => p.name),
    ),
    workloads: names(
      oldDesign.workloads.map((w) => w.name),
      newDesign.workloads.map((w) => w.name),
    ),
    flows: names(flowsOf(oldDesign), flowsOf(newDesign)),
    endpoints: names(
      oldDesign.endpoints.map((e) => `${e.name} (${e.kind})`),
      newDesign.endpoints.map((e) => `${e.name} (${e.kind})`),
    ),
    choices: choiceChanges(oldDesign, newDesign),
  }
}

/**
 * Findings the change makes open at `threshold` or above: added open ones, and ones whose treatment
 * went back to open. What `diff --fail-on` fails on (with added violations).
 */
export function newlyOpenAtOrAbove(diff: DesignDiff, threshold: Severity): FindingChange[] {
  const rank = (s: Severity) => SEVERITIES.indexOf(s)
  return [...diff.findings.added, ...diff.findings.treatmentChanged].filter(
    (f) => f.treatment === 'open' && rank(f.severity) <= rank(threshold),
  )
}

/** True when nothing a reviewer would look at changed. */
export function isEmptyDiff(diff: DesignDiff): boolean {
  const lists = [
    diff.findings.added,
    diff.findings.resolved,
    diff.findings.treatmentChanged,
    diff.violations.added,
    diff.violations.resolved,
    diff.nodePools.added,
    diff.nodePools.removed,
    diff.workloads.added,
    diff.workloads.removed,
    diff.flows.added,
    diff.flows.removed,
    diff.endpoints.added,
    diff.endpoints.removed,
    diff.choices,
    ...(diff.generated === undefined
      ? []
      : [diff.generated.added, diff.generated.removed, diff.generated.changed]),
  ]
  return (
    lists.every((l) => l.length === 0) &&
    diff.overall.delta === 0 &&
    diff.isolationBalance.delta === 0 &&
    CRITERIA.every((c) => diff.criteria[c].delta === 0)
  )
}
