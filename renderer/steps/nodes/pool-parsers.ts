// Text forms of a pool's labels and taints, for compact one-line fields.
import { TAINT_EFFECTS } from '../../../shared/model/schema'
import type { NodePool } from '../../../shared/model/schema'

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }
type Taint = NodePool['taints'][number]

const items = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

/** `{ a: "1", b: "" }` -> "a=1, b=". */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')
}

/** "a=1, b=2" -> `{ a: "1", b: "2" }`; the schema checks each key and value. */
export function parseLabels(text: string): Parsed<Record<string, string>> {
  const labels: Record<string, string> = {}
  for (const item of items(text)) {
    const at = item.indexOf('=')
    if (at <= 0) return { ok: false, error: `“${item}” is not key=value.` }
    const key = item.slice(0, at)
    if (key in labels) return { ok: false, error: `${key} is listed twice.` }
    labels[key] = item.slice(at + 1)
  }
  return { ok: true, value: labels }
}

/** Taints as "key=value:Effect", the way kubectl writes them. */
export function formatTaints(taints: readonly Taint[]): string {
  return taints.map((t) => `${t.key}${t.value === '' ? '' : `=${t.value}`}:${t.effect}`).join(', ')
}

/** "os=windows:NoSchedule, gpu:NoExecute" -> taints; the effect defaults to NoSchedule. */
export function parseTaints(text: string): Parsed<Taint[]> {
  const taints: Taint[] = []
  for (const item of items(text)) {
    const colon = item.lastIndexOf(':')
    const head = colon >= 0 ? item.slice(0, colon) : item
    const effect = colon >= 0 ? item.slice(colon + 1) : 'NoSchedule'
    if (!(TAINT_EFFECTS as readonly string[]).includes(effect))
      return { ok: false, error: `“${effect}” is not an effect: use ${TAINT_EFFECTS.join(', ')}.` }
    const eq = head.indexOf('=')
    const key = eq >= 0 ? head.slice(0, eq) : head
    if (key === '') return { ok: false, error: `“${item}” has no key.` }
    taints.push({
      key,
      value: eq >= 0 ? head.slice(eq + 1) : '',
      effect: effect as Taint['effect'],
    })
  }
  if (taints.length > 16) return { ok: false, error: 'At most 16 taints.' }
  return { ok: true, value: taints }
}
