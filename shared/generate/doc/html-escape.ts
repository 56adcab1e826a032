// Escapes text for HTML element content and quoted attribute values.
import { escapeControlCharsInText } from '../../util/control-chars'

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Text safe inside an HTML element or a double- or single-quoted attribute value. Control and bidi
 * characters are shown as `\x1b` / `\u202e`, so a reviewer sees them instead of text they reorder.
 */
export function escapeHtml(text: string): string {
  return escapeControlCharsInText(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch)
}
