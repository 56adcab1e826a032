// Loads a design file for a command: bounded read, then the model's parser; problems come back as lines.
import { MAX_DESIGN_BYTES, parseDesignBytes } from '../../shared/model/index'
import type { DesignError } from '../../shared/model/index'
import type { Design } from '../../shared/model/schema'
import { readInputFile } from './read-design-bytes'
import type { CliIo } from './types'

export type LoadResult =
  | {
      readonly ok: true
      readonly design: Design
      /** The source text, for locating engine results in the file. */
      readonly text: string
      readonly migratedFrom?: string
    }
  | { readonly ok: false; readonly errors: readonly DesignError[] }

const megabytes = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`

/**
 * Reads and parses `file` (relative to io.cwd). Unreadable files throw a usage CliError; a file over
 * MAX_DESIGN_BYTES is refused from its size alone, without reading it.
 */
export async function loadDesign(file: string, io: CliIo): Promise<LoadResult> {
  const read = await readInputFile(file, io, MAX_DESIGN_BYTES)
  if (!read.ok)
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `the file is ${megabytes(read.size)}; a design file may be at most ${megabytes(MAX_DESIGN_BYTES)}`,
          hint: 'is this the right file? design files are small YAML documents',
        },
      ],
    }
  const parsed = parseDesignBytes(read.bytes, { fileName: file })
  if (!parsed.ok) return { ok: false, errors: parsed.errors }
  // The parser accepted the bytes, so they are valid UTF-8 (a BOM, if any, is dropped by the decoder).
  const text = new TextDecoder('utf-8').decode(read.bytes)
  return parsed.migratedFrom === undefined
    ? { ok: true, design: parsed.design, text }
    : { ok: true, design: parsed.design, text, migratedFrom: parsed.migratedFrom }
}
