// Control and bidirectional-override characters made visible, so text from a file name or a design
// can neither drive a terminal (ESC sequences, BEL) nor reorder what a reader sees (U+202E).
//
// Each one becomes a backslash escape a reader can see and report: `\x1b` for C0, DEL and C1, and
// `\u202e` for the line separators and every Unicode Bidi_Control character (the embeddings,
// overrides and isolates, and the marks U+061C, U+200E and U+200F, which reorder neutral text too).
// A backslash already in the text is left alone, so Windows paths stay readable; the escapes are for
// people, not for parsing back.
/* eslint-disable no-control-regex -- matching control characters is what this file is for */

const ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
// The same set without tab, line feed and carriage return, for formats where those are text.
const ALL_BUT_WHITESPACE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
// What JSON.stringify leaves raw: DEL, C1, the line separators and bidi controls (C0 it escapes itself).
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const hex = (ch: string, digits: number) => ch.charCodeAt(0).toString(16).padStart(digits, '0')

function visible(ch: string): string {
  return ch.charCodeAt(0) <= 0xff ? `\\x${hex(ch, 2)}` : `\\u${hex(ch, 4)}`
}

/** `text` with every control and bidi-override character shown as `\x1b` or `\u202e`: for messages. */
export function escapeControlChars(text: string): string {
  return text.replace(ALL, visible)
}

/** Like escapeControlChars but keeps tab, line feed and carriage return: for document text. */
export function escapeControlCharsInText(text: string): string {
  return text.replace(ALL_BUT_WHITESPACE, visible)
}

/**
 * JSON text with DEL, C1, U+2028/9 and bidi controls written as `\u` escapes. They can only occur
 * inside strings, so the document parses to the same value while its bytes hold none of them.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_RAW, (ch) => `\\u${hex(ch, 4)}`)
}
