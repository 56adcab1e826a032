// Decisions shared by the task definitions, the CloudFormation stack, the controls and the README.
import type { Catalog } from '../../catalog/types'
import type { Design, Workload } from '../../model/schema'
import {
  compare,
  resolveFlows,
  type DeclaredFlow,
  type SkippedDeclaration,
} from '../../util/declared-flows'
import { cpuMillicores, memoryMiB } from '../../util/quantities'
import { boundedName, createNameAllocator, pascalCase } from '../../util/unique-names'
import { cpuUnits, fargateSize, type TaskSize } from './fargate-size'
import type { LaunchType } from './types'

/** Fargate lets a task add exactly one capability (ECS API `KernelCapabilities`). */
export const FARGATE_ADDABLE_CAPABILITIES: readonly string[] = ['SYS_PTRACE']

/** IAM role names are limited to 64 characters. */
const IAM_ROLE_NAME_MAX = 64

/** EC2 task-level CPU tops out at 192 vCPU. */
const EC2_MAX_CPU = 196608

export interface EcsWorkloadPlan {
  readonly index: number
  readonly workload: Workload
  readonly windows: boolean
  /** Unique PascalCase prefix for this workload's CloudFormation logical ids. */
  readonly logicalId: string
  readonly family: string
  readonly taskRoleName: string
  readonly executionRoleName: string
  readonly logGroup: string
  readonly size: TaskSize
  /** How the design's request became a task size. */
  readonly sizing: 'as-requested' | 'rounded-up' | 'capped'
  readonly addCapabilities: readonly string[]
  /** Declared capabilities the launch type cannot grant. */
  readonly refusedCapabilities: readonly string[]
}

export interface EcsPlan {
  readonly design: Design
  readonly launchType: LaunchType
  readonly workloads: readonly EcsWorkloadPlan[]
  readonly flows: readonly DeclaredFlow[]
  readonly skipped: readonly SkippedDeclaration[]
}

/** Works out launch type, names, sizes and flows; throws when the design's orchestrator is not ECS. */
export function planEcs(design: Design, catalog: Catalog): EcsPlan {
  const orchestrator = catalog.orchestrators.find((o) => o.id === design.choices.orchestrator)
  if (orchestrator?.family !== 'ecs') {
    throw new Error(
      `generateEcs needs an ECS orchestrator, but the design chooses "${design.choices.orchestrator}"`,
    )
  }
  const launchType: LaunchType = orchestrator.id === 'ecs-fargate' ? 'FARGATE' : 'EC2'
  const graph = resolveFlows(design)
  const logicalIds = createNameAllocator('N')
  const sorted = [...graph.workloads].sort((a, b) => compare(a.workload.name, b.workload.name))
  const ids = new Map(sorted.map((w) => [w.workload.name, logicalIds(pascalCase(w.workload.name))]))

  const workloads = graph.workloads.map(({ index, workload }): EcsWorkloadPlan => {
    const windows = workload.os === 'windows'
    const requested = {
      cpu: cpuUnits(cpuMillicores(workload.resources.cpu)),
      memory: memoryMiB(workload.resources.memory),
    }
    const base = `${design.metadata.name}-${workload.name}`
    const declaredCaps = windows ? [] : [...workload.needs.capabilities].sort()
    const addCapabilities =
      launchType === 'FARGATE'
        ? declaredCaps.filter((c) => FARGATE_ADDABLE_CAPABILITIES.includes(c))
        : declaredCaps
    return {
      index,
      workload,
      windows,
      logicalId: ids.get(workload.name) ?? pascalCase(workload.name),
      family: base,
      taskRoleName: boundedName(`${base}-task`, IAM_ROLE_NAME_MAX),
      executionRoleName: boundedName(`${base}-execution`, IAM_ROLE_NAME_MAX),
      logGroup: `/stackwright/${design.metadata.name}/${workload.name}`,
      ...sizeFor(launchType, requested, windows),
      addCapabilities,
      refusedCapabilities: declaredCaps.filter((c) => !addCapabilities.includes(c)),
    }
  })
  return { design, launchType, workloads, flows: graph.flows, skipped: graph.skipped }
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
