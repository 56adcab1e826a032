import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ParseResult } from '../../../../shared/model/errors'
import { parseDesign, parseDesignBytes } from '../../../../shared/model/parse'
import { serializeDesign } from '../../../../shared/model/serialize'
import { design } from './design-arbitrary'
import { designText } from './fixtures'

// Hundreds of full parses per property: generous timeouts keep a loaded CI machine from flaking.
const TIMEOUT = 60_000

/** Every outcome is a design or at least one error with a message; never an internal error. */
function wellFormed(result: ParseResult): void {
  if (result.ok) return
  expect(result.errors.length).toBeGreaterThan(0)
  for (const error of result.errors) {
    expect(error.message.length).toBeGreaterThan(0)
    expect(error.message).not.toMatch(/^internal error/)
  }
}

/** Strings made of YAML's own syntax, which reach deeper into the parser than random text. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...[
          '[',
          ']',
          '{',
          '}',
          ':',
          ': ',
          '- ',
          ',',
          '\n',
          '  ',
          '#',
          '&a ',
          '*a',
          '!!str ',
          '!x ',
        ],
        ...['? ', '|', '>', '"', "'", '---\n', '...\n', '%YAML 1.2\n', '\t', '\uFEFF', '~'],
        ...['apiVersion: stackwright.dev/v1\n', 'kind: Design\n', 'metadata:\n  name: x\n'],
        ...['workloads:\n', '  - name: web\n', '    image: nginx:1\n', '    talksTo: [web]\n'],
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''))

describe('parseDesign never throws', () => {
  it(
    'for arbitrary strings',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), yamlish), (text) => {
          wellFormed(parseDesign(text))
        }),
        { numRuns: 400 },
      )
    },
    TIMEOUT,
  )

  it(
    'for arbitrary bytes',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
          wellFormed(parseDesignBytes(bytes))
        }),
        { numRuns: 400 },
      )
    },
    TIMEOUT,
  )

  it(
    'for a valid file with a random edit',
    () => {
      const base = designText('valid-full.yaml')
      fc.assert(
        fc.property(
          fc.nat({ max: base.length }),
          fc.nat({ max: 20 }),
          fc.oneof(fc.string({ maxLength: 6 }), yamlish),
          (at, cut, insert) => {
            wellFormed(parseDesign(base.slice(0, at) + insert + base.slice(at + cut)))
          },
        ),
        { numRuns: 200 },
      )
    },
    TIMEOUT,
  )
})

describe('serialize then parse round-trips any valid design', () => {
  it.each(['yaml', 'json'] as const)(
    'as %s',
    (format) => {
      fc.assert(
        fc.property(design, (d) => {
          const result = parseDesign(serializeDesign(d, format))
          if (!result.ok) throw new Error(JSON.stringify(result.errors))
          expect(result.design).toEqual(d)
        }),
        { numRuns: 150 },
      )
    },
    TIMEOUT,
  )
})
