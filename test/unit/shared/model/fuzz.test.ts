// Fuzz test of the design loader: thousands of broken, hostile and mutated files. Every one must come
// back in bounded time as a valid design or as clear errors (message, and a line or a path); the
// loader must never throw, hang, or echo megabytes of input into a message.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/index'
import type { ParseResult } from '../../../../shared/model/errors'
import {
  MAX_DEPTH,
  MAX_ERRORS,
  parseDesign,
  parseDesignBytes,
} from '../../../../shared/model/index'
import { designSchema } from '../../../../shared/model/schema'
import type { Json } from '../../../support/design-mutations'
import {
  applyByteMutation,
  applyStructureMutation,
  byteMutation,
  serialisation,
  serialise,
  structureMutation,
} from '../../../support/design-mutations'
import { EXAMPLES_DIR, exampleFiles } from '../../../support/designs'

/** A hang detector, not a performance budget: the slowest real case takes a few milliseconds. */
const CASE_LIMIT_MS = 2000
/**
 * For the inputs at the size limits, which take a few hundred milliseconds alone: their cost is
 * reading megabytes, and a full parallel test run on two cores can triple it.
 */
const BIG_INPUT_LIMIT_MS = 10_000
/** Per test: hundreds of parses each, on a loaded two-core machine. */
const TIMEOUT = 60_000
/** Longest message plus hint: enough for any explanation, too short to echo a hostile input. */
const MAX_MESSAGE = 400
/** Longest path: a few segments, each key shortened to 200 characters. */
const MAX_PATH = 600
/** Errors about the whole file, which have no line or path to point at. */
const WHOLE_FILE = [
  /^the file is empty; /,
  /^the file is \d+\.\d MB; a design file may be at most/,
  /^\d+ more errors not shown$/,
]

// The hostile corpus is written in format v1, so its cases also go through the v1 -> v2 migration;
// the examples are v2.
const HOSTILE_DIR = fileURLToPath(new URL('../../../fixtures/hostile/', import.meta.url))
const utf8 = new TextEncoder()

const examples = exampleFiles().map((file) => ({
  file,
  bytes: new Uint8Array(readFileSync(EXAMPLES_DIR + file)),
  doc: YAML.parse(readFileSync(EXAMPLES_DIR + file, 'utf8')) as Json,
}))
const hostile = readdirSync(HOSTILE_DIR)
  .sort()
  .map((file) => ({ file, bytes: new Uint8Array(readFileSync(HOSTILE_DIR + file)) }))

const stats = { cases: 0, valid: 0, slowestMs: 0, slowest: '', times: [] as number[] }

afterAll(() => {
  const sorted = [...stats.times].sort((a, b) => a - b)
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0
  console.log(
    `fuzz: ${stats.cases} parses, ${stats.valid} valid designs; p99 ${p99.toFixed(1)} ms, ` +
      `slowest ${stats.slowestMs.toFixed(1)} ms (${stats.slowest})`,
  )
})

/** Lines in the input, so a reported line can be checked to exist. */
function lineCount(input: string | Uint8Array): number {
  let n = 1
  if (typeof input === 'string') {
    for (let i = input.indexOf('\n'); i !== -1; i = input.indexOf('\n', i + 1)) n++
  } else {
    for (const b of input) if (b === 0x0a) n++
  }
  return n
}

/** The invariants every loader answer must meet. */
function expectWellFormed(result: ParseResult, input: string | Uint8Array, label: string): void {
  if (result.ok) {
    stats.valid += 1
    // A loaded design is a real design: the schema accepts it and the engine can score it.
    expect(designSchema.safeParse(result.design).success, label).toBe(true)
    expect(() => evaluate(result.design, catalog), label).not.toThrow()
    return
  }
  expect(result.errors.length, label).toBeGreaterThan(0)
  expect(result.errors.length, label).toBeLessThanOrEqual(MAX_ERRORS + 1)
  const lines = lineCount(input)
  for (const error of result.errors) {
    const where = `${label}: ${JSON.stringify(error).slice(0, 300)}`
    expect(typeof error.message, where).toBe('string')
    expect(error.message.trim().length, where).toBeGreaterThan(0)
    expect(error.message, where).not.toMatch(/^internal error/)
    expect(error.message.length + (error.hint?.length ?? 0), where).toBeLessThanOrEqual(MAX_MESSAGE)
    expect(error.path.length, where).toBeLessThanOrEqual(MAX_PATH)
    const located = error.line !== undefined || error.path !== ''
    expect(located || WHOLE_FILE.some((re) => re.test(error.message)), where).toBe(true)
    if (error.line !== undefined) {
      expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= lines, where).toBe(
        true,
      )
      expect(error.column === undefined || error.column >= 1, where).toBe(true)
    }
  }
}

/** Runs one parse: it must return (a throw fails the case), in time, with a well-formed answer. */
function check(
  label: string,
  input: string | Uint8Array,
  parse: () => ParseResult,
  limit = CASE_LIMIT_MS,
): ParseResult {
  const start = performance.now()
  const result = parse()
  const elapsed = performance.now() - start
  stats.cases += 1
  stats.times.push(elapsed)
  if (elapsed > stats.slowestMs) {
    stats.slowestMs = elapsed
    stats.slowest = label
  }
  expect(elapsed, `${label} took ${elapsed.toFixed(0)} ms`).toBeLessThan(limit)
  expectWellFormed(result, input, label)
  return result
}

const checkBytes = (label: string, bytes: Uint8Array, fileName: string) =>
  check(label, bytes, () => parseDesignBytes(bytes, { fileName }))

describe('the hostile corpus', () => {
  it.each(hostile.map((h) => [h.file, h.bytes] as const))(
    '%s is answered quickly and clearly',
    (file, bytes) => {
      checkBytes(file, bytes, file)
    },
  )

  it(
    'stays bounded when the corpus is mutated further',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...hostile),
          fc.array(byteMutation, { minLength: 1, maxLength: 4 }),
          (seed, mutations) => {
            const bytes = mutations.reduce(applyByteMutation, seed.bytes)
            checkBytes(`${seed.file} + ${JSON.stringify(mutations)}`, bytes, seed.file)
          },
        ),
        { numRuns: 400 },
      )
    },
    TIMEOUT,
  )
})

describe('the corpus entries added with the fuzz test', () => {
  const error = (file: string) => {
    const bytes = hostile.find((h) => h.file === file)?.bytes ?? new Uint8Array()
    const result = parseDesignBytes(bytes, { fileName: file })
    if (result.ok) throw new Error(`${file} should be refused`)
    return result.errors[0]
  }

  it.each([
    ['long-tag.yaml', /^YAML tags such as "!k{50,}\.\.\." are not allowed/, 5, 'context'],
    ['long-alias.yaml', /^alias \*k{50,}\.\.\. refers to no anchor/, 5, 'context'],
    ['long-duplicate-key.yaml', /^duplicate key "k{50,}\.\.\."/, 8, /^context\["k{190,}\.\.\."\]$/],
    ['long-list-for-enum.yaml', /^must be one of: .* \(got a list\)$/, 6, 'choices.orchestrator'],
    ['long-token-syntax-error.yaml', /^invalid YAML: /, 2, ''],
    ['overlong-utf8.bin', /byte 0xC0 cannot appear here/, 5, ''],
    ['surrogate-utf8.bin', /byte 0xED cannot appear here/, 6, ''],
    ['truncated-utf8.bin', /byte 0xE2 cannot appear here/, 5, ''],
    ['binary-junk.bin', /not valid UTF-8 text: byte 0x89/, 1, ''],
    ['cr-only.yaml', /^invalid YAML: /, 1, ''],
    ['merge-key.yaml', /^unknown field "<<"/, 6, 'context["<<"]'],
    [
      'yaml11-booleans.yaml',
      /^expected true or false, got the text "yes"/,
      9,
      'workloads[0].needs.hostAccess',
    ],
    ['proto-keys.json', /^unknown field "constructor"/, 5, 'constructor'],
    ['escaped-nul.yaml', /^must be a DNS-1123 label/, 6, 'workloads[0].name'],
    ['tab-indent.yaml', /^invalid YAML: Tabs are not allowed/, 6, ''],
    ['unterminated.json', /^invalid JSON: /, 5, ''],
  ] as const)('%s', (file, message, line, path) => {
    const first = error(file)
    expect(first?.message).toMatch(message)
    expect(first?.line).toBe(line)
    if (typeof path === 'string') expect(first?.path).toBe(path)
    else expect(first?.path).toMatch(path)
  })

  it('crlf.yaml, Windows line endings, loads', () => {
    const bytes = hostile.find((h) => h.file === 'crlf.yaml')?.bytes ?? new Uint8Array()
    expect(parseDesignBytes(bytes).ok).toBe(true)
  })

  it('a hostile constructor.prototype key pollutes nothing', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('byte-level mutations of every example', () => {
  // Flipped, inserted and deleted bytes, spliced YAML tokens and invalid UTF-8, duplicated,
  // deleted and swapped lines, changed indentation, truncation; one to four edits per case.
  it.each(examples.map((e) => [e.file, e.bytes] as const))(
    '%s',
    (file, original) => {
      fc.assert(
        fc.property(fc.array(byteMutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          const bytes = mutations.reduce(applyByteMutation, original)
          checkBytes(`${file} + ${JSON.stringify(mutations)}`, bytes, file)
        }),
        { numRuns: 200 },
      )
    },
    TIMEOUT,
  )
})

describe('structure-aware mutations of every example, written back as YAML and JSON', () => {
  // A random path set to a random value of a random type, deleted, renamed, duplicated or replaced by
  // another subtree; then serialised in one of five styles and loaded both as text and as bytes.
  it.each(examples.map((e) => [e.file, e.doc] as const))(
    '%s',
    (file, doc) => {
      fc.assert(
        fc.property(
          fc.array(structureMutation, { minLength: 1, maxLength: 3 }),
          serialisation,
          (mutations, how) => {
            const mutated = mutations.reduce(applyStructureMutation, doc)
            const text = serialise(mutated, how)
            const name = how.startsWith('json') ? 'design.json' : 'design.yaml'
            const label = `${file} + ${JSON.stringify(mutations).slice(0, 500)} as ${how}`
            const fromText = check(label, text, () => parseDesign(text, { fileName: name }))
            const bytes = utf8.encode(text)
            const fromBytes = check(label, bytes, () => parseDesignBytes(bytes, { fileName: name }))
            // Text and bytes are two doors to the same loader.
            expect(fromBytes, label).toEqual(fromText)
          },
        ),
        { numRuns: 150 },
      )
    },
    TIMEOUT,
  )
})

describe('binary junk after a valid start', () => {
  it('is refused with a located error', () => {
    const head = utf8.encode('apiVersion: stackwright.dev/v2\nkind: Design\nmetadata:\n  name: x\n')
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 2000 }), (junk) => {
        const bytes = new Uint8Array(head.length + junk.length)
        bytes.set(head)
        bytes.set(junk, head.length)
        checkBytes(`junk ${junk.length} bytes`, bytes, 'junk.yaml')
      }),
      { numRuns: 200 },
    )
  })
})

describe('inputs at and past the limits', () => {
  const head = 'apiVersion: stackwright.dev/v2\nkind: Design\nmetadata:\n  name: big\n'
  const nest = (depth: number) => `context: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`

  it.each([
    ['50 MB of binary junk', () => new Uint8Array(50 * 1024 * 1024).fill(0x89)],
    ['a 3.9 MB title', () => utf8.encode(`${head}  title: "${'t'.repeat(3_900_000)}"\n`)],
    ['3.9 MB of comments', () => utf8.encode(head + '# a comment line\n'.repeat(230_000))],
    ['30,000 unknown fields', () => utf8.encode(`${head}context:\n${unknownFields(30_000)}`)],
    [
      '5,001 workloads',
      () =>
        utf8.encode(
          head +
            'workloads:\n' +
            Array.from({ length: 5001 }, (_, i) => `  - {name: w${i}, image: nginx:1}\n`).join(''),
        ),
    ],
    [`nesting ${MAX_DEPTH - 4} deep`, () => utf8.encode(head + nest(MAX_DEPTH - 4))],
    [`nesting ${MAX_DEPTH + 1} deep`, () => utf8.encode(head + nest(MAX_DEPTH + 1))],
  ] as const)(
    '%s',
    (label, make) => {
      const bytes = make()
      const result = check(
        label,
        bytes,
        () => parseDesignBytes(bytes, { fileName: 'big.yaml' }),
        BIG_INPUT_LIMIT_MS,
      )
      expect(result.ok).toBe(false)
    },
    TIMEOUT,
  )
})

/** Many distinct unknown keys, one per line. */
function unknownFields(n: number): string {
  return Array.from({ length: n }, (_, i) => `  u${i}: 1\n`).join('')
}
