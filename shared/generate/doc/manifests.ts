// Which manifest generator serves an orchestrator family: the document traces that generator's controls.
import type { Catalog, OrchestratorFamily } from '../../catalog/types'
import type { Design } from '../../model/schema'
import { assertNever } from '../../util/assert-never'
import { generateEcs } from '../ecs/index'
import { generateKubernetes } from '../kubernetes/index'
import { generateNomad } from '../nomad/index'
import { generateSwarm } from '../swarm/index'
import type { GeneratorOutput } from '../types'

export type ManifestGenerator = (design: Design, catalog: Catalog) => GeneratorOutput

/** The manifest generator of a family. */
export function manifestGenerator(family: OrchestratorFamily): ManifestGenerator {
  switch (family) {
    case 'kubernetes':
      return generateKubernetes
    case 'ecs':
      return generateEcs
    case 'swarm':
      return generateSwarm
    case 'nomad':
      return generateNomad
    default:
      return assertNever(family)
  }
}
