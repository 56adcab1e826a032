// Reads YAML (or JSON) text into a plain object, guarding the YAML library against hostile input.
import { Composer, Lexer, Parser, isMap, isScalar, isSeq } from 'yaml'
import type { CST, Document, LineCounter, Node } from 'yaml'
import { describeValue, shorten } from './errors'
import type { Problem } from './errors'
import { inspectTree } from './inspect-tree'
import { MAX_ALIAS_EXPANSION, MAX_DEPTH, MAX_LEXEMES, MAX_SYNTAX_ERRORS } from './limits'
import { tooComplexProblem } from './text-checks'
import { API_VERSION_V2 } from './schema'
import type { AliasTargets } from './locate'

export type SourceFormat = 'yaml' | 'json'

/** The parsed document: its plain value and the tree that locates errors in the source. */
export interface YamlSource {
  value: Record<string, unknown>
  root: Node
  aliasTargets: AliasTargets
}

export type ReadResult = { ok: true; source: YamlSource } | { ok: false; problems: Problem[] }

const fail = (problems: Problem[]): ReadResult => ({ ok: false, problems })

/**
 * Tokenises text while watching the parser's nesting stack, and stops at the first sign of
 * hostile structure: the YAML library's lexer slows down, then runs out of memory, on a few
 * thousand nested brackets, so deep input must never reach it in full.
 */
function readTokens(text: string): { tokens: CST.Token[] } | { problem: Problem } {
  const parser = new Parser()
  const tokens: CST.Token[] = []
  let documents = 0
  const accept = (token: CST.Token): Problem | undefined => {
    tokens.push(token)
    if (token.type === 'directive') return directiveProblem(token)
    if (token.type === 'document' && ++documents > 1) return multipleDocuments(token)
    return undefined
  }
  let lexemes = 0
  for (const lexeme of new Lexer().lex(text, false)) {
    // Backstop for checkStructure: its count bounds the lexemes, but a miscount must not hang us.
    if (++lexemes > MAX_LEXEMES) return { problem: tooComplexProblem(parser.offset) }
    for (const token of parser.next(lexeme)) {
      const problem = accept(token)
      if (problem !== undefined) return { problem }
    }
    if (parser.stack.length > MAX_DEPTH) {
      return {
        problem: {
          path: [],
          offset: parser.offset,
          message: `the document nests more than ${MAX_DEPTH} levels deep`,
          hint: 'a design nests about 6 levels; this looks like generated or hostile input',
        },
      }
    }
  }
  for (const token of parser.end()) {
    const problem = accept(token)
    if (problem !== undefined) return { problem }
  }
  return { tokens }
}

function multipleDocuments(second: CST.Token): Problem {
  return {
    path: [],
    offset: second.offset,
    message: 'the file holds more than one YAML document; a design file holds exactly one',
    hint: 'remove the "---" line that starts the second document, or split the file',
  }
}

function directiveProblem(token: CST.Directive): Problem | undefined {
  if (/^%YAML[ \t]+1\.2[ \t]*$/.test(token.source)) return undefined
  return {
    path: [],
    offset: token.offset,
    message: `YAML directives such as ${JSON.stringify(token.source.slice(0, 40))} are not allowed`,
    hint: 'remove the line; design files are plain YAML 1.2',
  }
}

/**
 * Syntax errors, one per line: the YAML library often reports knock-on errors for one mistake.
 * No path: in a broken tree the path of an offset would mislead more than help.
 */
function syntaxProblems(doc: Document.Parsed, format: SourceFormat, lines: LineCounter): Problem[] {
  const label = format === 'json' ? 'JSON' : 'YAML'
  const seenLines = new Set<number>()
  const problems: Problem[] = []
  for (const error of doc.errors) {
    const line = lines.linePos(error.pos[0]).line
    if (seenLines.has(line)) continue
    seenLines.add(line)
    // The library quotes offending tokens in its messages; a hostile token may be megabytes long.
    const message = `invalid ${label}: ${shorten(error.message, 160)}`
    problems.push({ path: [], offset: error.pos[0], message })
    if (problems.length === MAX_SYNTAX_ERRORS) break
  }
  return problems
}

function describeNode(node: Node): string {
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) return describeValue(node.value)
  return 'an alias'
}

/** Parses one YAML 1.2 document (JSON is YAML) into a plain object, or explains why not. */
export function readYaml(text: string, format: SourceFormat, lines: LineCounter): ReadResult {
  const read = readTokens(text)
  if ('problem' in read) return fail([read.problem])

  const composer = new Composer({
    version: '1.2',
    schema: 'core',
    merge: false,
    // Our own duplicate-key check is linear; the library's is quadratic in the number of keys.
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
  })
  const [doc] = [...composer.compose(read.tokens, true, text.length)]
  if (doc === undefined || doc.contents === null) {
    return fail([
      {
        path: [],
        message: `the file is empty; a design file starts with "apiVersion: ${API_VERSION_V2}"`,
      },
    ])
  }
  if (doc.errors.length > 0) return fail(syntaxProblems(doc, format, lines))
  const root: Node = doc.contents
  if (!isMap(root)) {
    return fail([
      {
        path: [],
        offset: root.range?.[0],
        message: `the document must be a mapping of fields (apiVersion, kind, metadata, ...), not ${describeNode(root)}`,
      },
    ])
  }
  const report = inspectTree(root, lines)
  if (report.problems.length > 0) return fail(report.problems)

  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION })
  } catch (error) {
    return fail([{ path: [], message: `the document cannot be read: ${(error as Error).message}` }])
  }
  return {
    ok: true,
    source: { value: value as Record<string, unknown>, root, aliasTargets: report.aliasTargets },
  }
}
