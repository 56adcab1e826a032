import { describe, expect, it } from 'vitest'
import { MAX_DESIGN_BYTES } from '../../../../shared/model/limits'
import { parseDesign, parseDesignBytes } from '../../../../shared/model/parse'
import type { ParseResult } from '../../../../shared/model/errors'
import { hostileBytes } from './fixtures'

/** Runs a parse and logs its time: refusals must be quick, but timing is not asserted (CI noise). */
function timed(label: string, parse: () => ParseResult): ParseResult {
  const start = performance.now()
  const result = parse()
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`)
  return result
}

function refusal(result: ParseResult) {
  expect(result.ok).toBe(false)
  if (result.ok) throw new Error('unreachable')
  expect(result.errors).toHaveLength(1)
  return result.errors[0]
}

const cases: [file: string, message: RegExp, line?: number][] = [
  ['alias-bomb.yaml', /aliases expand to more than 10000 values/, 10],
  ['alias-cycle.yaml', /alias \*loop refers to a node that contains it/, 6],
  ['alias-unknown.yaml', /alias \*nowhere refers to no anchor/, 5],
  ['many-aliases.yaml', /more than 100 aliases/, 6],
  ['deep-flow.yaml', /nests more than 64 levels deep/, 5],
  ['deep-block.yaml', /nests more than 64 levels deep/, 6],
  ['deep-indent.yaml', /nests more than 64 levels deep/, 68],
  ['nul-bytes.yaml', /NUL bytes: it looks like a binary file/, 5],
  ['control-char.yaml', /control character U\+0007/, 5],
  ['invalid-utf8.bin', /not valid UTF-8 text: byte 0xE9/, 5],
  ['utf16.yaml', /UTF-16 text, not UTF-8/, 1],
  ['tag-js-function.yaml', /tags such as "!!js\/function" are not allowed/, 4],
  ['custom-tag.yaml', /tags such as "!include" are not allowed/, 5],
  ['tag-directive.yaml', /directives such as "%TAG/, 1],
  ['yaml11-directive.yaml', /directives such as "%YAML 1\.1"/, 1],
  ['multi-doc.yaml', /more than one YAML document/, 5],
  ['empty.yaml', /the file is empty/],
  ['comments-only.yaml', /the file is empty/],
  ['top-level-list.yaml', /must be a mapping of fields .* not a list/, 1],
  ['top-level-scalar.yaml', /must be a mapping of fields .* not the text "just some text"/, 1],
  ['syntax-error.yaml', /^invalid YAML: /, 6],
  ['duplicate-key.yaml', /duplicate key "kind"/, 5],
  ['complex-key.yaml', /keys must be plain names/, 5],
]

describe('hostile input is refused with one clear error', () => {
  it.each(cases)('%s', (file, message, line) => {
    const error = refusal(timed(file, () => parseDesignBytes(hostileBytes(file))))
    expect(error?.message).toMatch(message)
    expect(error?.line).toBe(line)
  })

  it('the alias bomb never reaches alias expansion: the document is refused as a whole', () => {
    const error = refusal(parseDesignBytes(hostileBytes('alias-bomb.yaml')))
    expect(error?.hint).toMatch(/repeat fewer/)
  })

  it('refuses 50 MB of text and of bytes before parsing', () => {
    const text = 'a'.repeat(50 * 1024 * 1024)
    expect(refusal(timed('50 MB text', () => parseDesign(text)))?.message).toMatch(
      /the file is 50\.0 MB; a design file may be at most 4\.0 MB/,
    )
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61)
    expect(refusal(timed('50 MB bytes', () => parseDesignBytes(bytes)))?.message).toMatch(
      /50\.0 MB/,
    )
  })

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    const text = 'é'.repeat(MAX_DESIGN_BYTES / 2 + 1)
    expect(refusal(parseDesign(text))?.message).toMatch(/at most 4\.0 MB/)
  })

  it('refuses input with more structure than any design, before the YAML parser sees it', () => {
    const flat = 'k: 1\n'.repeat(400_000)
    expect(refusal(timed('400k lines', () => parseDesign(flat)))?.message).toMatch(
      /more than 300000 line breaks and YAML indicators/,
    )
    const commas = `a: [${'1,'.repeat(1_000_000)}1]`
    expect(refusal(timed('1M list items', () => parseDesign(commas)))?.message).toMatch(
      /line breaks and YAML indicators/,
    )
  })

  it('reports a mapping with many duplicate keys without the quadratic library check', () => {
    const keys = Array.from({ length: 20_000 }, () => '  cloud: aws\n').join('')
    const result = timed('20k duplicate keys', () =>
      parseDesign(`apiVersion: stackwright.dev/v1\nkind: Design\ncontext:\n${keys}`),
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]?.message).toBe('duplicate key "cloud"')
  })

  it('refuses deep nesting of every kind quickly, generated far past the fixtures', () => {
    // Just under the structure limit, so the depth guard inside the parser is what refuses them.
    for (const text of ['['.repeat(290_000), '{"a":'.repeat(70_000), '- '.repeat(290_000)]) {
      expect(refusal(timed('deep generated', () => parseDesign(text)))?.message).toMatch(
        /nests more than 64 levels deep/,
      )
    }
  })

  it('does not let __proto__ keys reach the prototype', () => {
    const result = parseDesign(
      'apiVersion: stackwright.dev/v1\nkind: Design\nmetadata: { name: x }\n__proto__: { polluted: true }\n',
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(refusal(result)).toMatchObject({ path: '__proto__', line: 4, column: 1 })
  })
})
