// Checks that need the whole design: unique workload names and flows that name real workloads.
import type { PathSegment, Problem } from './errors'
import { quote } from './errors'
import { didYouMean, listForHint } from './did-you-mean'
import type { Design } from './schema'

function danglingName(name: string, path: PathSegment[], names: readonly string[]): Problem {
  const hint =
    didYouMean(name, names) ??
    (names.length > 0 ? `workloads are: ${listForHint(names)}` : 'the design has no workloads yet')
  return { path, message: `names no workload ${quote(name)}`, hint }
}

/**
 * Reference checks run after schema validation. `observes` from a workload that is not a
 * monitoring agent or sidecar is allowed: an app may scrape another, and the engine can weigh it.
 */
export function checkReferences(design: Design): Problem[] {
  const problems: Problem[] = []
  const firstIndex = new Map<string, number>()
  design.workloads.forEach((workload, i) => {
    const first = firstIndex.get(workload.name)
    if (first === undefined) {
      firstIndex.set(workload.name, i)
    } else {
      problems.push({
        path: ['workloads', i, 'name'],
        message: `duplicate workload name ${quote(workload.name)}: workloads[${first}] already uses it`,
        hint: 'workload names must be unique; they become object and file names',
      })
    }
  })
  const names = [...firstIndex.keys()]
  const reachedBy = new Map<string, Set<string>>()

  design.workloads.forEach((workload, i) => {
    workload.talksTo.forEach((target, k) => {
      const path = ['workloads', i, 'talksTo', k]
      if (target === workload.name) {
        problems.push({
          path,
          message: `${quote(target)} names the workload itself`,
          hint: 'a workload needs no declared flow to itself; remove it',
        })
      } else if (!firstIndex.has(target)) {
        problems.push(danglingName(target, path, names))
      } else {
        const talkers = reachedBy.get(target) ?? new Set<string>()
        talkers.add(workload.name)
        reachedBy.set(target, talkers)
      }
    })
    workload.observes.forEach((target, k) => {
      if (!firstIndex.has(target)) {
        problems.push(danglingName(target, ['workloads', i, 'observes', k], names))
      }
    })
  })

  design.workloads.forEach((workload, i) => {
    const talkers = reachedBy.get(workload.name)
    if (talkers === undefined || workload.ports.length > 0) return
    problems.push({
      path: ['workloads', i, 'ports'],
      message: `${workload.name} is reached by ${listForHint([...talkers])} but declares no ports`,
      hint: 'list the ports it listens on, e.g. ports: [8080]',
    })
  })
  return problems
}
