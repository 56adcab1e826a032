// Kubernetes label selector semantics (matchLabels AND matchExpressions), shared by the test checkers.
import { arr, at, isObj, labelsOf } from './k8s-manifests'

/**
 * Whether a LabelSelector matches `labels`. An empty selector matches everything; `undefined` (an absent
 * selector) matches nothing, as in NetworkPolicy peers and PDBs.
 */
export function selectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (selector === undefined || selector === null) return false
  if (!isObj(selector)) throw new Error('a label selector must be an object')
  const matchLabels = labelsOf(selector.matchLabels)
  if (!Object.entries(matchLabels).every(([k, v]) => labels[k] === v)) return false
  return arr(selector.matchExpressions).every((expr) => {
    const key = String(at(expr, 'key'))
    const values = arr(at(expr, 'values')).map(String)
    const has = Object.prototype.hasOwnProperty.call(labels, key)
    switch (at(expr, 'operator')) {
      case 'In':
        return has && values.includes(labels[key] ?? '')
      case 'NotIn':
        return !has || !values.includes(labels[key] ?? '')
      case 'Exists':
        return has
      case 'DoesNotExist':
        return !has
      default:
        throw new Error(`unknown selector operator ${String(at(expr, 'operator'))}`)
    }
  })
}

/** A Service's plain `selector` map: every pair must be present (an empty map selects nothing). */
export function serviceSelectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, string>>,
): boolean {
  const pairs = Object.entries(labelsOf(selector))
  return pairs.length > 0 && pairs.every(([k, v]) => labels[k] === v)
}
