// One iterative walk over the YAML tree that refuses what a design file must not contain:
// tags, complex or duplicate keys, and aliases that loop or expand into a bomb.
import { isAlias, isMap, isNode, isScalar, isSeq } from 'yaml'
import type { Alias, LineCounter, Node, Pair } from 'yaml'
import { quote, shorten } from './errors'
import type { PathSegment, Problem } from './errors'
import { MAX_ALIAS_EXPANSION, MAX_ALIASES, MAX_DEPTH, MAX_ERRORS } from './limits'
import { keyString, positionAt } from './locate'

/** Size of a subtree with its aliases expanded, and how deep it nests. */
interface Extent {
  size: number
  depth: number
}

type Frame =
  | { kind: 'node'; node: Node; path: PathSegment[] }
  | { kind: 'pair'; pair: Pair; path: PathSegment[] }
  | { kind: 'exit'; node: Node }

export interface TreeReport {
  problems: Problem[]
  aliasTargets: Map<Alias, Node>
}

const LEAF: Extent = { size: 1, depth: 0 }

function tagProblem(node: Node, path: PathSegment[]): Problem | undefined {
  if (node.tag === undefined) return undefined
  const shown = node.tag.replace(/^tag:yaml\.org,2002:/, '!!')
  return {
    path,
    offset: node.range?.[0],
    message: `YAML tags such as ${quote(shown)} are not allowed in a design file`,
    hint: 'write the plain value without the tag',
  }
}

/**
 * Walks the tree without recursion (the document may be hostile) and reports problems. An
 * alias bomb or loop stops the walk at once; tag and key problems are collected.
 */
export function inspectTree(root: Node, lines: LineCounter): TreeReport {
  const problems: Problem[] = []
  const aliasTargets = new Map<Alias, Node>()
  const extents = new Map<Node, Extent>()
  const open = new Set<Node>()
  const anchors = new Map<string, Node>()
  const stack: Frame[] = [{ kind: 'node', node: root, path: [] }]
  let aliasCount = 0
  let expansion = 0

  const fatal = (problem: Problem): TreeReport => ({ problems: [problem], aliasTargets })

  while (stack.length > 0 && problems.length < MAX_ERRORS) {
    const frame = stack.pop() as Frame
    if (frame.kind === 'exit') {
      open.delete(frame.node)
      extents.set(frame.node, extentOf(frame.node, extents))
      continue
    }
    if (frame.kind === 'pair') {
      const { pair, path } = frame
      if (!isScalar(pair.key)) {
        problems.push({
          path,
          offset: (pair.key as Node | null)?.range?.[0],
          message: 'mapping keys must be plain names, not lists, mappings or aliases',
        })
        continue
      }
      const tag = tagProblem(pair.key, path)
      if (tag !== undefined) problems.push(tag)
      if (pair.key.anchor !== undefined) anchors.set(pair.key.anchor, pair.key)
      const value = pair.value as Node | null
      if (value !== null)
        stack.push({ kind: 'node', node: value, path: [...path, keyString(pair.key)] })
      continue
    }

    const { node, path } = frame
    const tag = tagProblem(node, path)
    if (tag !== undefined) problems.push(tag)
    if (node.anchor !== undefined) anchors.set(node.anchor, node)

    if (isAlias(node)) {
      aliasCount += 1
      const at = { path, offset: node.range?.[0] }
      if (aliasCount > MAX_ALIASES) {
        return fatal({
          ...at,
          message: `the file uses more than ${MAX_ALIASES} aliases (*name); that is refused as a possible alias bomb`,
          hint: 'write the repeated values out',
        })
      }
      const target = anchors.get(node.source)
      if (target === undefined) {
        return fatal({
          ...at,
          message: `alias *${shorten(node.source)} refers to no anchor defined before it`,
        })
      }
      if (open.has(target)) {
        return fatal({
          ...at,
          message: `alias *${shorten(node.source)} refers to a node that contains it`,
        })
      }
      const extent = extents.get(target) ?? LEAF
      expansion += extent.size
      if (expansion > MAX_ALIAS_EXPANSION) {
        return fatal({
          ...at,
          message: `aliases expand to more than ${MAX_ALIAS_EXPANSION} values; that is refused as an alias bomb`,
          hint: 'write the repeated values out, or repeat fewer of them',
        })
      }
      if (path.length + extent.depth > MAX_DEPTH) {
        return fatal({ ...at, message: `aliases nest values more than ${MAX_DEPTH} levels deep` })
      }
      aliasTargets.set(node, target)
      extents.set(node, extent)
    } else if (isMap(node)) {
      open.add(node)
      stack.push({ kind: 'exit', node })
      const seen = new Map<string, number | undefined>()
      for (const pair of node.items) {
        if (problems.length >= MAX_ERRORS) break
        if (!isScalar(pair.key)) continue
        const key = keyString(pair.key)
        const first = seen.get(key)
        if (seen.has(key)) {
          problems.push({
            path: [...path, key],
            at: 'key',
            offset: pair.key.range?.[0],
            message: `duplicate key ${quote(key)}`,
            hint:
              first === undefined
                ? 'each key may appear once in a mapping'
                : `it is already set on line ${positionAt(lines, first).line}`,
          })
        } else {
          seen.set(key, pair.key.range?.[0])
        }
      }
      for (let i = node.items.length - 1; i >= 0; i--) {
        stack.push({ kind: 'pair', pair: node.items[i] as Pair, path })
      }
    } else if (isSeq(node)) {
      open.add(node)
      stack.push({ kind: 'exit', node })
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i]
        if (isNode(item)) stack.push({ kind: 'node', node: item, path: [...path, i] })
      }
    } else {
      extents.set(node, LEAF)
    }
  }
  return { problems, aliasTargets }
}

function extentOf(node: Node, extents: ReadonlyMap<Node, Extent>): Extent {
  const children: unknown[] = isMap(node)
    ? node.items.map((pair) => pair.value)
    : isSeq(node)
      ? node.items
      : []
  let size = 1
  let depth = 0
  for (const child of children) {
    const extent = extents.get(child as Node)
    if (extent === undefined) continue
    size += extent.size
    depth = Math.max(depth, extent.depth)
  }
  return { size, depth: depth + 1 }
}
