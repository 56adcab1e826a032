// The human-readable evaluation: scores at a glance, then the reasons a reviewer needs.
import { escapeControlChars } from '../../shared/util/control-chars'
import type { Design } from '../../shared/model/schema'
import type { Evaluation, Finding, Severity, Violation } from '../../shared/engine/types'
import { CRITERIA, SEVERITIES } from '../../shared/engine/types'
import { assertNever } from '../../shared/util/assert-never'
import { countOf } from './count'
import { balanceGauge, balanceLabel, scoreBar } from './bars'
import type { Style } from './style'

const LABEL_WIDTH = Math.max(...CRITERIA.map((c) => c.length)) + 2

/** Colours a 0..100 score: green from 75, yellow from 50, red below. */
export function scoreColour(style: Style, score: number): (s: string) => string {
  if (score >= 75) return style.green
  if (score >= 50) return style.yellow
  return style.red
}

/** Colours by severity, so high findings stand out. */
export function severityColour(style: Style, severity: Severity): (s: string) => string {
  switch (severity) {
    case 'high':
      return style.red
    case 'medium':
      return style.yellow
    case 'low':
      return style.cyan
    default:
      return assertNever(severity)
  }
}

/** A one-line summary of the stack: orchestrator, node pools (OS, engine, sandboxes) and plugins. */
export function stackLine(design: Design): string {
  const { orchestrator, plugins } = design.choices
  const pools = design.nodePools.map(
    (p) =>
      `${p.name}: ${p.os}/${p.runtime}${p.sandboxes.length > 0 ? `+${p.sandboxes.join('+')}` : ''}`,
  )
  return [
    `${orchestrator} · pools ${pools.length > 0 ? pools.join(', ') : 'none'}`,
    `plugins: ${plugins.length > 0 ? plugins.join(', ') : 'none'}`,
  ].join(' · ')
}

function header(design: Design, evaluation: Evaluation, style: Style): string[] {
  const title = design.metadata.title ? ` — ${escapeControlChars(design.metadata.title)}` : ''
  const overall = evaluation.scores.overall
  const verdict = evaluation.valid
    ? style.green('buildable')
    : style.red(`NOT buildable: ${countOf(evaluation.violations.length, 'violation')}`)
  return [
    style.bold(`${evaluation.design}${title}`),
    style.dim(stackLine(design)),
    '',
    `${style.bold('Overall')}  ${scoreColour(style, overall)(style.bold(String(overall)))}/100  ${verdict}`,
    style.dim(
      `  weighted criteria ${evaluation.scores.criteriaMean.toFixed(1)}${findingsLine(evaluation)}`,
    ),
  ]
}

/** ", findings −8.0 (1 high, 2 low not mitigated)" when open findings lower the overall. */
function findingsLine(evaluation: Evaluation): string {
  const counted = evaluation.scores.findingPenalties.filter((p) => p.points < 0)
  if (counted.length === 0) return ''
  const total = counted.reduce((sum, p) => sum + p.points, 0)
  const by = (['high', 'medium', 'low'] as const)
    .map((s) => [s, counted.filter((p) => p.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
  return `, findings ${total.toFixed(1)} (${by.join(', ')} not mitigated)`
}

function criteria(evaluation: Evaluation, style: Style): string[] {
  const lines = ['', style.bold('Criteria') + style.dim('  (score, weight from priorities)')]
  for (const criterion of CRITERIA) {
    const { score } = evaluation.scores.criteria[criterion]
    const weight = evaluation.scores.weights[criterion]
    const colour = scoreColour(style, score)
    lines.push(
      `  ${criterion.padEnd(LABEL_WIDTH)}${colour(scoreBar(score))}  ${String(score).padStart(3)}  ${style.dim(`×${weight}`)}`,
    )
  }
  return lines
}

function balance(evaluation: Evaluation, style: Style): string[] {
  const { value, tooLittle, tooMuch } = evaluation.isolationBalance
  const signed = value > 0 ? `+${value}` : String(value)
  const lines = [
    '',
    `${style.bold('Isolation balance')}  ${signed} (${balanceLabel(value)})`,
    `  too little ${value === 0 ? style.green(balanceGauge(value)) : style.yellow(balanceGauge(value))} too much`,
  ]
  for (const r of tooLittle) lines.push(`  ${style.yellow('◀')} ${r.rule}: ${r.reason}`)
  for (const r of tooMuch) lines.push(`  ${style.yellow('▶')} ${r.rule}: ${r.reason}`)
  return lines
}

function violationLines(violation: Violation, style: Style): string[] {
  return [
    `  ${style.red('✗')} ${style.bold(violation.id)}  ${violation.message}`,
    `      at:  ${violation.paths.join(', ')}`,
    `      fix: ${violation.fix}`,
  ]
}

function violations(evaluation: Evaluation, style: Style): string[] {
  if (evaluation.violations.length === 0) return ['', `${style.bold('Violations')}  none`]
  return [
    '',
    style.red(style.bold(`Violations (${evaluation.violations.length})`)),
    ...evaluation.violations.flatMap((v) => violationLines(v, style)),
  ]
}

function findingLines(finding: Finding, style: Style): string[] {
  const treatment =
    finding.treatment === 'open' ? style.bold('[open]') : style.dim(`[${finding.treatment}]`)
  const lines = [`    ${style.bold(finding.id)}  ${finding.title}  ${treatment}`]
  lines.push(`      fix:  ${finding.fix}`)
  if (finding.note) lines.push(`      note: ${escapeControlChars(finding.note)}`)
  return lines
}

function findings(evaluation: Evaluation, style: Style): string[] {
  const all = evaluation.findings
  const open = all.filter((f) => f.treatment === 'open').length
  const counts = SEVERITIES.map((s) => `${all.filter((f) => f.severity === s).length} ${s}`)
  const lines = ['', `${style.bold('Findings')}  ${counts.join(', ')} — ${open} open`]
  for (const severity of SEVERITIES) {
    const group = all.filter((f) => f.severity === severity)
    if (group.length === 0) continue
    lines.push(`  ${severityColour(style, severity)(style.bold(severity.toUpperCase()))}`)
    for (const f of group) lines.push(...findingLines(f, style))
  }
  return lines
}

/** The whole text report for `stackwright evaluate`, ending with a newline. */
export function formatEvaluationText(design: Design, evaluation: Evaluation, style: Style): string {
  return (
    [
      ...header(design, evaluation, style),
      ...criteria(evaluation, style),
      ...balance(evaluation, style),
      ...violations(evaluation, style),
      ...findings(evaluation, style),
    ].join('\n') + '\n'
  )
}
