// Checks that need the whole design: unique names, flows that name real workloads or endpoints,
// pools that exist, and endpoints whose fields fit their kind.
import type { PathSegment, Problem } from './errors'
import { quote } from './errors'
import { didYouMean, listForHint } from './did-you-mean'
import type { Design } from './schema'

/** What a dangling name should have named: one of them in the message, all of them in the hint. */
interface NameKind {
  readonly one: string
  readonly all: string
}

const WORKLOADS: NameKind = { one: 'workload', all: 'workloads' }
const FLOW_TARGETS: NameKind = { one: 'workload or endpoint', all: 'workloads and endpoints' }
const NODE_POOLS: NameKind = { one: 'node pool', all: 'node pools' }

function danglingName(
  name: string,
  path: PathSegment[],
  names: readonly string[],
  kind: NameKind,
): Problem {
  const hint =
    didYouMean(name, names) ??
    (names.length > 0
      ? `${kind.all} are: ${listForHint(names)}`
      : `the design has no ${kind.all} yet`)
  return { path, message: `names no ${kind.one} ${quote(name)}`, hint }
}

/** Reports every name used twice in one namespace of names (`workloads and endpoints`, `node pools`). */
function duplicates(
  items: readonly { name: string }[],
  field: string,
  taken: Map<string, string>,
  problems: Problem[],
): void {
  items.forEach((item, i) => {
    const first = taken.get(item.name)
    if (first === undefined) {
      taken.set(item.name, `${field}[${i}]`)
    } else {
      problems.push({
        path: [field, i, 'name'],
        message: `duplicate name ${quote(item.name)}: ${first} already uses it`,
        hint: 'names must be unique; they become object and file names',
      })
    }
  })
}

function endpointProblems(design: Design): Problem[] {
  const problems: Problem[] = []
  design.endpoints.forEach((endpoint, i) => {
    const at = (field: string): PathSegment[] => ['endpoints', i, field]
    if (endpoint.kind !== 'internet' && endpoint.ingress !== 'none') {
      problems.push({
        path: at('ingress'),
        message: `only an internet endpoint has ingress; ${quote(endpoint.name)} is ${endpoint.kind}`,
        hint: 'remove ingress, or make the endpoint kind: internet',
      })
    }
    const addressed = endpoint.hosts.length > 0 || endpoint.cidrs.length > 0
    if (endpoint.kind === 'external' && !addressed) {
      problems.push({
        path: at('hosts'),
        message: `external endpoint ${quote(endpoint.name)} lists no hosts or cidrs`,
        hint: 'say where it is, e.g. hosts: [api.stripe.com] or cidrs: [203.0.113.0/24]',
      })
    }
    if ((endpoint.kind === 'internet' || endpoint.kind === 'orchestrator-api') && addressed) {
      problems.push({
        path: at(endpoint.hosts.length > 0 ? 'hosts' : 'cidrs'),
        message: `${endpoint.kind} endpoint ${quote(endpoint.name)} takes no hosts or cidrs`,
        hint:
          endpoint.kind === 'internet'
            ? 'the internet is every address; name a specific service as kind: external'
            : 'the orchestrator API address comes from the cluster',
      })
    }
  })
  return problems
}

/**
 * Reference checks run after schema validation. `observes` from a workload that is not a
 * monitoring agent or sidecar is allowed: an app may scrape another, and the engine can weigh it.
 */
export function checkReferences(design: Design): Problem[] {
  const problems: Problem[] = []
  const flowTargets = new Map<string, string>()
  duplicates(design.workloads, 'workloads', flowTargets, problems)
  duplicates(design.endpoints, 'endpoints', flowTargets, problems)
  duplicates(design.nodePools, 'nodePools', new Map(), problems)
  problems.push(...endpointProblems(design))

  const workloadNames = design.workloads.map((w) => w.name)
  const isWorkload = new Set(workloadNames)
  const endpointNames = new Set(design.endpoints.map((e) => e.name))
  const poolNames = design.nodePools.map((p) => p.name)
  const targets = [...flowTargets.keys()]
  const reachedBy = new Map<string, Set<string>>()

  design.workloads.forEach((workload, i) => {
    if (workload.pool !== undefined && !poolNames.includes(workload.pool)) {
      problems.push(danglingName(workload.pool, ['workloads', i, 'pool'], poolNames, NODE_POOLS))
    }
    workload.talksTo.forEach((target, k) => {
      const path = ['workloads', i, 'talksTo', k]
      if (target === workload.name) {
        problems.push({
          path,
          message: `${quote(target)} names the workload itself`,
          hint: 'a workload needs no declared flow to itself; remove it',
        })
      } else if (!flowTargets.has(target)) {
        problems.push(danglingName(target, path, targets, FLOW_TARGETS))
      } else if (!endpointNames.has(target)) {
        const talkers = reachedBy.get(target) ?? new Set<string>()
        talkers.add(workload.name)
        reachedBy.set(target, talkers)
      }
    })
    workload.observes.forEach((target, k) => {
      const path = ['workloads', i, 'observes', k]
      if (endpointNames.has(target)) {
        problems.push({
          path,
          message: `${quote(target)} is an endpoint; observes names workloads`,
          hint: `list it under talksTo to open a connection to ${quote(target)}`,
        })
      } else if (!isWorkload.has(target)) {
        problems.push(danglingName(target, path, workloadNames, WORKLOADS))
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
