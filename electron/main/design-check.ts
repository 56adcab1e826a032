// Main's last check before a design reaches the disk: never overwrite a file with text that is not a design.
import { parse } from 'yaml'
import { designSchemaV1 } from '../../shared/model/schema'

/** Why `content` must not be written as a design file, or null when it is a valid design. */
export function designContentProblem(content: string): string | null {
  if (content.trim() === '')
    return 'The design is empty, so it was not written (the file on disk is unchanged).'
  let value: unknown
  try {
    value = parse(content, { prettyErrors: true, uniqueKeys: true })
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return `The design could not be serialised correctly (${detail}), so it was not written; the file on disk is unchanged.`
  }
  const result = designSchemaV1.safeParse(value)
  if (!result.success) {
    const first = result.error.issues[0]
    const where =
      first === undefined || first.path.length === 0 ? '' : ` at ${first.path.join('.')}`
    return `The design is not valid${where} (${first?.message ?? 'unknown problem'}), so it was not written; the file on disk is unchanged.`
  }
  return null
}
