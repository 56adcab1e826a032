// Checks that every control points at something that exists: its artifact, the field inside it, and
// the design path that caused it.
import type { GeneratorOutput } from '../../shared/generate/types'

/** Walks `a.b[0].c`; one-element lists (HCL blocks as hcl2json writes them) are stepped through. */
export function resolvePath(root: unknown, path: string): unknown {
  let current: unknown = root
  for (const segment of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(segment)
    if (!m) return undefined
    if (Array.isArray(current) && current.length === 1) current = current[0]
    if (m[1]) current = (current as Record<string, unknown> | undefined)?.[m[1]]
    for (const index of m[2]?.match(/\d+/g) ?? [])
      current = (current as unknown[] | undefined)?.[Number(index)]
    if (current === undefined) return undefined
  }
  return current
}

/** Problems with the controls of an output; `parse` turns an artifact into data for `#field` paths. */
export async function controlProblems(
  output: GeneratorOutput,
  design: unknown,
  parse: (path: string, content: string) => unknown | Promise<unknown>,
): Promise<string[]> {
  const files = new Map(output.artifacts.map((a) => [a.path, a.content]))
  const parsed = new Map<string, unknown>()
  const problems: string[] = []
  for (const c of output.controls) {
    if (c.where.length === 0) problems.push(`${c.id}: no location`)
    for (const where of c.where) {
      const [file = '', field] = where.split('#')
      const content = files.get(file)
      if (content === undefined) {
        problems.push(`${c.id}: ${file} is not generated`)
        continue
      }
      if (field === undefined) continue
      if (!parsed.has(file)) parsed.set(file, await parse(file, content))
      if (resolvePath(parsed.get(file), field) === undefined)
        problems.push(`${c.id}: ${where} does not exist`)
    }
    if (resolvePath(design, c.causedBy) === undefined)
      problems.push(`${c.id}: design has no ${c.causedBy}`)
    const cited = [...(c.checks.nist ?? []), ...(c.checks.cis ?? [])]
    for (const id of cited) {
      if (!/^(NIST SP 800-190 4\.[1-5]\.[1-5]|CIS Docker Benchmark v1\.6\.0 [45]\.\d+)$/.test(id)) {
        problems.push(`${c.id}: malformed check id ${id}`)
      }
    }
  }
  return problems
}
