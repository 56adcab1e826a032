// Finds where a design path (`workloads[1].talksTo[0]`) sits in the source, so engine results get a line.
import { LineCounter, isAlias, isMap, isNode, isScalar, isSeq, parse, parseDocument } from 'yaml'
import type { Node } from 'yaml'
import { formatPath } from '../../shared/model/errors'
import { migrateToCurrent } from '../../shared/model/migrate'

export interface SourcePosition {
  readonly line: number
  readonly column: number
}

/** Splits `a.b[2]["odd key"]` into `['a', 'b', 2, 'odd key']`; undefined when it is not a path. */
export function parseDesignPath(path: string): (string | number)[] | undefined {
  const segments: (string | number)[] = []
  const token = /\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y
  let index = 0
  while (index < path.length) {
    token.lastIndex = index
    const match = token.exec(path)
    if (match === null) return undefined
    if (match[1] !== undefined) segments.push(match[1])
    else if (match[2] !== undefined) segments.push(Number(match[2]))
    else if (match[3] !== undefined) segments.push(JSON.parse(match[3]) as string)
    index = token.lastIndex
  }
  return segments
}

/**
 * A function that maps a design path to the 1-based position of its value in `text` (or of the deepest
 * part of the path that exists). The text has already passed the model's loader, so parsing is safe.
 */
export function createLocator(text: string): (path: string) => SourcePosition | undefined {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter })
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node)
  return (path) => {
    const segments = parseDesignPath(path)
    let node = resolve(doc.contents)
    if (segments === undefined || !isNode(node)) return undefined
    let offset = (node as Node).range?.[0]
    for (const segment of segments) {
      let next: unknown
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isScalar(p.key) && String(p.key.value) === String(segment),
        )
        if (pair === undefined) break
        if (isScalar(pair.key)) offset = pair.key.range?.[0] ?? offset
        next = resolve(pair.value)
      } else if (isSeq(node) && typeof segment === 'number') {
        next = resolve(node.items[segment])
      } else break
      if (!isNode(next)) break
      offset = next.range?.[0] ?? offset
      node = next
    }
    if (offset === undefined) return undefined
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
}

const samePath = (path: string) => path

/**
 * For a file in an older format: maps a path in the migrated design (`nodePools[0].runtime`) to the
 * field it came from in the file as written (`choices.runtime`), so engine results point into the
 * file the user has. The identity for a current file. The text has passed the model's loader.
 */
export function createSourcePathMapper(text: string): (path: string) => string {
  let raw: unknown
  try {
    raw = parse(text)
  } catch {
    return samePath
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return samePath
  const migrated = migrateToCurrent(raw as Record<string, unknown>)
  if (!migrated.ok || migrated.migratedFrom === undefined) return samePath
  return (path) => {
    const segments = parseDesignPath(path)
    return segments === undefined ? path : formatPath(migrated.toSourcePath(segments))
  }
}
