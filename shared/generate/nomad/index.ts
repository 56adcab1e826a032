// The Nomad generator: one HCL2 job, Consul intentions and a README.
import type { Catalog } from '../../catalog/types'
import type { Design } from '../../model/schema'
import type { GeneratorOutput } from '../types'
import { jobPath, nomadControls } from './controls'
import { renderIntentions } from './intentions'
import { renderJob } from './job'
import { planNomad } from './plan'
import { nomadReadme } from './readme'

/** Starter Nomad configuration for a design whose orchestrator is Nomad (throws otherwise). */
export function generateNomad(design: Design, catalog: Catalog): GeneratorOutput {
  const plan = planNomad(design, catalog)
  return {
    artifacts: [
      { path: 'nomad/README.md', content: nomadReadme(plan) },
      { path: jobPath(plan), content: renderJob(plan) },
      ...renderIntentions(plan),
    ],
    controls: nomadControls(plan),
  }
}
