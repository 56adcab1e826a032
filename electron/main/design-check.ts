// Main's last check before a design reaches the disk: never overwrite a file with text that is not a
// design. Uses the shared loader, so main accepts exactly what every other part of the app reads back.
import { parseDesign } from '../../shared/model/index'
import type { DesignError } from '../../shared/model/index'

function describe(error: DesignError): string {
  const where = error.line === undefined ? '' : `line ${error.line}: `
  const path = error.path === '' ? '' : `${error.path}: `
  return `${where}${path}${error.message}`
}

/** Why `content` must not be written as a design file, or null when the shared loader opens it. */
export function designContentProblem(content: string): string | null {
  if (content.trim() === '') {
    return 'The design is empty, so it was not written (the file on disk is unchanged).'
  }
  const result = parseDesign(content)
  // A design whose parts disagree (a name used twice) is still a design: the app opens it into the
  // editor with its errors, so saving it keeps the user's work instead of refusing it.
  if (result.ok || result.draft !== undefined) return null
  const first = result.errors[0]
  const detail = first === undefined ? 'unknown problem' : describe(first)
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ''
  return `The design could not be serialised into a valid file (${detail}${more}), so it was not written; the file on disk is unchanged.`
}
