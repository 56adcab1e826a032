// Decides, once, where every workload goes and what it gets; the builders only render this plan.
import type { RuntimeId } from '../../catalog/ids'
import { getRuntime } from '../../catalog/index'
import type { Catalog } from '../../catalog/types'
import type { Design } from '../../model/schema'
import { compare, resolveFlows, type FlowGraph } from '../../util/declared-flows'
import { splitCapabilities } from './capabilities'
import { isImagePinned } from './images'
import { namespaceFor, serviceNameFor, workloadFile } from './names'
import { platformFor, SANDBOX_HANDLERS, type KubernetesPlatform } from './platform'
import type { WorkloadPlan } from './types'

/** How untrusted Linux workloads get their sandbox. */
export type SandboxPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'provided'; readonly name: string; readonly runtime: RuntimeId }
  | {
      readonly kind: 'created'
      readonly name: string
      readonly handler: string
      readonly runtime: RuntimeId
    }
  | { readonly kind: 'unavailable'; readonly reason: string }

export type PolicyEngine = 'kyverno' | 'gatekeeper'

export interface Plan {
  readonly design: Design
  readonly platform: KubernetesPlatform
  readonly workloads: readonly WorkloadPlan[]
  /** Every namespace the workloads use, sorted. */
  readonly namespaces: readonly string[]
  readonly flows: FlowGraph['flows']
  readonly skipped: FlowGraph['skipped']
  readonly sandbox: SandboxPlan
  readonly policyEngines: readonly PolicyEngine[]
}

/** Builds the plan for a design; pure and deterministic. */
export function planKubernetes(design: Design, catalog: Catalog): Plan {
  const platform = platformFor(design.choices.orchestrator)
  const graph = resolveFlows(design)
  const sandbox = planSandbox(design, catalog, platform, graph)
  const sandboxName =
    sandbox.kind === 'provided' || sandbox.kind === 'created' ? sandbox.name : undefined

  const workloads = graph.workloads.map(({ index, workload }): WorkloadPlan => {
    const stateful = workload.stateful
    return {
      index,
      workload,
      namespace: namespaceFor(design, workload),
      file: workloadFile(workload),
      controller: stateful ? 'StatefulSet' : 'Deployment',
      serviceName: stateful || workload.ports.length > 0 ? serviceNameFor(workload) : undefined,
      runtimeClassName:
        workload.trust === 'untrusted' && workload.os === 'linux' ? sandboxName : undefined,
      capabilities: splitCapabilities(design, workload),
      imagePinned: isImagePinned(workload.image),
    }
  })

  // Engines match pods by namespace; with no namespace an empty list would match every namespace.
  const policyEngines = (['kyverno', 'gatekeeper'] as const).filter(
    (id) => design.choices.plugins.includes(id) && workloads.length > 0,
  )

  return {
    design,
    platform,
    workloads,
    namespaces: [...new Set(workloads.map((w) => w.namespace))].sort(compare),
    flows: graph.flows,
    skipped: graph.skipped,
    sandbox,
    policyEngines,
  }
}

function planSandbox(
  design: Design,
  catalog: Catalog,
  platform: KubernetesPlatform,
  graph: FlowGraph,
): SandboxPlan {
  const needsSandbox = graph.workloads.some(
    ({ workload }) => workload.trust === 'untrusted' && workload.os === 'linux',
  )
  if (!needsSandbox) return { kind: 'none' }
  const runtimeId = design.isolation.runtimeClassForUntrusted
  if (runtimeId === undefined)
    return { kind: 'unavailable', reason: '`isolation.runtimeClassForUntrusted` is not set' }
  const runtime = getRuntime(catalog, runtimeId)
  if (!runtime.sandbox || runtime.hostOs !== 'linux')
    return {
      kind: 'unavailable',
      reason: `${runtime.name} is not a Linux sandbox runtime, so it cannot isolate untrusted code from the node's kernel`,
    }
  const provided = platform.providedRuntimeClasses[runtimeId]
  if (provided !== undefined) return { kind: 'provided', name: provided, runtime: runtimeId }
  const handler = SANDBOX_HANDLERS[runtimeId]
  if (handler === undefined)
    return {
      kind: 'unavailable',
      reason: `no Kubernetes RuntimeClass handler is known for ${runtime.name}`,
    }
  return { kind: 'created', name: handler.name, handler: handler.handler, runtime: runtimeId }
}
