// The allowed network flows of a design, resolved once so every generator allows exactly the same pairs.
import type { Design, Workload } from '../model/schema'

/** One allowed connection: `from` may open TCP connections to `to` on `ports` (the destination's ports). */
export interface DeclaredFlow {
  readonly from: string
  readonly to: string
  readonly ports: readonly number[]
  /** Design paths that declare it (`workloads[0].talksTo[1]`, `workloads[3].observes[0]`). */
  readonly paths: readonly string[]
}

export type SkipReason = 'unknown-workload' | 'self' | 'no-ports' | 'duplicate-workload'

/** A declaration no generator can turn into an allow rule, and why. */
export interface SkippedDeclaration {
  readonly path: string
  readonly reason: SkipReason
  readonly detail: string
}

/** Workloads (first of each name, design order) and the flows between them, sorted by (from, to). */
export interface FlowGraph {
  readonly workloads: readonly IndexedWorkload[]
  readonly flows: readonly DeclaredFlow[]
  readonly skipped: readonly SkippedDeclaration[]
}

/** A workload with its index in `design.workloads`, so controls can cite `workloads[i]`. */
export interface IndexedWorkload {
  readonly index: number
  readonly workload: Workload
}

/** Resolves `talksTo` and `observes` into flows; declarations that cannot carry traffic are skipped with a reason. */
export function resolveFlows(design: Design): FlowGraph {
  const byName = new Map<string, IndexedWorkload>()
  const skipped: SkippedDeclaration[] = []
  design.workloads.forEach((workload, index) => {
    if (byName.has(workload.name)) {
      skipped.push({
        path: `workloads[${index}]`,
        reason: 'duplicate-workload',
        detail: `a workload named "${workload.name}" is already declared; only the first one is generated`,
      })
      return
    }
    byName.set(workload.name, { index, workload })
  })

  const endpoints = new Set(design.endpoints.map((e) => e.name))
  const flows = new Map<string, { from: string; to: string; ports: number[]; paths: string[] }>()
  for (const { index, workload } of byName.values()) {
    const edges = [
      ...workload.talksTo.map((to, i) => ({ to, path: `workloads[${index}].talksTo[${i}]` })),
      ...workload.observes.map((to, i) => ({ to, path: `workloads[${index}].observes[${i}]` })),
    ]
    for (const { to, path } of edges) {
      const target = byName.get(to)
      if (target === undefined && endpoints.has(to)) continue
      if (target === undefined) {
        skipped.push({ path, reason: 'unknown-workload', detail: `no workload is named "${to}"` })
      } else if (to === workload.name) {
        skipped.push({
          path,
          reason: 'self',
          detail: 'a workload listing itself needs no flow between workloads',
        })
      } else if (target.workload.ports.length === 0) {
        skipped.push({
          path,
          reason: 'no-ports',
          detail: `"${to}" declares no ports, so there is nothing to connect to`,
        })
      } else {
        const key = `${workload.name}\u0000${to}`
        const existing = flows.get(key)
        if (existing) existing.paths.push(path)
        else
          flows.set(key, {
            from: workload.name,
            to,
            ports: [...target.workload.ports].sort((a, b) => a - b),
            paths: [path],
          })
      }
    }
  }

  return {
    workloads: [...byName.values()],
    flows: [...flows.values()].sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to)),
    skipped,
  }
}

/** Code-unit order: locale-independent, so output never depends on the machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Traffic between a workload and something outside the platform. */
export interface EndpointFlow {
  /** The workload's name. */
  readonly workload: string
  readonly workloadIndex: number
  /** The endpoint's name. */
  readonly endpoint: string
  readonly endpointIndex: number
  /** `out`: the workload connects to the endpoint; `in`: internet traffic reaches a public workload. */
  readonly direction: 'in' | 'out'
  /** Destination ports: the endpoint's for `out`, the workload's for `in`. */
  readonly ports: readonly number[]
  /** The design path that declares it. */
  readonly path: string
}

/**
 * Every flow across the platform boundary: `talksTo` naming an endpoint (out), and internet ingress
 * to each public workload through the first internet endpoint that has ingress (in), in design order.
 */
export function resolveEndpointFlows(design: Design): EndpointFlow[] {
  const byName = new Map(design.endpoints.map((e, i) => [e.name, { e, i }]))
  const ingress = design.endpoints.findIndex((e) => e.kind === 'internet' && e.ingress !== 'none')
  const out: EndpointFlow[] = []
  design.workloads.forEach((w, index) => {
    if (w.exposure === 'public' && ingress >= 0 && w.ports.length > 0) {
      const e = design.endpoints[ingress]
      if (e)
        out.push({
          workload: w.name,
          workloadIndex: index,
          endpoint: e.name,
          endpointIndex: ingress,
          direction: 'in',
          ports: [...w.ports].sort((a, b) => a - b),
          path: `workloads[${index}].exposure`,
        })
    }
    w.talksTo.forEach((to, k) => {
      const target = byName.get(to)
      if (target === undefined) return
      out.push({
        workload: w.name,
        workloadIndex: index,
        endpoint: to,
        endpointIndex: target.i,
        direction: 'out',
        ports: [...target.e.ports].sort((a, b) => a - b),
        path: `workloads[${index}].talksTo[${k}]`,
      })
    })
  })
  return out
}
