// Control and bidirectional-override characters made harmless, so text from a file name or a design
// can neither drive a terminal (ESC sequences, BEL, a lone carriage return that overwrites a line) nor
// reorder what a reader sees (U+202E). Every generated file and every message goes through one of the
// functions below; none of them keeps its own list.
//
// For people, each character becomes a backslash escape a reader can see and report: `\x1b` for C0,
// DEL and C1, and `\u202e` for the line separators and every Unicode Bidi_Control character (the
// embeddings, overrides and isolates, and the marks U+061C, U+200E and U+200F, which reorder neutral
// text too). A backslash already in the text is left alone, so Windows paths stay readable; those
// escapes are for people, not for parsing back. For machine formats whose strings read `\uXXXX` (JSON,
// YAML double-quoted scalars, HCL), the characters become that escape, so the value stays exact.

// DEL, C1, the line and paragraph separators and every Bidi_Control character: the set beyond C0.
const BEYOND_C0 = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069'
const ALL = new RegExp(`[\\u0000-\\u001f${BEYOND_C0}]`, 'g')
// The set without tab and line feed, and without a carriage return that ends a line (CRLF): document text.
const ALL_BUT_WHITESPACE = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${BEYOND_C0}]|\\r(?!\\n)`,
  'g',
)
// What JSON.stringify leaves raw (C0 it escapes itself).
const JSON_RAW = new RegExp(`[${BEYOND_C0}]`, 'g')
// What no generated file may hold raw: tab, line feed and CRLF are the only controls documents keep.
const UNSAFE_IN_FILE = new RegExp(ALL_BUT_WHITESPACE.source)

const hex = (ch: string, digits: number) => ch.charCodeAt(0).toString(16).padStart(digits, '0')

function visible(ch: string): string {
  return ch.charCodeAt(0) <= 0xff ? `\\x${hex(ch, 2)}` : `\\u${hex(ch, 4)}`
}

const unicode = (ch: string) => `\\u${hex(ch, 4)}`

/** `text` with every control and bidi-override character shown as `\x1b` or `\u202e`: for messages. */
export function escapeControlChars(text: string): string {
  return text.replace(ALL, visible)
}

/**
 * Like escapeControlChars but keeps tab, line feed and CRLF line ends: for user text in documents
 * (design.html, design.md, findings.csv). A lone carriage return is shown as `\x0d`.
 */
export function escapeControlCharsInText(text: string): string {
  return text.replace(ALL_BUT_WHITESPACE, visible)
}

/**
 * JSON text with DEL, C1, U+2028/9 and bidi controls written as `\u` escapes. They can only occur
 * inside strings, so the document parses to the same value while its bytes hold none of them. The
 * same holds for YAML whose strings holding them are all double-quoted (the yaml library escapes C0).
 */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_RAW, unicode)
}

/** The body of a string literal with every control and bidi character as `\uXXXX` (HCL, YAML, JSON). */
export function unicodeEscapeControls(text: string): string {
  return text.replace(ALL, unicode)
}

/** The first character no generated file may hold raw (anything but tab, line feed and CRLF), if any. */
export function unsafeCharInFile(text: string): string | undefined {
  return UNSAFE_IN_FILE.exec(text)?.[0]
}
