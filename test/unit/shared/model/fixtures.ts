// Reads the design-file fixtures shared by the model tests.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseDesign } from '../../../../shared/model/parse'
import type { DesignError } from '../../../../shared/model/errors'
import type { Design } from '../../../../shared/model/schema'

const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url))

/** Text of test/fixtures/designs/<name>. */
export function designText(name: string): string {
  return readFileSync(`${root}designs/${name}`, 'utf8')
}

/** Raw bytes of test/fixtures/hostile/<name>. */
export function hostileBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${root}hostile/${name}`))
}

/** The parsed design of a fixture that must be valid. */
export function validDesign(name: string): Design {
  const result = parseDesign(designText(name), { fileName: name })
  if (!result.ok) throw new Error(`${name} should be valid: ${JSON.stringify(result.errors)}`)
  return result.design
}

/** The errors of a fixture that must be invalid. */
export function designErrors(name: string): DesignError[] {
  const result = parseDesign(designText(name), { fileName: name })
  if (result.ok) throw new Error(`${name} should be invalid`)
  return result.errors
}
