import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { catalog } from '../../../../shared/catalog/index'
import {
  defaultStringWriter,
  fastStringify,
  stringifyLibrary,
} from '../../../../shared/generate/fast-yaml'
import { planKubernetes } from '../../../../shared/generate/kubernetes/plan'
import { workloadManifests } from '../../../../shared/generate/kubernetes/workloads'
import { stringifyWithLibrary, stringifyYaml } from '../../../../shared/generate/swarm/yaml'
import { exampleFiles, loadExample } from '../../../support/designs'
import { RAW_CONTROL as UNSAFE } from '../../../support/injection-checks'

// Text that reaches every branch of the library's string styles: types of YAML 1.1 and 1.2,
// indicators, document markers, quotes, escapes, line breaks and non-ASCII.
const TRICKY = [
  ...['yes', 'On', 'n', 'NULL', '~', '', 'true', 'False', '1:20', '190:20:30.15', '0x1F', '0o17'],
  ...[
    '017',
    '0b101',
    '1_000',
    '1e3',
    '.5',
    '-.inf',
    '.NaN',
    '2001-12-14',
    '2001-12-14t21:59:43.10-05:00',
  ],
  ...[
    ' lead',
    'trail ',
    'a: b',
    'a:',
    'a #b',
    'a#b',
    '-',
    '- a',
    '-a',
    '? x',
    '?x',
    ':x',
    '---',
    '---x',
  ],
  ...['...x', '%x', '@x', '`x', '&a', '*a', '!t', '|', '>', '#', '[a]', '{a}', 'a,b', '<<', '='],
  ...["it's", 'say "hi"', 'a\'b"c', 'back\\slash', 'tab\there', 'new\nline', 'two\n\nbreaks\n'],
  ...['\u2028', '\u0085', '\u0007', '\u00a0', 'ünïcödé', '😀', 'x'.repeat(1100), '$HOME', '${X}'],
  ...['a\u202eb', '\u200f', 'x\u007fy', '\u009b31m', '\u2066\u2069', 'a\rb', 'a\r\nb'],
]

const text = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.stringMatching(/^[a-z][a-z0-9.:/@ -]{0,12}$/),
  fc.string({ maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
)

const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(null, 0.5, -0, 1e21, Number.NaN),
)

const { data } = fc.letrec((tie) => ({
  data: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('data'), { maxLength: 4 }),
  map: fc.dictionary(text, fc.option(tie('data'), { nil: undefined, freq: 8 }), { maxKeys: 4 }),
}))
const root = fc.oneof(fc.array(data, { maxLength: 4 }), fc.dictionary(text, data, { maxKeys: 5 }))

describe('stringifyLibrary: the yaml library with control and bidi characters escaped', () => {
  it('writes what the library writes for text without them', () => {
    fc.assert(
      fc.property(root, (value) => {
        const library = stringify(value, { lineWidth: 0 })
        if (!UNSAFE.test(library)) expect(stringifyLibrary(value)).toBe(library)
      }),
      { numRuns: 1000 },
    )
  })

  it('leaves none raw, double-quotes them as \\u escapes and reads back the same data', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 12 })
    fc.assert(
      fc.property(fc.dictionary(anyText, anyText, { maxKeys: 3 }), (value) => {
        const yaml = stringifyLibrary(value)
        expect(yaml).not.toMatch(UNSAFE)
        expect(parse(yaml)).toEqual(value)
        // The Swarm writer's form (strings quoted where YAML 1.1 reads `n` as false) reads back in both.
        const swarm = stringifyWithLibrary(value)
        expect(swarm).not.toMatch(UNSAFE)
        expect(parse(swarm)).toEqual(value)
        expect(parse(swarm, { version: '1.1' })).toEqual(value)
      }),
      { numRuns: 500 },
    )
    expect(stringifyLibrary({ title: 'a\u202eb\u0085c' })).toBe('title: "a\\u202eb\\u0085c"\n')
  })
})

describe('fastStringify writes exactly what the yaml library writes (controls escaped)', () => {
  it('for arbitrary data, or gives up', () => {
    fc.assert(
      fc.property(root, (value) => {
        const fast = fastStringify(value, defaultStringWriter())
        if (fast !== undefined) expect(fast).toBe(stringifyLibrary(value))
      }),
      { numRuns: 3000 },
    )
  })

  it('takes the fast path for plain words, whole numbers, booleans and nesting', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/)
    const plain = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, word, fc.nat(), fc.boolean(), tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(word, tie('node'), { maxKeys: 4 }),
    })).map
    fc.assert(
      fc.property(plain, (value) => {
        expect(fastStringify(value, defaultStringWriter())).toBe(stringify(value, { lineWidth: 0 }))
      }),
      { numRuns: 500 },
    )
  })

  it('gives up on an object used twice, which the library writes as an anchor and alias', () => {
    const shared = { a: 1 }
    const value = { x: shared, y: shared }
    expect(fastStringify(value, defaultStringWriter())).toBeUndefined()
    expect(stringify(value, { lineWidth: 0 })).toContain('&a1')
  })

  it.each(exampleFiles())('takes the fast path for every workload manifest of %s', (file) => {
    const design = loadExample(file)
    if (
      catalog.orchestrators.find((o) => o.id === design.choices.orchestrator)?.family !==
      'kubernetes'
    )
      return
    const plan = planKubernetes(design, catalog)
    for (const w of plan.workloads) {
      for (const object of workloadManifests(design, plan.platform, w).objects) {
        expect(fastStringify(object, defaultStringWriter())).toBe(
          stringify(object, { lineWidth: 0 }),
        )
      }
    }
  })
})

describe('the Swarm stack serialiser', () => {
  it('writes arbitrary data exactly as the library-based reference does', () => {
    fc.assert(
      fc.property(root, (value) => {
        expect(stringifyYaml(value)).toBe(stringifyWithLibrary(value))
      }),
      { numRuns: 1500 },
    )
  })
})
