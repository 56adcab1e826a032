// Decides, once, where every workload goes and what it gets; the builders only render this plan.
// Placement, sandbox and pod security come from the engine's posture (`postureOf`), never re-derived.
import type { Catalog } from '../../catalog/types'
import { postureOf, type Posture } from '../../engine/posture/index'
import type { Design, PodSecurityLevel, Workload } from '../../model/schema'
import { compare, resolveFlows, type FlowGraph } from '../../util/declared-flows'
import { createNameAllocator } from '../../util/unique-names'
import { splitCapabilities } from './capabilities'
import { apiServerPaths, cloudOf, endpointEgress, publicIngressOf } from './endpoints'
import { identityPlan } from './identity'
import { isImagePinned } from './images'
import {
  exceptionNamespaceFor,
  levelNamespaceFor,
  namespaceFor,
  serviceNameFor,
  workloadFile,
} from './names'
import { podPlacement } from './placement'
import { platformFor, type KubernetesPlatform } from './platform'
import { planSandboxes } from './sandbox'
import type { Cloud } from '../../catalog/types'
import type { NamespacePlan, RuntimeClassPlan, WorkloadPlan } from './types'

export type { SandboxPlan } from './types'

export type PolicyEngine = 'kyverno' | 'gatekeeper'

export interface Plan {
  readonly design: Design
  readonly platform: KubernetesPlatform
  readonly posture: Posture
  readonly workloads: readonly WorkloadPlan[]
  /** Every namespace the workloads use, sorted by name. */
  readonly namespaces: readonly NamespacePlan[]
  readonly flows: FlowGraph['flows']
  readonly skipped: FlowGraph['skipped']
  /** RuntimeClasses this tree creates (platform-provided ones are only referenced). */
  readonly runtimeClasses: readonly RuntimeClassPlan[]
  readonly policyEngines: readonly PolicyEngine[]
  /** Cilium is a chosen plugin: FQDN egress and the kube-apiserver entity are available. */
  readonly cilium: boolean
  /** The cloud whose API domains a `cloud-api` endpoint without hosts stands for. */
  readonly cloud: Cloud | undefined
}

/** The level a namespace of the chosen strategy enforces when no exception applies. */
function baseLevel(design: Design, workload: Workload, level: PodSecurityLevel): PodSecurityLevel {
  const strategy = design.isolation.namespaces
  if (strategy === 'per-team')
    return design.isolation.podSecurityByTeam[workload.team] ?? design.isolation.podSecurity
  if (strategy === 'per-workload') return level
  return design.isolation.podSecurity
}

/** Builds the plan for a design; pure and deterministic. */
export function planKubernetes(design: Design, catalog: Catalog): Plan {
  const platform = platformFor(design.choices.orchestrator)
  const posture = postureOf(design, catalog)
  const graph = resolveFlows(design)
  const endpointNames = new Set(design.endpoints.map((e) => e.name))
  const sandboxes = planSandboxes(
    platform,
    posture.pools,
    posture.placements,
    graph.workloads.map((w) => w.index),
  )

  // Namespace names: the strategy's names first, so exception namespaces can never take one.
  const bases = graph.workloads.map(({ workload }) => namespaceFor(design, workload))
  const allocate = createNameAllocator('-')
  for (const base of [...new Set(bases)].sort(compare)) allocate(base)
  const levels = new Map<string, PodSecurityLevel>()

  const workloads = graph.workloads.map(({ index, workload }, k): WorkloadPlan => {
    const podSecurity = posture.podSecurity[index]
    if (podSecurity === undefined)
      throw new Error(`no pod security posture for workloads[${index}]`)
    const base = bases[k] ?? namespaceFor(design, workload)
    const namespace = podSecurity.exception
      ? allocate(exceptionNamespaceFor(design, workload))
      : podSecurity.level === baseLevel(design, workload, podSecurity.level)
        ? base
        : levelNamespaceFor(base, podSecurity.level)
    levels.set(namespace, podSecurity.level)
    const sandbox = sandboxes.byIndex.get(index) ?? { kind: 'none' as const }
    const stateful = workload.stateful
    return {
      index,
      workload,
      namespace,
      file: workloadFile(workload),
      controller: stateful ? 'StatefulSet' : 'Deployment',
      serviceName: stateful || workload.ports.length > 0 ? serviceNameFor(workload) : undefined,
      placement: podPlacement(platform, posture.pools, workload, posture.placements[index]),
      sandbox,
      runtimeClassName: sandbox.kind === 'runtime-class' ? sandbox.name : undefined,
      podSecurity,
      capabilities: splitCapabilities(workload, podSecurity.level),
      imagePinned: isImagePinned(workload.image),
      identity: identityPlan(platform, workload),
      publicIngress: publicIngressOf(design, workload),
      egress: endpointEgress(design, workload, index),
      apiServerEgress: apiServerPaths(design, workload, index),
    }
  })

  const namespaces = [...levels.entries()]
    .map(([name, level]): NamespacePlan => {
      const exceptionFor = workloads.find((w) => w.namespace === name && w.podSecurity.exception)
      return { name, level, exceptionFor }
    })
    .sort((a, b) => compare(a.name, b.name))

  // Engines match pods by namespace; with no enforced namespace an empty list would match every namespace.
  const enforced = namespaces.some((n) => n.exceptionFor === undefined)
  const policyEngines = (['kyverno', 'gatekeeper'] as const).filter(
    (id) => design.choices.plugins.includes(id) && enforced,
  )

  return {
    design,
    platform,
    posture,
    workloads,
    namespaces,
    flows: graph.flows,
    // A talksTo naming an endpoint is a flow out of the cluster, not a dangling workload name.
    skipped: graph.skipped.filter(
      (s) => !(s.reason === 'unknown-workload' && endpointNames.has(talksToAt(design, s.path))),
    ),
    runtimeClasses: sandboxes.created,
    policyEngines,
    cilium: design.choices.plugins.includes('cilium'),
    cloud: cloudOf(design, platform.cloud),
  }
}

/** The name a `workloads[i].talksTo[k]` path declares ('' for any other path). */
function talksToAt(design: Design, path: string): string {
  const m = /^workloads\[(\d+)\]\.talksTo\[(\d+)\]$/.exec(path)
  if (m === null) return ''
  return design.workloads[Number(m[1])]?.talksTo[Number(m[2])] ?? ''
}

/** The namespaces whose pods the policy engines check: every one except the exception namespaces. */
export function enforcedNamespaces(plan: Plan): NamespacePlan[] {
  return plan.namespaces.filter((n) => n.exceptionFor === undefined)
}
