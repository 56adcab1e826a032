// Alternatives per decision dimension: the design with one dimension changed, scored by the engine.
//
// Computed here (not passed in by the shells) so the document stays a pure function of the design:
// about sixty `evaluate` calls, each linear in the design, so a large design still renders quickly.
import { engineFor, getOrchestrator, getOs, getPlugin, getRuntime } from '../../catalog/index'
import type { OrchestratorId, OsId, PluginId, RuntimeId } from '../../catalog/ids'
import type { Catalog } from '../../catalog/types'
import { changesBetween, evaluate } from '../../engine/index'
import type { Criterion, Evaluation, Stack } from '../../engine/types'
import { applyStack, stackOf } from '../../engine/stack'
import { CRITERIA } from '../../engine/types'
import type { DecisionDimension, Design } from '../../model/schema'
import {
  DECISION_DIMENSIONS,
  NAMESPACE_STRATEGIES,
  NETWORK_POSTURES,
  POD_SECURITY_LEVELS,
} from '../../model/schema'
import { assertNever } from '../../util/assert-never'
import { compare } from '../../util/declared-flows'

/** How many alternatives each decision record lists. */
export const ALTERNATIVES_SHOWN = 3

/** One scored alternative: what changes and what the engine then says. */
export interface AlternativeOption {
  readonly label: string
  readonly changes: readonly string[]
  readonly overall: number
  readonly criteria: Readonly<Record<Criterion, number>>
}

export interface DimensionAlternatives {
  /** The best alternatives without violations, best first (at most ALTERNATIVES_SHOWN). */
  readonly options: readonly AlternativeOption[]
  /** Candidates left out because the engine reports a hard incompatibility for them. */
  readonly excluded: number
  /** Rules whose contribution changes when this dimension changes: its consequences in the score. */
  readonly sensitiveRules: readonly string[]
}

export type Alternatives = Readonly<Record<DecisionDimension, DimensionAlternatives>>

interface Candidate {
  readonly label: string
  readonly design: Design
  readonly changes: readonly string[]
}

/** Scores the alternatives of every dimension of the design (pure, deterministic). */
export function computeAlternatives(
  design: Design,
  catalog: Catalog,
  current?: Evaluation,
): Alternatives {
  const base = current ?? evaluate(design, catalog)
  const entries = DECISION_DIMENSIONS.map((dim) => {
    const candidates = candidatesFor(dim, design, catalog)
    return [dim, scoreCandidates(base, candidates, catalog)] as const
  })
  return Object.fromEntries(entries) as Record<DecisionDimension, DimensionAlternatives>
}

function scoreCandidates(
  base: Evaluation,
  candidates: readonly Candidate[],
  catalog: Catalog,
): DimensionAlternatives {
  const baseRules = rulePoints(base)
  // Consequences come from candidates that change this dimension alone where there are any: an
  // orchestrator swap that also had to change the runtime would blame the orchestrator for both.
  const pure = candidates.some((c) => c.changes.length === 1)
  const sensitive = new Set<string>()
  const options: AlternativeOption[] = []
  let excluded = 0
  for (const c of candidates) {
    const e = evaluate(c.design, catalog)
    const points = rulePoints(e)
    if (!pure || c.changes.length === 1) {
      for (const rule of new Set([...baseRules.keys(), ...points.keys()])) {
        if (baseRules.get(rule) !== points.get(rule)) sensitive.add(rule)
      }
    }
    if (!e.valid) {
      excluded += 1
      continue
    }
    const criteria = Object.fromEntries(CRITERIA.map((k) => [k, e.scores.criteria[k].score]))
    options.push({
      label: c.label,
      changes: c.changes.map((change) => change.replace(' -> ', ' → ')),
      overall: e.scores.overall,
      criteria: criteria as Record<Criterion, number>,
    })
  }
  options.sort((a, b) => b.overall - a.overall || compare(a.label, b.label))
  return {
    options: options.slice(0, ALTERNATIVES_SHOWN),
    excluded,
    sensitiveRules: [...sensitive].sort(compare),
  }
}

/** Points per rule id (summed over criteria and items) in an evaluation. */
function rulePoints(e: Evaluation): Map<string, number> {
  const points = new Map<string, number>()
  for (const k of CRITERIA) {
    for (const c of e.scores.criteria[k].contributions)
      points.set(c.rule, (points.get(c.rule) ?? 0) + c.points)
  }
  return points
}

function candidatesFor(dim: DecisionDimension, design: Design, catalog: Catalog): Candidate[] {
  switch (dim) {
    case 'orchestrator':
      return orchestratorCandidates(design, catalog)
    case 'runtime':
      return runtimeCandidates(design, catalog)
    case 'os':
      return osCandidates(design, catalog)
    case 'plugins':
      return pluginCandidates(design, catalog)
    case 'isolation':
      return isolationCandidates(design)
    case 'nodes':
    case 'endpoints':
      // Pools and endpoints describe the platform; their alternatives are the runtime and OS ones.
      return []
    default:
      return assertNever(dim)
  }
}

/** The design with part of its stack replaced, through the engine's one stack edit. */
function withStack(
  design: Design,
  catalog: Catalog,
  change: Partial<Stack>,
  label: string,
): Candidate {
  const from = stackOf(design, catalog)
  const to: Stack = { ...from, ...change }
  return { label, design: applyStack(design, to, catalog), changes: changesBetween(from, to) }
}

/** Another orchestrator, keeping the engine, OS and plugins where it supports them (else its first option). */
function orchestratorCandidates(design: Design, catalog: Catalog): Candidate[] {
  const current = stackOf(design, catalog)
  const osFamily = getOs(catalog, current.os).family
  return catalog.orchestrators
    .filter((o) => o.id !== current.orchestrator)
    .map((o) => {
      const runtime: RuntimeId = o.runtimes.includes(current.runtime)
        ? current.runtime
        : (engineFor(catalog, o.id, osFamily) ?? o.runtimes[0] ?? current.runtime)
      const os: OsId = o.os.worker.includes(current.os)
        ? current.os
        : (o.os.worker.find((id) => getOs(catalog, id).family === osFamily) ??
          o.os.worker[0] ??
          current.os)
      const plugins = current.plugins.filter((p) => o.plugins.includes(p))
      return withStack(
        design,
        catalog,
        { orchestrator: o.id as OrchestratorId, runtime, os, plugins },
        o.name,
      )
    })
}

function runtimeCandidates(design: Design, catalog: Catalog): Candidate[] {
  const current = stackOf(design, catalog)
  const o = getOrchestrator(catalog, current.orchestrator)
  return o.runtimes
    .filter((r) => r !== current.runtime && getRuntime(catalog, r).kind === 'engine')
    .map((r) => withStack(design, catalog, { runtime: r }, getRuntime(catalog, r).name))
}

function osCandidates(design: Design, catalog: Catalog): Candidate[] {
  const current = stackOf(design, catalog)
  const o = getOrchestrator(catalog, current.orchestrator)
  return o.os.worker
    .filter((id) => id !== current.os)
    .map((id) => withStack(design, catalog, { os: id }, getOs(catalog, id).name))
}

/** Swap a chosen plugin for another of its category, drop it, or add one the orchestrator supports. */
function pluginCandidates(design: Design, catalog: Catalog): Candidate[] {
  const chosen = design.choices.plugins
  const applicable = getOrchestrator(catalog, design.choices.orchestrator).plugins
  const name = (id: PluginId) => getPlugin(catalog, id).name
  const out: Candidate[] = []
  for (const p of chosen) {
    const category = getPlugin(catalog, p).category
    for (const q of applicable) {
      if (chosen.includes(q) || getPlugin(catalog, q).category !== category) continue
      out.push(
        withStack(
          design,
          catalog,
          { plugins: chosen.map((x) => (x === p ? q : x)) },
          `${name(q)} instead of ${name(p)}`,
        ),
      )
    }
    out.push(
      withStack(design, catalog, { plugins: chosen.filter((x) => x !== p) }, `Without ${name(p)}`),
    )
  }
  for (const q of applicable) {
    if (!chosen.includes(q))
      out.push(withStack(design, catalog, { plugins: [...chosen, q] }, `Add ${name(q)}`))
  }
  return out
}

function isolationCandidates(design: Design): Candidate[] {
  const iso = design.isolation
  const change = <K extends 'podSecurity' | 'namespaces' | 'network'>(
    key: K,
    value: Design['isolation'][K],
  ) => ({
    label: `${key}: ${value}`,
    design: { ...design, isolation: { ...iso, [key]: value } },
    changes: [`isolation.${key}: ${iso[key]} -> ${value}`],
  })
  return [
    ...POD_SECURITY_LEVELS.filter((v) => v !== iso.podSecurity).map((v) =>
      change('podSecurity', v),
    ),
    ...NAMESPACE_STRATEGIES.filter((v) => v !== iso.namespaces).map((v) => change('namespaces', v)),
    ...NETWORK_POSTURES.filter((v) => v !== iso.network).map((v) => change('network', v)),
  ]
}
