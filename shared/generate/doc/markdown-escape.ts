// Escapes user text for GitHub-flavoured Markdown, so a title or note can never become markup or a link.
//
// Markdown punctuation is backslash-escaped; `<`, `>` and `&` become entities (so the output holds no
// raw HTML at all); the triggers of GitHub's automatic links (`://`, `www.`, `@`) are broken with an
// entity, which renders the same character but no longer matches the autolink patterns. Control and
// bidi characters are first shown as `\x1b` / `\u202e` (shared/util/control-chars.ts), so they neither
// reach a terminal that shows the file nor vanish; U+2028/9 are shown too, not read as line breaks.
import { escapeControlCharsInText } from '../../util/control-chars'

// Characters that start emphasis, code, links, images, tables, headings, math or strikethrough anywhere.
const ALWAYS = /[\\`*_[\]#|~$]/g

// Anything escapeText changes; most cells (names, ids, numbers) hold none of it and are returned as they are.
const NEEDS_ESCAPE = /[&<>\\`*_[\]#|~$@]|:\/\/|www\./i

function escapeText(line: string): string {
  if (!NEEDS_ESCAPE.test(line)) return line
  return line
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(ALWAYS, (ch) => `\\${ch}`)
    .replace(/:\/\//g, '&#58;//')
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}&#46;`)
    .replace(/@/g, '&#64;')
}

// List markers, ordered-list numbers and setext underlines only matter at the start of a line.
function escapeLine(line: string): string {
  return escapeText(line)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
}

function oneLine(text: string): string {
  return escapeControlCharsInText(text)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim()
}

/** User text at the start of a Markdown line, one line (newlines become spaces): headings, list items. */
export function mdInline(text: string): string {
  return escapeLine(oneLine(text))
}

/** User text in the middle of a line or in a table cell: one line, pipes escaped, no block syntax possible. */
export function mdCell(text: string): string {
  return escapeText(oneLine(text))
}

/** User text as a Markdown paragraph, keeping its line breaks as hard breaks (a trailing backslash). */
export function mdParagraph(text: string): string {
  return escapeControlCharsInText(text)
    .split(/\r?\n/)
    .map((line) => escapeLine(line.trim()))
    .filter((line) => line !== '')
    .join('\\\n')
}
