// The ECS generator: task definitions, a CloudFormation stack for services and security groups, a README.
import type { Catalog } from '../../catalog/types'
import type { Design } from '../../model/schema'
import { escapeJsonControls } from '../../util/control-chars'
import type { Artifact, GeneratorOutput } from '../types'
import { ecsControls, STACK_PATH, taskDefinitionPath } from './controls'
import { planEcs } from './plan'
import { ecsReadme } from './readme'
import { buildStack } from './stack'
import { buildTaskDefinition } from './task-definition'

/** Starter ECS configuration for a design whose orchestrator is ecs-ec2 or ecs-fargate (throws otherwise). */
export function generateEcs(design: Design, catalog: Catalog): GeneratorOutput {
  const plan = planEcs(design, catalog)
  const { template, rules } = buildStack(plan)
  const artifacts: Artifact[] = [
    { path: 'ecs/README.md', content: ecsReadme(plan) },
    { path: STACK_PATH, content: json(template) },
    ...plan.workloads.map((w) => ({
      path: taskDefinitionPath(w.workload.name),
      content: json(buildTaskDefinition(plan, w)),
    })),
  ]
  return { artifacts, controls: ecsControls(plan, rules) }
}

// Control and bidi characters in a description become `\u` escapes: the same value, no raw bytes.
function json(value: unknown): string {
  return escapeJsonControls(JSON.stringify(value, null, 2)) + '\n'
}
