// `evaluate --format markdown`: the evaluation as GitHub-flavoured Markdown, for a pull-request comment
// or a CI step summary ($GITHUB_STEP_SUMMARY). Every piece of design text goes through the escapers.
import { mdCell, mdInline } from '../../shared/generate/doc/markdown-escape'
import type { Design } from '../../shared/model/schema'
import type { Evaluation, Finding } from '../../shared/engine/types'
import { CRITERIA, SEVERITIES } from '../../shared/engine/types'
import { balanceLabel } from './bars'
import { countOf } from './count'
import { stackLine } from './evaluation-text'

/** The first line of every report: lets a bot find and update its earlier comment. */
export const MARKDOWN_MARKER = '<!-- stackwright:evaluate -->'

/** Text as an inline code span: nothing inside is markup; backticks and line breaks cannot end it early. */
export function mdCode(text: string): string {
  const clean = text.replace(/[`\r\n\u2028\u2029]+/g, ' ').replace(/\|/g, '\\|')
  return `\`${clean}\``
}

const SEVERITY_ICON = { high: '🔴', medium: '🟠', low: '🔵' } as const

function findingRow(f: Finding): string {
  const treatment = f.treatment === 'open' ? '**open**' : f.treatment
  return `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${mdCode(f.id)} ${mdCell(f.title)} | ${treatment} | ${mdCell(f.fix)} |`
}

/** The Markdown report for one design file; `file` is shown as given. */
export function formatEvaluationMarkdown(
  file: string,
  design: Design,
  evaluation: Evaluation,
): string {
  const { scores } = evaluation
  const title = design.metadata.title ? ` — ${mdInline(design.metadata.title)}` : ''
  const verdict = evaluation.valid
    ? '✅ buildable'
    : `❌ **not buildable**: ${countOf(evaluation.violations.length, 'violation')}`
  const penalty = scores.findingPenalties.reduce((sum, p) => sum + p.points, 0)
  const lines = [
    MARKDOWN_MARKER,
    `### Stackwright: ${mdInline(evaluation.design)}${title}`,
    '',
    `**Overall ${scores.overall}/100** · ${verdict} · ${mdCode(file)}`,
    '',
    `${mdCell(stackLine(design))}`,
    '',
    `Weighted criteria ${scores.criteriaMean.toFixed(1)}${penalty < 0 ? `, findings ${penalty.toFixed(1)}` : ''}; isolation balance ${evaluation.isolationBalance.value > 0 ? '+' : ''}${evaluation.isolationBalance.value} (${balanceLabel(evaluation.isolationBalance.value)}).`,
    '',
    '| Criterion | Score | Weight |',
    '|---|---:|---:|',
    ...CRITERIA.map((c) => `| ${c} | ${scores.criteria[c].score} | ×${scores.weights[c]} |`),
  ]
  if (evaluation.violations.length > 0) {
    lines.push('', `#### Violations (${evaluation.violations.length})`, '')
    for (const v of evaluation.violations)
      lines.push(
        `- ❌ ${mdCode(v.id)} ${mdCell(v.message)} — at ${v.paths.map(mdCode).join(', ')}; fix: ${mdCell(v.fix)}`,
      )
  }
  const all = evaluation.findings
  const open = all.filter((f) => f.treatment === 'open').length
  const counts = SEVERITIES.map((s) => `${all.filter((f) => f.severity === s).length} ${s}`)
  lines.push('', `#### Findings: ${counts.join(', ')} — ${open} open`)
  if (all.length > 0) {
    lines.push('', '| Severity | Finding | Treatment | Fix |', '|---|---|---|---|')
    for (const severity of SEVERITIES)
      for (const f of all.filter((x) => x.severity === severity)) lines.push(findingRow(f))
  }
  return lines.join('\n') + '\n'
}
