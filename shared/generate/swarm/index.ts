// The Swarm generator: one compose stack file and a README.
import type { Catalog } from '../../catalog/types'
import type { Design } from '../../model/schema'
import { resolveFlows } from '../../util/declared-flows'
import type { GeneratorOutput } from '../types'
import { STACK_PATH, swarmControls } from './controls'
import { planNetworks } from './networks'
import { swarmReadme } from './readme'
import { buildStack, planPublishedPorts, type StackPlan } from './stack'
import { stringifyYaml } from './yaml'

/** Starter `docker stack deploy` configuration for a design whose orchestrator is Swarm (throws otherwise). */
export function generateSwarm(design: Design, catalog: Catalog): GeneratorOutput {
  const orchestrator = catalog.orchestrators.find((o) => o.id === design.choices.orchestrator)
  if (orchestrator?.family !== 'swarm') {
    throw new Error(
      `generateSwarm needs the Swarm orchestrator, but the design chooses "${design.choices.orchestrator}"`,
    )
  }
  const graph = resolveFlows(design)
  const plan: StackPlan = {
    design,
    workloads: graph.workloads,
    networks: planNetworks(graph.workloads, graph.flows),
    published: planPublishedPorts(graph.workloads),
  }
  return {
    artifacts: [
      { path: 'swarm/README.md', content: swarmReadme(plan, graph.skipped) },
      { path: STACK_PATH, content: stringifyYaml(buildStack(plan)) },
    ],
    controls: swarmControls(plan),
  }
}
