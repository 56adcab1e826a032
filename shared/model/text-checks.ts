// Checks on the raw text that run before any YAML parsing: size and binary content.
import type { Problem } from './errors'
import { MAX_DESIGN_BYTES, MAX_STRUCTURE } from './limits'

/** UTF-8 size of a string without encoding it (no Buffer in shared/). */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    // Each half of a surrogate pair counts 2: a pair is 4 bytes in UTF-8.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2
    else bytes += 3
  }
  return bytes
}

/** The refusal for input over MAX_DESIGN_BYTES, worded with both sizes. */
export function tooLargeProblem(bytes: number): Problem {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`
  return {
    path: [],
    message: `the file is ${mb(bytes)}; a design file may be at most ${mb(MAX_DESIGN_BYTES)}`,
    hint: 'is this the right file? design files are small YAML documents',
  }
}

/** Refuses text over the size limit; the cheap length test runs first so 50 MB costs nothing. */
export function checkTextSize(text: string): Problem | undefined {
  // A UTF-16 unit is at least one UTF-8 byte, so this alone rejects oversized text in O(1).
  if (text.length > MAX_DESIGN_BYTES) return tooLargeProblem(text.length)
  const bytes = utf8ByteLength(text)
  return bytes > MAX_DESIGN_BYTES ? tooLargeProblem(bytes) : undefined
}

/** Offset of the first C0 control other than tab, line feed and carriage return, or -1. */
function firstControlCharacter(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return i
  }
  return -1
}

/** Refuses NUL bytes and other control characters (YAML 1.2 §5.1 forbids them in a stream). */
export function checkCharacters(text: string): Problem | undefined {
  const nul = text.indexOf('\u0000')
  if (nul !== -1) {
    return {
      path: [],
      offset: nul,
      message: 'the file contains NUL bytes: it looks like a binary file, not a YAML design',
      hint: 'design files are UTF-8 text; if it is UTF-16, save it as UTF-8',
    }
  }
  const index = firstControlCharacter(text)
  if (index === -1) return undefined
  const code = text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')
  return {
    path: [],
    offset: index,
    message: `the file contains the control character U+${code}, which YAML does not allow`,
    hint: 'remove it, or write it as an escape inside a double-quoted string',
  }
}

const INDICATORS = new Uint8Array(128)
for (const ch of '\n-?:,[]{}#&*!|>\'"%@`') INDICATORS[ch.charCodeAt(0)] = 1

/** The refusal for text with more structure than any design has. */
export function tooComplexProblem(offset: number): Problem {
  return {
    path: [],
    offset,
    message: `the file has more than ${MAX_STRUCTURE} line breaks and YAML indicators (- : , [ { ...); that is far beyond any design`,
    hint: 'a design with 5000 workloads has about 120000; this looks like generated or hostile input',
  }
}

/** Refuses text whose token count would keep the YAML parser busy for more than a few seconds. */
export function checkStructure(text: string): Problem | undefined {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 128 && INDICATORS[code] === 1 && ++count > MAX_STRUCTURE) {
      return tooComplexProblem(i)
    }
  }
  return undefined
}
