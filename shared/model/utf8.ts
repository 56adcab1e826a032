// Decodes design-file bytes as strict UTF-8, and says where and why bytes are not text.
import type { DesignError } from './errors'

export type DecodeResult = { ok: true; text: string } | { ok: false; error: DesignError }

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const continuation = (i: number, low = 0x80, high = 0xbf) => {
    const b = bytes[i]
    return b !== undefined && b >= low && b <= high
  }
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    let length: number
    let low = 0x80
    let high = 0xbf
    if (b < 0x80) length = 1
    else if (b >= 0xc2 && b <= 0xdf) length = 2
    else if (b === 0xe0) [length, low] = [3, 0xa0]
    else if (b === 0xed) [length, high] = [3, 0x9f]
    else if (b >= 0xe1 && b <= 0xef) length = 3
    else if (b === 0xf0) [length, low] = [4, 0x90]
    else if (b === 0xf4) [length, high] = [4, 0x8f]
    else if (b >= 0xf1 && b <= 0xf3) length = 4
    else return i
    // Only the first continuation byte has a narrowed range (no overlongs or surrogates).
    if (length > 1 && !continuation(i + 1, low, high)) return i
    for (let k = 2; k < length; k++) if (!continuation(i + k)) return i
    i += length
  }
  return -1
}

/** 1-based line and column of a byte offset, counting columns in characters. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1
      lineStart = i + 1
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))
  return { line, column: prefix.length + 1 }
}

function located(bytes: Uint8Array, offset: number, message: string, hint: string): DesignError {
  return { path: '', ...bytePosition(bytes, offset), message, hint }
}

const UTF8_HINT = 'design files are UTF-8 text; save the file as UTF-8'

/** Decodes bytes as UTF-8 (a leading byte-order mark is dropped) or explains why they are not text. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: located(bytes, 0, 'the file is UTF-16 text, not UTF-8', UTF8_HINT) }
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return {
      ok: false,
      error: located(
        bytes,
        nul,
        'the file contains NUL bytes: it looks like a binary file, not a YAML design',
        UTF8_HINT,
      ),
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    const offset = firstInvalidUtf8(bytes)
    const byte = bytes[offset]
    const message =
      byte === undefined
        ? 'the file is not valid UTF-8 text'
        : `the file is not valid UTF-8 text: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} cannot appear here`
    if (offset === -1) return { ok: false, error: { path: '', message, hint: UTF8_HINT } }
    return { ok: false, error: located(bytes, offset, message, UTF8_HINT) }
  }
}
