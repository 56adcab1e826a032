// Machine output: one JSON document, 2-space indent, trailing newline, nothing else.
import { escapeJsonControls } from '../../shared/util/control-chars'

/**
 * Serialises a value for stdout; key order is the order the engine built the object in (deterministic).
 * Bidi and C1 controls are \u-escaped (JSON.stringify escapes only C0), so a terminal shows them inert.
 */
export function toJsonOutput(value: unknown): string {
  return escapeJsonControls(JSON.stringify(value, null, 2)) + '\n'
}
