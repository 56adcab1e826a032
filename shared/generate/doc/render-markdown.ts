// Renders the document model as GitHub-flavoured Markdown: pipe tables, a ```mermaid fence, no raw HTML.
import { assertNever } from '../../util/assert-never'
import { mdCell, mdInline, mdParagraph } from './markdown-escape'
import type { Block, DocumentModel, Inline, Text } from './model'

/** The whole document as Markdown (ends with a newline). */
export function renderMarkdown(doc: DocumentModel): string {
  const out: string[] = [`# ${mdCell(doc.title)}`, '']
  out.push('Contents:', '')
  doc.sections.forEach((s, i) => out.push(`${i + 1}. ${mdInline(s.title)}`))
  out.push('')
  doc.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${mdCell(section.title)}`, '')
    for (const block of section.blocks) out.push(renderBlock(block), '')
  })
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n')
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return typeof block.text === 'string' ? mdParagraph(block.text) : inlines(block.text, true)
    case 'heading':
      return `### ${mdCell(block.text)}`
    case 'list':
      return block.items
        .map((item) => `- ${typeof item === 'string' ? mdInline(item) : inlines(item, true)}`)
        .join('\n')
    case 'table':
      if (block.rows.length === 0) return 'None.'
      return [
        row(block.header.map(mdCell)),
        row(block.header.map(() => '---')),
        ...block.rows.map((r) => row(r.map(cell))),
      ].join('\n')
    case 'diagram':
      return ['```mermaid', block.mermaid.trimEnd(), '```'].join('\n')
    case 'gauge':
      return [`\`${gaugeBar(block.value)}\``, '', mdParagraph(block.caption)].join('\n')
    default:
      return assertNever(block)
  }
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`
}

function cell(text: Text): string {
  return typeof text === 'string' ? mdCell(text) : inlines(text, false)
}

/** Inline runs; only the first one can start a line, where list and heading markers need escaping. */
function inlines(text: readonly Inline[], lineStart: boolean): string {
  return text.map((i, n) => inline(i, lineStart && n === 0)).join('')
}

function inline(i: Inline, lineStart: boolean): string {
  if (typeof i === 'string') return spaced(i, lineStart)
  if ('code' in i) return code(i.code)
  if ('strong' in i) return `**${mdCell(i.strong)}**`
  if ('ref' in i) return `\\[${mdCell(i.ref)}\\]`
  // Catalog URLs only: shown as the link text (escaped for Markdown, autolink triggers left alone).
  const label = i.url.replace(/[\\`*_[\]<>&|~$]/g, (ch) => `\\${ch}`)
  return `[${label}](${i.url.replace(/[()<>\s]/g, (ch) => encodeURIComponent(ch))})`
}

/** Inline text keeps one space where the piece began or ended with whitespace (escaping trims). */
function spaced(text: string, lineStart: boolean): string {
  if (text.trim() === '') return text === '' ? '' : ' '
  const escaped = lineStart ? mdInline(text) : mdCell(text)
  return `${/^\s/.test(text) ? ' ' : ''}${escaped}${/\s$/.test(text) ? ' ' : ''}`
}

/** A code span, unless the text could break out of it (then escaped plain text). */
function code(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text !== '' && !/[`|<>&\u0000-\u001f\u007f\u2028\u2029]/.test(text)
    ? `\`${text}\``
    : mdCell(text)
}

/** `too little [-----|--*--] too much`: a text gauge from -100 to +100 in 21 steps. */
function gaugeBar(value: number): string {
  const pos = Math.round((Math.max(-100, Math.min(100, value)) + 100) / 10)
  const cells = Array.from({ length: 21 }, (_, i) => (i === pos ? '*' : i === 10 ? '|' : '-'))
  return `too little [${cells.join('')}] too much`
}
