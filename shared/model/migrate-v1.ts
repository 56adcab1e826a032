// Migration from stackwright.dev/v1 to stackwright.dev/v2.
//
// v1 had one node OS and one runtime (`choices.os`, `choices.runtime`), one cluster-wide pod
// security level, a sandbox for untrusted workloads (`isolation.runtimeClassForUntrusted`), a
// boolean `needs.hostAccess` and `needs.apiAccess`, and no traffic to or from the outside. v2:
//
// - `choices.os`/`runtime` become the primary node pool (a control-plane pool beside it where the
//   orchestrator has no managed control plane); a sandboxed `choices.runtime` (gVisor, Kata, ...)
//   becomes the pool's sandbox with `isolation.sandboxWorkloads: all`, so every pod really runs in it;
// - workloads whose OS differs from the primary pool's imply a pool of their OS with the
//   orchestrator's engine for it; `runtimeClassForUntrusted` implies a sandbox pool (on nodes of the
//   sandbox's OS family);
// - `context.nodes` becomes the worker pool's size;
// - `needs.hostAccess: true` becomes `needs.privileged: true` (the broadest reading: narrow it to
//   the host path or host network the workload needs); `needs.apiAccess: true` becomes read-only
//   orchestrator API access (get, list, watch on pods, services and endpoints; cluster-wide for
//   monitoring agents);
// - a public workload implies an `internet` endpoint with a load balancer in front.
import { catalog, engineFor as engineOf, getOrchestrator, getRuntime } from '../catalog/index'
import type { OrchestratorId, OsId, RuntimeId } from '../catalog/ids'
import type { OsFamily } from '../catalog/types'
import { assertNever } from '../util/assert-never'
import type { PathSegment } from './errors'
import { problemsFromIssue } from './issues'
import type { MigrationStep, PathMapper, StepResult } from './migration-types'
import { API_VERSION_V1, designSchemaV1 } from './schema-v1'
import type { DesignV1 } from './schema-v1'
import { API_VERSION_V2, designSchema } from './schema'
import type { Design, DesignInput } from './schema'

type PoolInput = NonNullable<DesignInput['nodePools']>[number]
type WorkloadInput = NonNullable<DesignInput['workloads']>[number]

const engineFor = (orchestrator: OrchestratorId, family: OsFamily) =>
  engineOf(catalog, orchestrator, family)

function firstOsOf(family: OsFamily, ids: readonly OsId[]): OsId | undefined {
  return ids.find((id) => catalog.operatingSystems.find((os) => os.id === id)?.family === family)
}

const firstLinuxOs = (ids: readonly OsId[]) => firstOsOf('linux', ids)

function familyOf(os: OsId): OsFamily {
  return catalog.operatingSystems.find((entry) => entry.id === os)?.family ?? 'linux'
}

function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted
  for (let n = 2; taken.has(name); n++) name = `${wanted}-${n}`
  taken.add(name)
  return name
}

/** What in the v1 file a migrated pool stands for: where its errors and violations point. */
type PoolOrigin = 'primary' | 'control-plane' | 'sandbox' | { readonly workload: number }

interface PoolPlan {
  readonly pools: PoolInput[]
  /** Parallel to `pools`. */
  readonly origins: PoolOrigin[]
  readonly sandboxAll: boolean
}

function planPools(v1: DesignV1): PoolPlan {
  const { orchestrator: orchestratorId, runtime: runtimeId, os } = v1.choices
  const orchestrator = getOrchestrator(catalog, orchestratorId)
  const runtime = getRuntime(catalog, runtimeId)
  const family = familyOf(os)
  const onPrem = v1.context.cloud === 'on-prem' || v1.context.cloud === 'hybrid'
  const virtualization = onPrem ? ('bare-metal' as const) : ('nested' as const)
  const names = new Set<string>()
  const pools: PoolInput[] = []
  const origins: PoolOrigin[] = []

  // A sandboxed v1 runtime ran every workload in the sandbox: the engine underneath plus the handler.
  const sandboxAll = runtime.kind === 'sandbox'
  const engine: RuntimeId =
    runtime.kind === 'engine' ? runtimeId : (engineFor(orchestratorId, family) ?? runtimeId)
  const primary: PoolInput = {
    name: uniqueName(orchestrator.id === 'aks' ? 'system' : 'workers', names),
    role: orchestrator.id === 'aks' ? 'system' : 'workers',
    os,
    runtime: engine,
    size: v1.context.nodes,
  }
  if (sandboxAll) {
    primary.sandboxes = [runtimeId]
    if (runtime.needsVirtualization) primary.virtualization = virtualization
  }

  if (!orchestrator.managedControlPlane) {
    const controlOs = orchestrator.os.controlPlane.includes(os)
      ? os
      : (firstLinuxOs(orchestrator.os.controlPlane) ?? os)
    origins.push('control-plane')
    pools.push({
      name: uniqueName('control-plane', names),
      role: 'control-plane',
      os: controlOs,
      runtime: engineFor(orchestratorId, familyOf(controlOs)) ?? engine,
      size: 3,
    })
  }
  pools.push(primary)
  origins.push('primary')

  // Workloads of the other OS family ran on a pool v1 implied: make it explicit.
  const other: OsFamily = family === 'linux' ? 'windows' : 'linux'
  const firstOther = v1.workloads.findIndex((w) => w.os === other)
  if (firstOther !== -1) {
    const otherOs: OsId | undefined =
      other === 'windows'
        ? orchestrator.os.worker.includes('windows-server')
          ? 'windows-server'
          : undefined
        : firstLinuxOs(orchestrator.os.worker)
    const otherEngine = engineFor(orchestratorId, other)
    if (otherOs !== undefined && otherEngine !== undefined) {
      origins.push({ workload: firstOther })
      pools.push({
        name: uniqueName(other, names),
        role: 'workers',
        os: otherOs,
        runtime: otherEngine,
        size: 2,
        taints:
          other === 'windows' ? [{ key: 'os', value: 'windows', effect: 'NoSchedule' }] : undefined,
      })
    }
  }

  const sandboxId = v1.isolation.runtimeClassForUntrusted
  // Under a sandboxed v1 runtime, a different runtimeClassForUntrusted still ran the untrusted pods.
  if (sandboxId !== undefined && sandboxId !== runtimeId) {
    const sandbox = getRuntime(catalog, sandboxId)
    const sandboxFamily = sandbox.hostOs.includes(family) ? family : (sandbox.hostOs[0] ?? family)
    // A sandbox of the other family (Hyper-V isolation beside Linux nodes) needs nodes of its own OS.
    const sandboxOs =
      sandboxFamily === family ? os : (firstOsOf(sandboxFamily, orchestrator.os.worker) ?? os)
    origins.push('sandbox')
    pools.push({
      name: uniqueName('sandboxed', names),
      role: 'workers',
      os: sandboxOs,
      runtime: engineFor(orchestratorId, sandboxFamily) ?? engine,
      sandboxes: [sandboxId],
      size: 2,
      virtualization: sandbox.needsVirtualization ? virtualization : 'none',
      labels: { 'stackwright.dev/sandbox': sandboxId },
      taints: [{ key: 'stackwright.dev/sandbox', value: sandboxId, effect: 'NoSchedule' }],
    })
  }
  return { pools: pools.map(withoutUndefined), origins, sandboxAll }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

const READ_ONLY_DISCOVERY = {
  apiGroups: [''],
  resources: ['pods', 'services', 'endpoints'],
  verbs: ['get', 'list', 'watch'] as ('get' | 'list' | 'watch')[],
}

function migrateWorkload(w: DesignV1['workloads'][number]): WorkloadInput {
  const { hostAccess, apiAccess, justification, writablePaths, capabilities } = w.needs
  const needs: NonNullable<WorkloadInput['needs']> = { writablePaths, capabilities }
  if (hostAccess) needs.privileged = true
  if (justification !== undefined) needs.justification = justification
  const out: WorkloadInput = {
    name: w.name,
    image: w.image,
    team: w.team,
    os: w.os,
    role: w.role,
    replicas: w.replicas,
    ports: w.ports,
    exposure: w.exposure,
    talksTo: w.talksTo,
    observes: w.observes,
    trust: w.trust,
    stateful: w.stateful,
    resources: w.resources,
    needs,
  }
  if (apiAccess) {
    out.identity = {
      orchestratorApi: [
        { ...READ_ONLY_DISCOVERY, scope: w.role === 'monitoring' ? 'cluster' : 'namespace' },
      ],
    }
  }
  return out
}

/** The v2 document for a valid v1 design. */
export function v1ToV2Document(v1: DesignV1): DesignInput {
  return convert(v1, planPools(v1))
}

function convert(v1: DesignV1, { pools, sandboxAll }: PoolPlan): DesignInput {
  const taken = new Set(v1.workloads.map((w) => w.name))
  const endpoints = v1.workloads.some((w) => w.exposure === 'public')
    ? [
        {
          name: uniqueName('internet', taken),
          kind: 'internet' as const,
          ingress: 'load-balancer' as const,
        },
      ]
    : []
  // context.nodes became the pools' sizes and runtimeClassForUntrusted a sandbox pool (planPools).
  const { cloud, team, requirements, priorities } = v1.context
  const { podSecurity, namespaces, network } = v1.isolation
  const decisions = { ...v1.decisions }
  return {
    apiVersion: API_VERSION_V2,
    kind: 'Design',
    metadata: v1.metadata,
    context: { cloud, team, requirements, priorities },
    choices: { orchestrator: v1.choices.orchestrator, plugins: v1.choices.plugins },
    nodePools: pools,
    isolation: {
      podSecurity,
      namespaces,
      network,
      ...(sandboxAll ? { sandboxWorkloads: 'all' as const } : {}),
    },
    endpoints,
    workloads: v1.workloads.map(migrateWorkload),
    decisions,
    risks: v1.risks,
  }
}

/** Where a field of a migrated pool came from in the v1 file. */
function poolSource(origin: PoolOrigin | undefined, field: PathSegment | undefined): PathSegment[] {
  if (origin === undefined) return ['choices']
  if (typeof origin === 'object') return ['workloads', origin.workload, 'os']
  switch (origin) {
    case 'sandbox':
      return ['isolation', 'runtimeClassForUntrusted']
    case 'control-plane':
      if (field === 'os') return ['choices', 'os']
      if (field === 'runtime') return ['choices', 'runtime']
      return ['choices', 'orchestrator']
    case 'primary':
      if (field === 'os') return ['choices', 'os']
      if (field === 'size') return ['context', 'nodes']
      if (field === 'runtime' || field === 'sandboxes' || field === 'virtualization')
        return ['choices', 'runtime']
      return ['choices']
    default:
      return assertNever(origin)
  }
}

/** Maps a v2 path back to where it came from in the v1 file, for error locations (best effort). */
function sourcePaths(origins: readonly PoolOrigin[]): PathMapper {
  return (path) => {
    const [head, index, field, ...rest] = path
    if (head === 'nodePools') return poolSource(origins[Number(index)], field)
    if (head === 'workloads' && field === 'needs') {
      const [leaf] = rest
      if (leaf === 'privileged') return ['workloads', index ?? 0, 'needs', 'hostAccess']
    }
    if (head === 'workloads' && field === 'identity')
      return ['workloads', index ?? 0, 'needs', 'apiAccess']
    if (head === 'endpoints') return ['workloads']
    if (head === 'isolation' && index === 'sandboxWorkloads') return ['choices', 'runtime']
    return [...path]
  }
}

function migrate(doc: Record<string, unknown>): StepResult {
  const parsed = designSchemaV1.safeParse(doc, { reportInput: true })
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.flatMap(problemsFromIssue) }
  }
  const plan = planPools(parsed.data)
  return {
    ok: true,
    value: convert(parsed.data, plan) as Record<string, unknown>,
    toSourcePath: sourcePaths(plan.origins),
  }
}

/** v1 -> v2: node pools, endpoints, identity and per-workload host needs (see the file comment). */
export const v1ToV2: MigrationStep = {
  from: API_VERSION_V1,
  to: API_VERSION_V2,
  summary:
    'choices.os/runtime became node pools; runtimeClassForUntrusted a sandbox pool; hostAccess privileged; apiAccess read-only API access; public workloads an internet endpoint',
  migrate,
}

/** A v2 Design from a v1 design object (as written or parsed); throws when it is not a valid v1 design. */
export function designFromV1(input: unknown): Design {
  return designSchema.parse(v1ToV2Document(designSchemaV1.parse(input)))
}
