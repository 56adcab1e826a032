// `stackwright diff` output: a terminal summary and a Markdown one for a pull-request comment.
import { CRITERIA } from '../../shared/engine/types'
import { mdCell, mdInline } from '../../shared/generate/doc/markdown-escape'
import { escapeControlChars } from '../../shared/util/control-chars'
import { mdCode } from '../format/evaluation-markdown'
import type { Style } from '../format/style'
import type { DesignDiff, FindingChange, NamesDiff, ScoreDelta } from './design-diff'
import { isEmptyDiff } from './design-diff'

/** The first line of the Markdown diff, so a bot can update its earlier comment. */
export const DIFF_MARKDOWN_MARKER = '<!-- stackwright:diff -->'

const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '±0' : String(n))

function scoreLine(label: string, s: ScoreDelta, style: Style, width: number): string {
  const d =
    s.delta > 0
      ? style.green(signed(s.delta))
      : s.delta < 0
        ? style.red(signed(s.delta))
        : style.dim('±0')
  return `  ${label.padEnd(width)}${String(s.old).padStart(4)} -> ${String(s.new).padStart(3)}  ${d}`
}

const treatmentNote = (f: FindingChange) =>
  f.oldTreatment === undefined ? `[${f.treatment}]` : `[${f.oldTreatment} -> ${f.treatment}]`

function namesLines(label: string, n: NamesDiff, style: Style): string[] {
  return [
    ...n.added.map((x) => `  ${style.green('+')} ${label} ${escapeControlChars(x)}`),
    ...n.removed.map((x) => `  ${style.red('-')} ${label} ${escapeControlChars(x)}`),
  ]
}

/** The text report, ending with a newline. */
export function formatDiffText(diff: DesignDiff, style: Style): string {
  const width = Math.max(...CRITERIA.map((c) => c.length), 'isolation balance'.length) + 2
  const lines = [
    style.bold(`${diff.old.design} -> ${diff.new.design}`),
    '',
    style.bold('Scores') + style.dim('  (old -> new)'),
    scoreLine('overall', diff.overall, style, width),
    ...CRITERIA.map((c) => scoreLine(c, diff.criteria[c], style, width)),
    scoreLine('isolation balance', diff.isolationBalance, style, width),
  ]
  if (isEmptyDiff(diff)) return [...lines, '', 'No changes a review would see.'].join('\n') + '\n'
  const f = diff.findings
  if (f.added.length + f.resolved.length + f.treatmentChanged.length > 0) {
    lines.push('', style.bold('Findings'))
    for (const x of f.added)
      lines.push(
        `  ${style.red('+')} ${x.severity.padEnd(6)} ${x.id}  ${x.title}  ${treatmentNote(x)}`,
      )
    for (const x of f.resolved)
      lines.push(`  ${style.green('-')} ${x.severity.padEnd(6)} ${x.id}  ${x.title}  (resolved)`)
    for (const x of f.treatmentChanged)
      lines.push(
        `  ${style.yellow('~')} ${x.severity.padEnd(6)} ${x.id}  ${x.title}  ${treatmentNote(x)}`,
      )
  }
  const v = diff.violations
  if (v.added.length + v.resolved.length > 0) {
    lines.push('', style.bold('Violations'))
    for (const x of v.added) lines.push(`  ${style.red('+')} ${x.id}  ${x.message}`)
    for (const x of v.resolved)
      lines.push(`  ${style.green('-')} ${x.id}  ${x.message}  (resolved)`)
  }
  const design = [
    ...diff.choices.map((c) => `  ${style.yellow('~')} ${escapeControlChars(c)}`),
    ...namesLines('pool', diff.nodePools, style),
    ...namesLines('workload', diff.workloads, style),
    ...namesLines('flow', diff.flows, style),
    ...namesLines('endpoint', diff.endpoints, style),
  ]
  if (design.length > 0) lines.push('', style.bold('Design'), ...design)
  const g = diff.generated
  if (g !== undefined && g.added.length + g.removed.length + g.changed.length > 0)
    lines.push(
      '',
      style.bold('Generated files'),
      ...g.added.map((p) => `  ${style.green('+')} ${escapeControlChars(p)}`),
      ...g.removed.map((p) => `  ${style.red('-')} ${escapeControlChars(p)}`),
      ...g.changed.map((p) => `  ${style.yellow('~')} ${escapeControlChars(p)}`),
    )
  return lines.join('\n') + '\n'
}

const mdSigned = (s: ScoreDelta) =>
  s.delta > 0 ? `🟢 ${signed(s.delta)}` : s.delta < 0 ? `🔴 ${signed(s.delta)}` : '±0'

function mdNames(label: string, n: NamesDiff): string[] {
  return [
    ...n.added.map((x) => `- ➕ ${label} ${mdCode(x)}`),
    ...n.removed.map((x) => `- ➖ ${label} ${mdCode(x)}`),
  ]
}

/** The Markdown report (GitHub-flavoured), ending with a newline. */
export function formatDiffMarkdown(diff: DesignDiff, oldFile: string, newFile: string): string {
  const lines = [
    DIFF_MARKDOWN_MARKER,
    `### Stackwright design review: ${mdInline(diff.new.design)}`,
    '',
    `${mdCode(oldFile)} → ${mdCode(newFile)}: overall **${diff.overall.old} → ${diff.overall.new}** (${mdSigned(diff.overall)})${diff.new.valid ? '' : ' · ❌ **not buildable**'}`,
    '',
    '| Criterion | Old | New | Change |',
    '|---|---:|---:|---:|',
    ...CRITERIA.map(
      (c) =>
        `| ${c} | ${diff.criteria[c].old} | ${diff.criteria[c].new} | ${mdSigned(diff.criteria[c])} |`,
    ),
    `| isolation balance | ${diff.isolationBalance.old} | ${diff.isolationBalance.new} | ${signed(diff.isolationBalance.delta)} |`,
  ]
  const f = diff.findings
  const rows = [
    ...f.added.map(
      (x) => `| ➕ added | ${x.severity} | ${mdCode(x.id)} ${mdCell(x.title)} | ${x.treatment} |`,
    ),
    ...f.resolved.map(
      (x) => `| ✅ resolved | ${x.severity} | ${mdCode(x.id)} ${mdCell(x.title)} | |`,
    ),
    ...f.treatmentChanged.map(
      (x) =>
        `| 🔁 treatment | ${x.severity} | ${mdCode(x.id)} ${mdCell(x.title)} | ${x.oldTreatment ?? ''} → ${x.treatment} |`,
    ),
  ]
  if (rows.length > 0)
    lines.push(
      '',
      '#### Findings',
      '',
      '| Change | Severity | Finding | Treatment |',
      '|---|---|---|---|',
      ...rows,
    )
  const v = diff.violations
  if (v.added.length + v.resolved.length > 0)
    lines.push(
      '',
      '#### Violations',
      '',
      ...v.added.map((x) => `- ❌ added ${mdCode(x.id)} ${mdCell(x.message)}`),
      ...v.resolved.map((x) => `- ✅ resolved ${mdCode(x.id)} ${mdCell(x.message)}`),
    )
  const design = [
    ...diff.choices.map((c) => `- 🔁 ${mdCell(c)}`),
    ...mdNames('pool', diff.nodePools),
    ...mdNames('workload', diff.workloads),
    ...mdNames('flow', diff.flows),
    ...mdNames('endpoint', diff.endpoints),
  ]
  if (design.length > 0) lines.push('', '#### Design', '', ...design)
  const g = diff.generated
  if (g !== undefined && g.added.length + g.removed.length + g.changed.length > 0)
    lines.push(
      '',
      '#### Generated files',
      '',
      ...g.added.map((p) => `- ➕ ${mdCode(p)}`),
      ...g.removed.map((p) => `- ➖ ${mdCode(p)}`),
      ...g.changed.map((p) => `- 🔁 ${mdCode(p)}`),
    )
  if (isEmptyDiff(diff)) lines.push('', 'No changes a review would see.')
  return lines.join('\n') + '\n'
}
