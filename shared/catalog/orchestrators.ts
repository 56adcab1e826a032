// The orchestrators table, in ORCHESTRATOR_IDS order; entries live in orchestrators/ by family.
import type { Orchestrator } from './types'
import { aks, eks, gke, gkeAutopilot } from './orchestrators/managed-kubernetes'
import { kubernetes, openshift } from './orchestrators/self-managed-kubernetes'
import { ecsEc2, ecsFargate } from './orchestrators/ecs'
import { nomad, swarm } from './orchestrators/swarm-nomad'

export const orchestrators: readonly Orchestrator[] = [
  kubernetes,
  eks,
  gke,
  gkeAutopilot,
  aks,
  openshift,
  ecsEc2,
  ecsFargate,
  swarm,
  nomad,
]
