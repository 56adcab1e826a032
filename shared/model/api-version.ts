// Orders apiVersions the Kubernetes way (v1alpha1 < v1beta1 < v1 < v2alpha1 < v2), so a file
// from a newer build can be told apart from a mistyped one.

const VERSION = /^stackwright\.dev\/v([0-9]{1,6})(?:(alpha|beta)([0-9]{1,6}))?$/

/** [major, stage (alpha 0, beta 1, stable 2), pre-release number], or undefined if not ours. */
export function parseApiVersion(apiVersion: string): [number, number, number] | undefined {
  const match = VERSION.exec(apiVersion)
  if (match === null) return undefined
  const stage = match[2] === 'alpha' ? 0 : match[2] === 'beta' ? 1 : 2
  return [Number(match[1]), stage, Number(match[3] ?? 0)]
}

/** True when `apiVersion` is one of ours and later than `current`. */
export function isNewerApiVersion(apiVersion: string, current: string): boolean {
  const a = parseApiVersion(apiVersion)
  const b = parseApiVersion(current)
  if (a === undefined || b === undefined) return false
  for (let i = 0; i < 3; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0)
    if (difference !== 0) return difference > 0
  }
  return false
}
