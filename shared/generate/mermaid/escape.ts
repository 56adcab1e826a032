// Neutralises text inside Mermaid labels, so a design's names and titles can never become Mermaid syntax.
//
// Every label this package writes is quoted (`["..."]`) and passes through `mermaidLabel`. Inside the
// quotes, the characters that could end the string, start a directive (`%%{init}%%`), a comment, a
// statement (`;`, newline), an edge label (`|`), a markdown string (backtick) or HTML (`<`, `&`) are
// replaced by Mermaid entity codes (`#quot;`, `#35;` ...), which Mermaid documents as the way to put
// such characters in a label. Node ids are always generated (`w0`, `s1`), never user text. Line
// breaks become spaces; other control and bidi characters are shown as `\x1b` / `\u202e` (their
// backslash then written `#92;`), so nothing reorders or breaks the label and nothing vanishes.
import { escapeControlCharsInText } from '../../util/control-chars'

/** The entity code written for each special character, by character. */
const CODES: Readonly<Record<string, string>> = {
  '"': 'quot',
  '<': 'lt',
  '>': 'gt',
  '&': 'amp',
  '#': '35',
  '%': '37',
  ';': '59',
  '`': '96',
  '{': '123',
  '|': '124',
  '}': '125',
  '\\': '92',
}

/** XML entity for each code above, used when the diagram is rendered to SVG by a renderer that keeps codes. */
const XML: Readonly<Record<string, string>> = {
  quot: '&quot;',
  lt: '&lt;',
  gt: '&gt;',
  amp: '&amp;',
  '35': '&#35;',
  '37': '&#37;',
  '59': '&#59;',
  '96': '&#96;',
  '123': '&#123;',
  '124': '&#124;',
  '125': '&#125;',
  '92': '&#92;',
}

/** Text safe to place between the quotes of a Mermaid label: no syntax, no HTML, one line. */
export function mermaidLabel(text: string): string {
  const oneLine = escapeControlCharsInText(text)
    .replace(/[\t\r\n]+/g, ' ')
    .trim()
  let out = ''
  for (const ch of oneLine) {
    const code = CODES[ch]
    out += code === undefined ? ch : `#${code};`
  }
  return out
}

const CODE_PATTERN = new RegExp(`#(${Object.keys(XML).join('|')});`, 'g')

/**
 * Turns the entity codes `mermaidLabel` wrote into XML character references, for a renderer that
 * copies label text verbatim into (already XML-escaped) SVG text: the result stays escaped.
 */
export function mermaidCodesToXml(text: string): string {
  return text.replace(CODE_PATTERN, (_, code: string) => XML[code] ?? '')
}
