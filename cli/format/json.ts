// Machine output: one JSON document, 2-space indent, trailing newline, nothing else.

/** Serialises a value for stdout; key order is the order the engine built the object in (deterministic). */
export function toJsonOutput(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}
