// The Swarm generator: one compose stack file and a README.
import type { Catalog } from '../../catalog/types'
import { postureOf } from '../../engine/posture/index'
import type { Design } from '../../model/schema'
import { resolveEndpointFlows, resolveFlows } from '../../util/declared-flows'
import type { GeneratorOutput } from '../types'
import { STACK_PATH, swarmControls } from './controls'
import { planNetworks } from './networks'
import { placeService } from './placement'
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
  const posture = postureOf(design, catalog)
  const graph = resolveFlows(design)
  const placements = new Map(
    graph.workloads.map(({ index, workload }) => [
      workload.name,
      placeService(posture.pools, workload, posture.placements[index]),
    ]),
  )
  const generated = new Set(graph.workloads.map((w) => w.index))
  const endpointFlows = resolveEndpointFlows(design).filter((f) => generated.has(f.workloadIndex))
  const ingress = new Set(endpointFlows.filter((f) => f.direction === 'in').map((f) => f.workload))
  const egress = new Set(
    endpointFlows
      .filter(
        (f) =>
          f.direction === 'out' && design.endpoints[f.endpointIndex]?.kind !== 'orchestrator-api',
      )
      .map((f) => f.workload),
  )
  const windows = new Set([...placements].filter(([, p]) => p.os === 'windows').map(([n]) => n))
  const plan: StackPlan = {
    design,
    workloads: graph.workloads,
    networks: planNetworks(graph.workloads, graph.flows, windows, egress),
    published: planPublishedPorts(graph.workloads, ingress),
    placements,
    endpointFlows,
  }
  return {
    artifacts: [
      { path: 'swarm/README.md', content: swarmReadme(plan, graph.skipped) },
      { path: STACK_PATH, content: stringifyYaml(buildStack(plan)) },
    ],
    controls: swarmControls(plan),
  }
}
