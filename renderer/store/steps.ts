// The wizard's steps, in order: one list drives the rail, the progress bar and Back/Next.

export const STEPS = [
  { id: 'context', title: 'Context', hint: 'Cloud, team, requirements, priorities' },
  { id: 'workloads', title: 'Workloads', hint: 'What runs and who talks to whom' },
  { id: 'orchestrator', title: 'Orchestrator', hint: 'Who schedules the containers' },
  { id: 'nodes', title: 'Nodes', hint: 'Node pools and what lands where' },
  { id: 'runtime', title: 'Runtime', hint: 'Engine and sandboxes' },
  { id: 'os', title: 'Host OS', hint: 'What the primary pool runs' },
  { id: 'plugins', title: 'Plugins', hint: 'Networking, policy, detection, secrets' },
  { id: 'isolation', title: 'Isolation', hint: 'Pod security, namespaces, network' },
  { id: 'review', title: 'Review', hint: 'Diagram, risks, compare stacks' },
  { id: 'export', title: 'Export', hint: 'Document and starter manifests' },
] as const

export type StepId = (typeof STEPS)[number]['id']

/** The step before or after `step`, or undefined at either end. */
export function neighbourStep(step: StepId, direction: -1 | 1): StepId | undefined {
  const index = STEPS.findIndex((s) => s.id === step)
  return STEPS[index + direction]?.id
}

/** The step where a design path is edited, so the rail can flag steps with problems. */
export function stepOfPath(path: string): StepId | undefined {
  if (path.startsWith('context') || path.startsWith('metadata')) return 'context'
  if (path.startsWith('workloads') || path.startsWith('endpoints')) return 'workloads'
  if (path.startsWith('choices.orchestrator')) return 'orchestrator'
  if (path.startsWith('nodePools')) return 'nodes'
  if (path.startsWith('choices.plugins')) return 'plugins'
  if (path.startsWith('isolation')) return 'isolation'
  if (path.startsWith('risks') || path.startsWith('decisions')) return 'review'
  return undefined
}
