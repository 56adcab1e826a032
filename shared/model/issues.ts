// Turns zod validation issues into problems that name the field, what was expected and what
// the file holds.
import type { z } from 'zod'
import { assertNever } from '../util/assert-never'
import { describeValue, quote } from './errors'
import type { PathSegment, Problem } from './errors'
import { didYouMean, listForHint } from './did-you-mean'
import { allowedKeysAt } from './schema-keys'

type Issue = z.core.$ZodIssue

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
}

const YAML_11_BOOLEANS = /^(yes|no|on|off|y|n|true|false)$/i

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)))
}

/** A value for "got ..." in a message: scalars as written, lists and mappings by kind (never their contents). */
function show(value: unknown): string {
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'object' && value !== null) return describeValue(value)
  return String(value)
}

function invalidType(
  issue: Extract<Issue, { code: 'invalid_type' }>,
  path: PathSegment[],
): Problem {
  const field = path[path.length - 1]
  if (issue.input === undefined) {
    return { path, message: `missing required field ${quote(String(field ?? ''))}` }
  }
  const expected = EXPECTED[issue.expected] ?? issue.expected
  if (
    issue.expected === 'int' &&
    typeof issue.input === 'number' &&
    Number.isInteger(issue.input)
  ) {
    return { path, message: `${String(issue.input)} is too large` }
  }
  const problem: Problem = {
    path,
    message: `expected ${expected}, got ${describeValue(issue.input)}`,
  }
  if (issue.input === null) {
    problem.hint = 'give it a value, or delete the line if the field is optional'
  } else if (issue.expected === 'string' && ['number', 'boolean'].includes(typeof issue.input)) {
    problem.hint = `put the value in quotes: "${String(issue.input)}"`
  } else if (
    issue.expected === 'boolean' &&
    typeof issue.input === 'string' &&
    YAML_11_BOOLEANS.test(issue.input)
  ) {
    problem.hint = 'write true or false, in lower case and without quotes'
  }
  return problem
}

function unknownFields(issue: Extract<Issue, { code: 'unrecognized_keys' }>, path: PathSegment[]) {
  const allowed = allowedKeysAt(path)
  return issue.keys.map((key): Problem => {
    const problem: Problem = {
      path: [...path, key],
      at: 'key',
      message: `unknown field ${quote(key)}`,
    }
    const hint =
      didYouMean(key, allowed) ??
      (allowed.length > 0 ? `allowed fields: ${listForHint(allowed, 20)}` : undefined)
    if (hint !== undefined) problem.hint = hint
    return problem
  })
}

/**
 * Long enums (41 Linux capabilities) are cut short, so the message stays readable and bounded; the
 * did-you-mean hint still searches every value.
 */
const MAX_VALUES_SHOWN = 16

function invalidValue(
  issue: Extract<Issue, { code: 'invalid_value' }>,
  path: PathSegment[],
): Problem {
  const values = issue.values.map((v) => String(v))
  const got = issue.input === undefined ? '' : ` (got ${show(issue.input)})`
  const message =
    values.length === 1
      ? `must be ${quote(values[0])}${got}`
      : `must be one of: ${listForHint(values, MAX_VALUES_SHOWN)}${got}`
  const problem: Problem = { path, message }
  const hint = typeof issue.input === 'string' ? didYouMean(issue.input, values) : undefined
  if (hint !== undefined) problem.hint = hint
  return problem
}

function sizeMessage(
  bound: 'at most' | 'at least',
  limit: number | bigint,
  origin: string,
  input: unknown,
): string {
  if (origin === 'string') {
    if (bound === 'at least' && Number(limit) === 1) return 'must not be empty'
    const length = typeof input === 'string' ? ` (got ${input.length})` : ''
    return `must be ${bound} ${String(limit)} characters${length}`
  }
  if (origin === 'array' || origin === 'set') {
    const length = Array.isArray(input) ? ` (got ${input.length})` : ''
    return `must list ${bound} ${String(limit)} items${length}`
  }
  const got = input === undefined ? '' : ` (got ${show(input)})`
  return `must be ${bound} ${String(limit)}${got}`
}

/** A uniqueness refinement failed: point at the second copy of the repeated value. */
function duplicateItem(input: unknown[], path: PathSegment[], message: string): Problem {
  const seen = new Set<unknown>()
  let index = -1
  for (let i = 0; i < input.length && index === -1; i++) {
    if (seen.has(input[i])) index = i
    seen.add(input[i])
  }
  if (index === -1) return { path, message }
  return { path: [...path, index], message: `${message}: ${show(input[index])} is listed again` }
}

/** The problems one zod issue stands for (an unknown-keys issue names several fields). */
export function problemsFromIssue(issue: Issue): Problem[] {
  const path = toPath(issue.path)
  switch (issue.code) {
    case 'invalid_type':
      return [invalidType(issue, path)]
    case 'unrecognized_keys':
      return unknownFields(issue, path)
    case 'invalid_value':
      return [invalidValue(issue, path)]
    case 'invalid_format': {
      const got = issue.input === undefined ? '' : ` (got ${quote(issue.input)})`
      return [{ path, message: `${issue.message}${got}` }]
    }
    case 'too_big':
      return [{ path, message: sizeMessage('at most', issue.maximum, issue.origin, issue.input) }]
    case 'too_small':
      return [{ path, message: sizeMessage('at least', issue.minimum, issue.origin, issue.input) }]
    case 'custom':
      if (Array.isArray(issue.input)) return [duplicateItem(issue.input, path, issue.message)]
      return [
        {
          path,
          message:
            typeof issue.input === 'string'
              ? `${issue.message} (got ${quote(issue.input)})`
              : issue.message,
        },
      ]
    case 'invalid_key': {
      const key = path[path.length - 1]
      const reason = issue.issues[0]?.message ?? issue.message
      return [{ path, at: 'key', message: `invalid key ${quote(String(key ?? ''))}: ${reason}` }]
    }
    case 'invalid_union':
    case 'invalid_element':
    case 'not_multiple_of':
      return [{ path, message: issue.message }]
    default:
      return assertNever(issue)
  }
}
