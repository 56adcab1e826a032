// evaluate(design, catalog): violations, criterion scores, isolation balance and findings, deterministically.
import type { Catalog } from '../catalog/types'
import type { Design } from '../model/schema'
import type { EngineContext } from './context'
import { buildContext, summarizeWorkloads } from './context'
import { BALANCE_RULES, FINDING_RULES, VIOLATION_RULES } from './rules/index'
import { hitsOf } from './rules/types'
import { byCriterion, scoreCriteria, weightedOverall, weightsOf } from './score'
import type { BalanceReason, Evaluation, Finding, IsolationBalance, Violation } from './types'
import { SEVERITIES } from './types'
import { findingPenalties, overallWithFindings, totalPenalty } from './arithmetic'

/** Scores a design against the catalog: the one function behind the app, the CLI and report.json. */
export function evaluate(design: Design, catalog: Catalog): Evaluation {
  const context = buildContext(design, catalog, summarizeWorkloads(design))
  const violations = detectViolations(context)
  const criteria = scoreCriteria(context)
  const weights = weightsOf(design.context.priorities)
  const findings = findingsOf(context)
  // The overall comes from the raw sums, so no criterion's penalty is hidden by its own mapping.
  const raw = byCriterion((k) => criteria[k].contributions.reduce((sum, x) => sum + x.points, 0))
  const criteriaMean = weightedOverall(raw, weights)
  const penalties = findingPenalties(findings)
  const penalty = totalPenalty(findings)
  return {
    design: design.metadata.name,
    valid: violations.length === 0,
    violations,
    scores: {
      overall: Math.round(overallWithFindings(criteriaMean, penalty)),
      overallExact: overallWithFindings(criteriaMean, penalty),
      criteriaMean,
      findingPenalties: penalties,
      weights,
      criteria,
    },
    isolationBalance: balanceOf(context),
    findings,
  }
}

/** Every hard incompatibility; `onlyPluginRules` selects the rules that read the plugin set. */
export function detectViolations(c: EngineContext, onlyPluginRules?: boolean): Violation[] {
  const rules =
    onlyPluginRules === undefined
      ? VIOLATION_RULES
      : VIOLATION_RULES.filter((r) => Boolean(r.readsPlugins) === onlyPluginRules)
  return rules.flatMap((rule) =>
    hitsOf(rule.detect(c)).map((hit) => ({ id: rule.id, ...hit, references: rule.references })),
  )
}

function balanceOf(c: EngineContext): IsolationBalance {
  const tooLittle: BalanceReason[] = []
  const tooMuch: BalanceReason[] = []
  for (const rule of BALANCE_RULES) {
    const hit = rule.detect(c)
    if (!hit) continue
    const reason = {
      rule: rule.id,
      reason: hit.reason,
      weight: hit.weight,
      references: rule.references,
    }
    ;(rule.side === 'tooLittle' ? tooLittle : tooMuch).push(reason)
  }
  const sum = (xs: BalanceReason[]) => xs.reduce((s, x) => s + x.weight, 0)
  const value = Math.max(-100, Math.min(100, sum(tooMuch) - sum(tooLittle)))
  return { value, tooLittle, tooMuch }
}

/** Every finding; `onlyPluginRules` selects the rules that read the plugin set (or the others). */
export function findingsOf(c: EngineContext, onlyPluginRules?: boolean): Finding[] {
  const risks = c.design.risks
  const findings: Finding[] = []
  const rules =
    onlyPluginRules === undefined
      ? FINDING_RULES
      : FINDING_RULES.filter((r) => Boolean(r.readsPlugins) === onlyPluginRules)
  for (const rule of rules) {
    const hit = rule.detect(c)
    if (!hit) continue
    const treatment = risks[rule.id]
    findings.push({
      id: rule.id,
      severity: hit.severity,
      title: hit.title ?? rule.title,
      why: hit.why,
      fix: hit.fix,
      references: hit.references ?? rule.references,
      paths: hit.paths,
      treatment: treatment?.treatment ?? 'open',
      note: treatment?.note ?? '',
    })
  }
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity)
  return findings.sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
