// Maps document paths to source positions (and back) on the YAML syntax tree.
import { LineCounter, isMap, isNode, isScalar, isSeq } from 'yaml'
import type { Alias, Node, Scalar } from 'yaml'
import type { PathSegment } from './errors'

/** Where aliases point, so paths through `*name` can be followed into the anchored node. */
export type AliasTargets = ReadonlyMap<Alias, Node>

/** Line starts of `text`, for turning offsets into 1-based line and column. */
export function buildLineIndex(text: string): LineCounter {
  const lines = new LineCounter()
  lines.addNewLine(0)
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1)
  return lines
}

/** 1-based line and column of a character offset. */
export function positionAt(lines: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lines.linePos(offset)
  return { line: Math.max(line, 1), column: Math.max(col, 1) }
}

/** The key of a mapping entry as the JavaScript object will hold it (YAML's toJS rules). */
export function keyString(key: Scalar): string {
  return key.value === null || key.value === undefined ? '' : String(key.value)
}

function startOf(node: Node): number | undefined {
  return node.range?.[0]
}

function follow(node: Node, aliases: AliasTargets): Node {
  const target = aliases.get(node as Alias)
  return target ?? node
}

/**
 * Source offset of the node at `path`: the value, or the key when `at` is 'key'. When the path
 * leaves the document (a missing field), the offset of the deepest existing parent.
 */
export function offsetOfPath(
  root: Node,
  path: readonly PathSegment[],
  at: 'key' | 'value',
  aliases: AliasTargets,
): number | undefined {
  let node = root
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    const current = follow(node, aliases)
    if (isMap(current)) {
      const pair = current.items.find(
        (p) => isScalar(p.key) && keyString(p.key) === String(segment),
      )
      if (pair === undefined || !isScalar(pair.key)) return startOf(current)
      const value = pair.value
      const last = i === path.length - 1
      if ((last && at === 'key') || !isNode(value) || isEmptyScalar(value)) {
        return startOf(pair.key)
      }
      node = value
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment]
      if (!isNode(item)) return startOf(current)
      node = item
    } else {
      // The path goes below a scalar, e.g. into a list a migration built from a string.
      return startOf(current)
    }
  }
  return startOf(node)
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1]
}
