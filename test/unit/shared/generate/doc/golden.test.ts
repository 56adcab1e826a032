import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { evaluate } from '../../../../../shared/engine/index'
import { generateDocument } from '../../../../../shared/generate/doc/index'
import { loadExample } from '../../../../support/designs'

const GOLDEN_DIR = fileURLToPath(new URL('../../../../fixtures/golden/doc/', import.meta.url))
const EXAMPLE = 'payments-eks'

// Regenerate with UPDATE_GOLDEN=1 after an intended change, and review the diff.
describe(`golden design document (${EXAMPLE})`, () => {
  const design = loadExample(`${EXAMPLE}.stackwright.yaml`)
  const artifacts = generateDocument(design, evaluate(design, catalog), catalog)
  it.each(artifacts.map((a) => [a.path, a.content] as const))(
    '%s matches the golden file',
    (path, content) => {
      const file = `${GOLDEN_DIR}${EXAMPLE}.${path}`
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(GOLDEN_DIR, { recursive: true })
        writeFileSync(file, content)
      }
      expect(content).toBe(readFileSync(file, 'utf8'))
    },
  )
})
