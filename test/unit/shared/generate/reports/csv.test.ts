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
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', FORMULA])(
    'neutralises the formula %j',
    (value) => {
      const cell = csvCell(value)
      expect(parseCsv(`${cell}\r\n`)[0]?.[0]).toBe(`'${value}`)
    },
  )

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
})
