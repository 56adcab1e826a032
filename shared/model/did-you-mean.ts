// "Did you mean" suggestions for misspelt field names, enum values and workload names.
import { distance } from 'fastest-levenshtein'

/** How many edits a word may be from a candidate and still count as a near miss. */
function allowedDistance(word: string): number {
  if (word.length <= 4) return 1
  if (word.length <= 8) return 2
  return 3
}

/** True when `b` is `a` with two neighbouring letters swapped, the commonest typo ("naem"). */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  const first = [...a].findIndex((ch, i) => ch !== b[i])
  return (
    first !== -1 &&
    a[first] === b[first + 1] &&
    a[first + 1] === b[first] &&
    a.slice(first + 2) === b.slice(first + 2)
  )
}

/** Levenshtein distance, except that a swap of neighbouring letters counts as one edit. */
function editDistance(a: string, b: string): number {
  return isSwap(a, b) ? 1 : distance(a, b)
}

/** The candidate closest to `word` (ignoring case), if it is a plausible misspelling of it. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  // Nobody misspells a 100-character name; skipping them bounds the work on hostile input.
  if (word.length > 100) return undefined
  const target = word.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    if (candidate === word) continue
    const d = editDistance(target, candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= allowedDistance(word) ? best : undefined
}

/** A hint naming the closest candidate, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(word, candidates)
  return match === undefined ? undefined : `did you mean ${JSON.stringify(match)}?`
}

/** Lists candidates for a hint, cut short when there are many. */
export function listForHint(candidates: readonly string[], max = 12): string {
  const shown = candidates.slice(0, max).join(', ')
  return candidates.length > max ? `${shown}, ... (${candidates.length - max} more)` : shown
}
