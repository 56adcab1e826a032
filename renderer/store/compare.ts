// Side-by-side comparison of stacks: each evaluated on the same design, with what changes and how
// the findings differ from the current stack. Pure and memoised per design.
import type { Catalog } from '../../shared/catalog/types'
import { changesBetween, evaluate } from '../../shared/engine/index'
import type { Evaluation, Finding, Stack } from '../../shared/engine/types'
import type { Design } from '../../shared/model/schema'
import { stackKey, stackOf, withStack } from './stack-edits'

/** One column of the comparison. */
export interface ComparedStack {
  readonly key: string
  readonly stack: Stack
  readonly current: boolean
  readonly evaluation: Evaluation
  /** `dimension: from -> to` lines relative to the current stack. */
  readonly changes: readonly string[]
  /** Findings this stack has and the current one does not. */
  readonly newFindings: readonly Finding[]
  /** Findings of the current stack this one resolves. */
  readonly resolvedFindings: readonly Finding[]
}

const cache = new WeakMap<Design, Map<string, ComparedStack>>()

/** The current stack first, then each other stack (duplicates of the current one dropped). */
export function compareStacks(
  design: Design,
  evaluation: Evaluation,
  stacks: readonly Stack[],
  catalog: Catalog,
): ComparedStack[] {
  let memo = cache.get(design)
  if (!memo) {
    memo = new Map()
    cache.set(design, memo)
  }
  const currentStack = stackOf(design, catalog)
  const currentKey = stackKey(currentStack)
  const currentIds = new Set(evaluation.findings.map((f) => f.id))
  const column = (stack: Stack): ComparedStack => {
    const key = stackKey(stack)
    const cached = memo.get(key)
    if (cached) return cached
    const current = key === currentKey
    const result = current ? evaluation : evaluate(withStack(design, stack, catalog), catalog)
    const ids = new Set(result.findings.map((f) => f.id))
    const made: ComparedStack = {
      key,
      stack,
      current,
      evaluation: result,
      changes: current ? [] : changesBetween(currentStack, stack),
      newFindings: result.findings.filter((f) => !currentIds.has(f.id)),
      resolvedFindings: evaluation.findings.filter((f) => !ids.has(f.id)),
    }
    memo.set(key, made)
    return made
  }
  const others = stacks.filter((s) => stackKey(s) !== currentKey)
  return [column(currentStack), ...others.map(column)]
}
