// Which plugins of one exclusive category can run side by side: only the documented combinations.
import type { Plugin } from './types'

/** Whether two plugins have a documented way to run together (either one lists the other). */
export function combine(a: Plugin, b: Plugin): boolean {
  return (
    (a.combinesWith ?? []).some((m) => m.plugin === b.id) ||
    (b.combinesWith ?? []).some((m) => m.plugin === a.id)
  )
}

/** Whether every pair of these plugins has a documented way to run together. */
export function documentedTogether(members: readonly Plugin[]): boolean {
  return members.every((a) => members.every((b) => a === b || combine(a, b)))
}
