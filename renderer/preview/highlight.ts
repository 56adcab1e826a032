// Syntax highlighting for the export preview: highlight.js core with only the languages we emit,
// in its own chunk. Output is escaped by highlight.js, so it is safe to insert as HTML.
import hljs from 'highlight.js/lib/core'
import type { LanguageFn } from 'highlight.js'
import json from 'highlight.js/lib/languages/json'
import markdown from 'highlight.js/lib/languages/markdown'
import plaintext from 'highlight.js/lib/languages/plaintext'
import xml from 'highlight.js/lib/languages/xml'
import yaml from 'highlight.js/lib/languages/yaml'

/** Enough of HCL for Nomad job files: comments, strings, numbers, literals and attribute names. */
const hcl: LanguageFn = (h) => ({
  name: 'HCL',
  aliases: ['hcl', 'nomad'],
  contains: [
    h.HASH_COMMENT_MODE,
    h.C_LINE_COMMENT_MODE,
    h.C_BLOCK_COMMENT_MODE,
    h.QUOTE_STRING_MODE,
    h.NUMBER_MODE,
    { className: 'literal', begin: /\b(true|false|null)\b/ },
    { className: 'attr', begin: /\b[A-Za-z_][A-Za-z0-9_-]*(?=\s*=)/ },
    { className: 'title', begin: /^\s*[A-Za-z_][A-Za-z0-9_-]*(?=\s+("|\{))/ },
  ],
})

hljs.registerLanguage('json', json)
hljs.registerLanguage('markdown', markdown)
hljs.registerLanguage('plaintext', plaintext)
hljs.registerLanguage('xml', xml)
hljs.registerLanguage('yaml', yaml)
hljs.registerLanguage('hcl', hcl)

/** Files larger than this are shown as plain text: highlighting them would stall the preview. */
export const HIGHLIGHT_LIMIT = 200_000

/** The highlight.js language for a generated file's path. */
export function languageOf(path: string): string {
  const name = path.toLowerCase()
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml'
  if (name.endsWith('.json') || name.endsWith('.sarif')) return 'json'
  if (name.endsWith('.md')) return 'markdown'
  if (name.endsWith('.html') || name.endsWith('.xml') || name.endsWith('.svg')) return 'xml'
  if (name.endsWith('.hcl') || name.endsWith('.nomad') || name.endsWith('.tf')) return 'hcl'
  return 'plaintext'
}

/** Highlighted HTML for a file, or undefined when it is too large to highlight. */
export function highlight(path: string, content: string): string | undefined {
  if (content.length > HIGHLIGHT_LIMIT) return undefined
  return hljs.highlight(content, { language: languageOf(path), ignoreIllegals: true }).value
}
