// Decisions shared by the task definitions, the CloudFormation stack, the controls and the README.
// Placement comes from the engine's posture (`postureOf`): each workload's pool decides its launch
// type, capacity provider and OS family; endpoints decide its egress and load-balancer ingress.
import type { Catalog } from '../../catalog/types'
import { postureOf, RESTRICTED_CAPABILITIES, type PoolView } from '../../engine/posture/index'
import type { Design, Endpoint, Workload } from '../../model/schema'
import {
  compare,
  resolveEndpointFlows,
  resolveFlows,
  type DeclaredFlow,
  type SkippedDeclaration,
} from '../../util/declared-flows'
import { cpuMillicores, memoryMiB } from '../../util/quantities'
import { boundedName, createNameAllocator, pascalCase } from '../../util/unique-names'
import { cpuUnits, fargateSize, type TaskSize } from './fargate-size'
import { ACCOUNT_PLACEHOLDER } from './task-definition'
import type { LaunchType } from './types'

/** Fargate lets a task add exactly one capability (ECS API `KernelCapabilities`). */
export const FARGATE_ADDABLE_CAPABILITIES: readonly string[] = ['SYS_PTRACE']

/** IAM role names are limited to 64 characters. */
const IAM_ROLE_NAME_MAX = 64

/** EC2 task-level CPU tops out at 192 vCPU. */
const EC2_MAX_CPU = 196608

/** One egress rule set to something outside the VPC's tasks, from a `talksTo` naming an endpoint. */
export interface EndpointEgress {
  readonly endpoint: Endpoint
  readonly path: string
  readonly ports: readonly number[]
  /**
   * `cidrs`: one rule per declared block and port; `anywhere`: an internet endpoint (0.0.0.0/0);
   * `proxy`: DNS names, which a security group cannot match, so the rule goes to the egress proxy range.
   */
  readonly via: 'cidrs' | 'anywhere' | 'proxy'
  readonly cidrs: readonly string[]
}

export interface EcsWorkloadPlan {
  readonly index: number
  readonly workload: Workload
  readonly windows: boolean
  /** The node pool the posture placed it on; undefined when it cannot be placed. */
  readonly pool: PoolView | undefined
  readonly placementProblem: string | undefined
  readonly launchType: LaunchType
  /** Template parameter naming the EC2 capacity provider of its pool (EC2 tasks on a known pool). */
  readonly capacityProviderParam: string | undefined
  /** Unique PascalCase prefix for this workload's CloudFormation logical ids. */
  readonly logicalId: string
  readonly family: string
  /** The task role ARN, from `identity.cloudRole`; undefined when the workload declares none. */
  readonly taskRoleArn: string | undefined
  readonly executionRoleName: string
  readonly logGroup: string
  readonly size: TaskSize
  /** How the design's request became a task size. */
  readonly sizing: 'as-requested' | 'rounded-up' | 'capped'
  readonly addCapabilities: readonly string[]
  /** Declared capabilities the launch type cannot grant. */
  readonly refusedCapabilities: readonly string[]
  /** Host-level exceptions granted (justified, and possible on the launch type). */
  readonly privileged: boolean
  readonly hostPid: boolean
  readonly hostPaths: Workload['needs']['hostPaths']
  /** Declared exceptions not granted, each with the reason. */
  readonly notGranted: readonly string[]
  readonly egress: readonly EndpointEgress[]
  /** Ports a load balancer in front of an internet endpoint may reach. */
  readonly loadBalancerPorts: readonly number[]
  /** Endpoint declarations ECS cannot express, each with the reason. */
  readonly endpointNotes: readonly string[]
}

export interface EcsPlan {
  readonly design: Design
  /** The launch types used, sorted. */
  readonly launchTypes: readonly LaunchType[]
  readonly workloads: readonly EcsWorkloadPlan[]
  readonly flows: readonly DeclaredFlow[]
  readonly skipped: readonly SkippedDeclaration[]
}

/**
 * A pool's launch type: Fargate for a `fargate` pool, EC2 for a Docker Engine pool, when the
 * orchestrator runs that runtime; otherwise (a violation the engine reports) the orchestrator's own.
 */
function launchTypeOf(
  pool: PoolView | undefined,
  runtimes: readonly string[],
  fallback: LaunchType,
): LaunchType {
  const id = pool?.runtime.id
  if (id === undefined || !runtimes.includes(id)) return fallback
  if (id === 'fargate') return 'FARGATE'
  if (id === 'docker' || id === 'windows-process') return 'EC2'
  return fallback
}

/** `identity.cloudRole` as a role ARN: an ARN stays as written, a role name gets the account placeholder. */
export function taskRoleArnOf(cloudRole: string | undefined, account: string): string | undefined {
  if (cloudRole === undefined) return undefined
  return cloudRole.startsWith('arn:') ? cloudRole : `arn:aws:iam::${account}:role/${cloudRole}`
}

/** Works out placement, names, sizes, flows and endpoints; throws when the orchestrator is not ECS. */
export function planEcs(design: Design, catalog: Catalog): EcsPlan {
  const orchestrator = catalog.orchestrators.find((o) => o.id === design.choices.orchestrator)
  if (orchestrator?.family !== 'ecs') {
    throw new Error(
      `generateEcs needs an ECS orchestrator, but the design chooses "${design.choices.orchestrator}"`,
    )
  }
  const fallback: LaunchType = orchestrator.id === 'ecs-fargate' ? 'FARGATE' : 'EC2'
  const posture = postureOf(design, catalog)
  const graph = resolveFlows(design)
  const endpointFlows = resolveEndpointFlows(design)
  const logicalIds = createNameAllocator('N')
  const sorted = [...graph.workloads].sort((a, b) => compare(a.workload.name, b.workload.name))
  const ids = new Map(sorted.map((w) => [w.workload.name, logicalIds(pascalCase(w.workload.name))]))
  const poolIds = createNameAllocator('N')
  const poolParams = new Map<string, string>()
  const capacityParam = (pool: PoolView) => {
    const known = poolParams.get(pool.pool.name)
    if (known) return known
    const id = poolIds(`CapacityProvider${pascalCase(pool.pool.name)}`)
    poolParams.set(pool.pool.name, id)
    return id
  }

  const workloads = graph.workloads.map(({ index, workload }): EcsWorkloadPlan => {
    const placement = posture.placements[index]
    const pool = placement?.pool
    const launchType = launchTypeOf(pool, orchestrator.runtimes, fallback)
    const windows = (pool?.os.family ?? workload.os) === 'windows'
    const linuxEc2 = !windows && launchType === 'EC2'
    const justified = (workload.needs.justification ?? '').trim().length > 0
    const requested = {
      cpu: cpuUnits(cpuMillicores(workload.resources.cpu)),
      memory: memoryMiB(workload.resources.memory),
    }
    const base = `${design.metadata.name}-${workload.name}`
    const declaredCaps = windows ? [] : [...workload.needs.capabilities].sort()
    const allowedCaps = declaredCaps.filter((c) => justified || RESTRICTED_CAPABILITIES.includes(c))
    const addCapabilities =
      launchType === 'FARGATE'
        ? allowedCaps.filter((c) => FARGATE_ADDABLE_CAPABILITIES.includes(c))
        : allowedCaps
    const notGranted: string[] = []
    const unjustified = declaredCaps.filter((c) => !allowedCaps.includes(c))
    if (unjustified.length > 0)
      notGranted.push(
        `capabilities ${unjustified.map((c) => `\`${c}\``).join(', ')}: the workload gives no \`needs.justification\``,
      )
    const hostNeed = (declared: boolean, what: string, possible: boolean, why: string) => {
      if (!declared) return false
      if (!justified) notGranted.push(`${what}: the workload gives no \`needs.justification\``)
      else if (!possible) notGranted.push(`${what}: ${why}`)
      return justified && possible
    }
    const ec2Only = windows
      ? 'ECS does not support it for Windows containers'
      : 'Fargate does not support it, only EC2 container instances can'
    const privileged = hostNeed(workload.needs.privileged, 'privileged mode', linuxEc2, ec2Only)
    const hostPid = hostNeed(workload.needs.hostPID, 'host PID namespace', linuxEc2, ec2Only)
    const hostPaths = hostNeed(
      workload.needs.hostPaths.length > 0,
      `host paths ${workload.needs.hostPaths.map((h) => `\`${h.path}\``).join(', ')}`,
      linuxEc2,
      ec2Only,
    )
      ? workload.needs.hostPaths
      : []
    hostNeed(
      workload.needs.hostNetwork,
      'host network',
      false,
      'network mode `host` would take the task off its own ENI and security group, so it is not generated',
    )
    const mine = endpointFlows.filter((f) => f.workloadIndex === index)
    const endpointNotes: string[] = []
    const egress = mine.flatMap((f): EndpointEgress[] => {
      const endpoint = design.endpoints[f.endpointIndex]
      if (f.direction !== 'out' || endpoint === undefined) return []
      if (endpoint.kind === 'orchestrator-api') {
        endpointNotes.push(
          `\`${f.path}\` reaches the orchestrator API \`${endpoint.name}\`: tasks call the ECS API with their task role's IAM permissions, so no rule is generated for it.`,
        )
        return []
      }
      const out: EndpointEgress[] = []
      const common = { endpoint, path: f.path, ports: f.ports }
      if (endpoint.kind === 'internet') return [{ ...common, via: 'anywhere', cidrs: [] }]
      if (endpoint.cidrs.length > 0)
        out.push({ ...common, via: 'cidrs', cidrs: [...endpoint.cidrs].sort(compare) })
      if (endpoint.hosts.length > 0 || endpoint.cidrs.length === 0)
        out.push({ ...common, via: 'proxy', cidrs: [] })
      return out
    })
    const inbound = mine.filter((f) => f.direction === 'in')
    const viaLoadBalancer = inbound.filter(
      (f) => design.endpoints[f.endpointIndex]?.ingress === 'load-balancer',
    )
    for (const f of inbound.filter((x) => !viaLoadBalancer.includes(x)))
      endpointNotes.push(
        `\`${f.path}\` is public through \`${f.endpoint}\` with an ingress controller, which ECS does not have: no ingress is generated. Use \`ingress: load-balancer\`.`,
      )
    return {
      index,
      workload,
      windows,
      pool,
      placementProblem: placement?.problem?.message,
      launchType,
      capacityProviderParam: launchType === 'EC2' && pool ? capacityParam(pool) : undefined,
      logicalId: ids.get(workload.name) ?? pascalCase(workload.name),
      family: base,
      taskRoleArn: taskRoleArnOf(workload.identity.cloudRole, ACCOUNT_PLACEHOLDER),
      executionRoleName: boundedName(`${base}-execution`, IAM_ROLE_NAME_MAX),
      logGroup: `/stackwright/${design.metadata.name}/${workload.name}`,
      ...sizeFor(launchType, requested, windows),
      addCapabilities,
      refusedCapabilities: allowedCaps.filter((c) => !addCapabilities.includes(c)),
      privileged,
      hostPid,
      hostPaths,
      notGranted,
      egress,
      loadBalancerPorts:
        viaLoadBalancer.length > 0 ? [...workload.ports].sort((a, b) => a - b) : [],
      endpointNotes,
    }
  })
  const launchTypes = [...new Set(workloads.map((w) => w.launchType))].sort(compare)
  return {
    design,
    launchTypes: launchTypes.length > 0 ? launchTypes : [fallback],
    workloads,
    flows: graph.flows,
    skipped: graph.skipped,
  }
}

function sizeFor(
  launchType: LaunchType,
  requested: TaskSize,
  windows: boolean,
): Pick<EcsWorkloadPlan, 'size' | 'sizing'> {
  if (launchType === 'EC2') {
    // EC2 task-level CPU must be 128..196608 units; Docker needs at least 6 MiB per container.
    const size = {
      cpu: Math.min(EC2_MAX_CPU, Math.max(128, requested.cpu)),
      memory: Math.max(6, requested.memory),
    }
    if (requested.cpu > EC2_MAX_CPU) return { size, sizing: 'capped' }
    const same = size.cpu === requested.cpu && size.memory === requested.memory
    return { size, sizing: same ? 'as-requested' : 'rounded-up' }
  }
  const fit = fargateSize(requested.cpu, requested.memory, windows ? 'windows' : 'linux')
  if (fit.capped) return { size: fit.size, sizing: 'capped' }
  const same = fit.size.cpu === requested.cpu && fit.size.memory === requested.memory
  return { size: fit.size, sizing: same ? 'as-requested' : 'rounded-up' }
}
