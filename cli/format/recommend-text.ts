// The ranked table for `stackwright recommend`: one row per stack, its changes beneath it.
import type { RankedStack } from '../../shared/engine/types'
import type { Style } from './style'
import { renderTable } from './table'

const HEADER = ['#', 'score', 'orchestrator', 'runtime', 'os', 'plugins'] as const

/** The text report for `stackwright recommend`, ending with a newline. */
export function formatRecommendText(
  designName: string,
  currentScore: number,
  ranked: readonly RankedStack[],
  style: Style,
): string {
  const title = style.bold(`Top ${ranked.length} stacks for ${designName}`)
  const lines = [`${title}  ${style.dim(`(current choices score ${currentScore})`)}`, '']
  if (ranked.length === 0)
    return [...lines, 'No valid stack in the catalog fits this design.'].join('\n') + '\n'
  const rows = ranked.map((r) => [
    String(r.rank),
    String(r.score),
    r.stack.orchestrator,
    r.stack.runtime,
    r.stack.os,
    r.stack.plugins.length > 0 ? r.stack.plugins.join(', ') : '(none)',
  ])
  const table = renderTable(HEADER, rows, ['right', 'right'])
  lines.push(style.bold(table[0] ?? ''))
  // Indent the change list under the orchestrator column so it reads as part of the row above.
  const indent = ' '.repeat((table[0] ?? '').indexOf('orchestrator'))
  ranked.forEach((r, i) => {
    lines.push(table[i + 1] ?? '')
    const changes = r.changes.length > 0 ? r.changes.join('; ') : 'your current choices'
    lines.push(style.dim(`${indent}${changes}`))
    const named = (xs: readonly { id: string; severity: string }[]) =>
      xs.map((f) => `${f.id} (${f.severity})`).join(', ')
    if (r.findingsAdded.length > 0) lines.push(style.dim(`${indent}adds ${named(r.findingsAdded)}`))
    if (r.findingsResolved.length > 0)
      lines.push(style.dim(`${indent}resolves ${named(r.findingsResolved)}`))
  })
  return lines.join('\n') + '\n'
}
