// YAML that Docker's YAML 1.1 reader (docker stack deploy) and YAML 1.2 readers load to the same strings.
import YAML from 'yaml'
import {
  fastStringify,
  nonStringTests,
  renderedValue,
  stringifyLibrary,
  writesPlain,
} from '../fast-yaml'
import type { StringWriter } from '../fast-yaml'

/** Serialises data, quoting every string scalar (key or value) that either YAML version would read as non-string. */
export function stringifyYaml(data: unknown): string {
  return fastStringify(data, swarmStringWriter()) ?? stringifyWithLibrary(data)
}

/** The reference serialisation: the library's node tree, with non-string-safe scalars double-quoted. */
export function stringifyWithLibrary(data: unknown): string {
  return stringifyLibrary(data, (text) => !readsBackAsString(text))
}

function readsBackAsString(text: string): boolean {
  try {
    // logLevel 'error': a probe of text like "%x" must not print YAML warnings on the CLI's stderr.
    return (
      YAML.parse(text, { version: '1.1', logLevel: 'error' }) === text &&
      YAML.parse(text, { logLevel: 'error' }) === text
    )
  } catch {
    return false
  }
}

/** Printable ASCII without quotes or backslash, which both forms below write as `text` or `"text"`. */
const SIMPLE_CHARS = /^[\x20\x21\x23-\x26\x28-\x5b\x5d-\x7e]+$/

/** Words that both YAML versions read as one plain scalar, unless a type (number, bool...) claims it. */
const PLAIN_WORD = /^[A-Za-z0-9_/][A-Za-z0-9 _./:=+@-]*$/

const TYPE_TESTS = [...nonStringTests('1.1'), ...nonStringTests('1.2')]

/**
 * The same string forms as stringifyWithLibrary, decided without parsing each scalar twice: plain
 * words are checked against both schemas' type patterns, anything else is parsed (once, memoised).
 */
function swarmStringWriter(): StringWriter {
  const readsBack = new Map<string, boolean>()
  const values = new Map<string, string | undefined>()
  const safe = (text: string): boolean => {
    let known = readsBack.get(text)
    if (known === undefined) {
      known =
        PLAIN_WORD.test(text) && writesPlain(text, false)
          ? !TYPE_TESTS.some((test) => test.test(text))
          : readsBackAsString(text)
      readsBack.set(text, known)
    }
    return known
  }
  return {
    key(text, topLevel) {
      if (!SIMPLE_CHARS.test(text) || text.length > 1000) return undefined
      return safe(text) && writesPlain(text, topLevel) ? text : `"${text}"`
    },
    value(text) {
      if (SIMPLE_CHARS.test(text))
        return safe(text) && writesPlain(text, false) ? text : `"${text}"`
      return renderedValue(values, text, stringifyWithLibrary)
    },
  }
}

/** Compose files interpolate `$VAR` and `${VAR}` everywhere; `$$` is a literal `$`, so free text stays inert. */
export function escapeInterpolation(text: string): string {
  return text.replaceAll('$', '$$$$')
}
