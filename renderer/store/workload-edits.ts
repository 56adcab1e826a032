// Pure edits of the workload list: add, change, remove, keeping flows pointing at real workloads.
import type { Design, Workload } from '../../shared/model/schema'
import { workloadSchema } from '../../shared/model/schema'
import { omit } from './omit'

/** A name not yet used by any workload: `workload-1`, `workload-2`, ... */
export function freshWorkloadName(design: Design): string {
  const names = new Set(design.workloads.map((w) => w.name))
  let n = design.workloads.length + 1
  while (names.has(`workload-${n}`)) n++
  return `workload-${n}`
}

/** The design with a new workload (schema defaults, a pinned placeholder image) at the end. */
export function withWorkloadAdded(design: Design): Design {
  const workload = workloadSchema.parse({
    name: freshWorkloadName(design),
    image: 'registry.example.com/team/app:1.0.0',
    ports: [8080],
  })
  return { ...design, workloads: [...design.workloads, workload] }
}

const countNamed = (design: Design, name: string) =>
  design.workloads.reduce((n, w) => n + (w.name === name ? 1 : 0), 0)

const renameIn = (list: readonly string[], from: string, to: string) =>
  list.includes(from) ? list.map((x) => (x === from ? to : x)) : (list as string[])

/**
 * The design with one workload changed. A rename carries the other workloads' `talksTo` and
 * `observes` along when both names are unambiguous, so flows survive it.
 */
export function withWorkloadUpdated(
  design: Design,
  index: number,
  patch: Partial<Workload>,
): Design {
  const current = design.workloads[index]
  if (!current) return design
  // An optional field set to undefined (pool, sandbox: back to automatic) is removed, not kept.
  const updated = Object.fromEntries(
    Object.entries({ ...current, ...patch }).filter(([, v]) => v !== undefined),
  ) as Workload
  let workloads = design.workloads.map((w, i) => (i === index ? updated : w))
  const from = current.name
  const to = updated.name
  if (from !== to && countNamed(design, from) === 1 && countNamed(design, to) === 0) {
    workloads = workloads.map((w, i) =>
      i === index
        ? w
        : w.talksTo.includes(from) || w.observes.includes(from)
          ? {
              ...w,
              talksTo: renameIn(w.talksTo, from, to),
              observes: renameIn(w.observes, from, to),
            }
          : w,
    )
  }
  return { ...design, workloads }
}

/** The design without one workload, and without the flows that pointed at it. */
export function withWorkloadRemoved(design: Design, index: number): Design {
  const removed = design.workloads[index]
  if (!removed) return design
  const rest = design.workloads.filter((_, i) => i !== index)
  if (countNamed(design, removed.name) > 1) return { ...design, workloads: rest }
  const name = removed.name
  return {
    ...design,
    workloads: rest.map((w) =>
      w.talksTo.includes(name) || w.observes.includes(name)
        ? {
            ...w,
            talksTo: w.talksTo.filter((x) => x !== name),
            observes: w.observes.filter((x) => x !== name),
          }
        : w,
    ),
  }
}

/** The design with a finding's treatment and note set; an open finding without a note is dropped. */
export function withRisk(
  design: Design,
  findingId: string,
  treatment: Design['risks'][string]['treatment'],
  note: string,
): Design {
  const others = omit(design.risks, findingId)
  if (treatment === 'open' && note === '') return { ...design, risks: others }
  return { ...design, risks: { ...others, [findingId]: { treatment, note } } }
}
