import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { evaluate } from '../../../../../shared/engine/index'
import {
  csvCell,
  findingsCsv,
  FINDINGS_CSV_HEADER,
  reportJson,
} from '../../../../../shared/generate/reports/index'
import { exampleFiles, loadExample } from '../../../../support/designs'
import { RAW_CONTROL } from '../../../../support/injection-checks'
import { FORMULA, hostileDesign } from '../doc/support'

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (quoted && ch === '"') {
      quoted = false
    } else if (quoted) {
      field += ch
    } else if (ch === '"') {
      quoted = true
    } else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else {
      field += ch
    }
  }
  return rows
}

describe('csvCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\r\nx', FORMULA])(
    'neutralises the formula %j',
    (value) => {
      const cell = csvCell(value)
      expect(parseCsv(`${cell}\r\n`)[0]?.[0]).toBe(`'${value}`)
    },
  )

  it.each([
    ['\rx', '\\x0dx'],
    ['a\u001b[31mb\u0007', 'a\\x1b[31mb\\x07'],
    ['\u202e=1+1', '\\u202e=1+1'],
    ['a\u2028b\u0085c\u007f\u200fd\u2066', 'a\\u2028b\\x85c\\x7f\\u200fd\\u2066'],
    ['keeps\ttab\nand\r\nbreaks', 'keeps\ttab\nand\r\nbreaks'],
  ])('shows the control and bidi characters of %j as %s', (value, shown) => {
    expect(parseCsv(`${csvCell(value)}\r\n`)[0]?.[0]).toBe(shown)
  })

  it('shows a control that would start a formula, then neutralises the formula after it', () => {
    expect(parseCsv(`${csvCell('\u0000=1+1')}\r\n`)[0]?.[0]).toBe('\\x00=1+1')
    expect(parseCsv(`${csvCell('\t\u001b=1')}\r\n`)[0]?.[0]).toBe("'\t\\x1b=1")
  })

  it('quotes commas, quotes and line breaks and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('a\nb')).toBe('"a\nb"')
    expect(csvCell('plain text')).toBe('plain text')
  })
})

describe('findings.csv', () => {
  it.each([...exampleFiles(), 'hostile'])(
    '%s: one row per finding with every field, round-tripping',
    (file) => {
      const design = file === 'hostile' ? hostileDesign() : loadExample(file)
      const evaluation = evaluate(design, catalog)
      const rows = parseCsv(findingsCsv(evaluation))
      expect(rows[0]).toEqual([...FINDINGS_CSV_HEADER])
      expect(rows).toHaveLength(evaluation.findings.length + 1)
      const neutral = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)
      evaluation.findings.forEach((f, i) => {
        expect(rows[i + 1]).toEqual(
          [
            f.id,
            f.severity,
            f.title,
            f.why,
            f.fix,
            f.treatment,
            f.note,
            f.paths.join('; '),
            f.references.join('; '),
          ].map(neutral),
        )
      })
    },
  )

  it('neutralises a hostile note so no cell starts a formula', () => {
    const rows = parseCsv(findingsCsv(evaluate(hostileDesign(), catalog)))
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    expect(rows.flat().some((c) => c.includes(FORMULA))).toBe(true)
  })
})

describe('report.json', () => {
  it('is the evaluation, pretty-printed', () => {
    const evaluation = evaluate(loadExample('payments-eks.stackwright.yaml'), catalog)
    const text = reportJson(evaluation)
    expect(text.endsWith('}\n')).toBe(true)
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(evaluation)))
  })

  it('writes the controls JSON.stringify leaves raw (DEL, C1, U+2028/9, bidi) as \\u escapes', () => {
    const evaluation = evaluate(loadExample('payments-eks.stackwright.yaml'), catalog)
    const note = 'pwn\u0007\u001b[31m\u2028\u2029\u0085\u202e\u007f\u061c\u200e\u2069pwn'
    const noted = { ...evaluation, findings: evaluation.findings.map((f) => ({ ...f, note })) }
    // JSON.stringify escapes C0 only: in a <script> or a terminal the rest would act.
    expect(JSON.stringify(note)).toContain('\u2028\u2029\u0085\u202e')
    const text = reportJson(noted)
    expect(text).not.toMatch(RAW_CONTROL)
    expect(text).toContain(
      '"pwn\\u0007\\u001b[31m\\u2028\\u2029\\u0085\\u202e\\u007f\\u061c\\u200e\\u2069pwn"',
    )
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(noted)))
  })
})
