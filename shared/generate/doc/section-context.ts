// Section 2: context and requirements, as the architect entered them.
import type { DocInput } from './input'
import { yesNo } from './input'
import type { Section } from './model'

/** The context and requirements section. */
export function contextSection({ design }: DocInput): Section {
  const { context } = design
  const req = context.requirements
  const p = context.priorities
  const teams = new Map<string, number>()
  for (const w of design.workloads) teams.set(w.team, (teams.get(w.team) ?? 0) + 1)
  const compliance = req.compliance.filter((c) => c !== 'none')
  return {
    id: 'context',
    title: 'Context and requirements',
    blocks: [
      {
        kind: 'table',
        header: ['Item', 'Value'],
        rows: [
          ['Cloud', context.cloud],
          ['Nodes (all pools)', String(design.nodePools.reduce((n, p) => n + p.size, 0))],
          ['Team Kubernetes experience', context.team.kubernetesExperience],
          ['Team operations capacity', context.team.opsCapacity],
          ['Windows workloads', yesNo(req.windowsWorkloads)],
          ['Untrusted (third-party or customer) code', yesNo(req.untrustedWorkloads)],
          ['Multi-tenant', yesNo(req.multiTenant)],
          ['Compliance frameworks', compliance.length === 0 ? 'none' : compliance.join(', ')],
          ['Air-gapped', yesNo(req.airGapped)],
          [
            'Priorities (0-5)',
            `security ${p.security}, simplicity ${p.simplicity}, portability ${p.portability}, visibility ${p.visibility}, cost ${p.cost}`,
          ],
          ['Workloads', String(design.workloads.length)],
          ['Teams', [...teams].map(([team, n]) => `${team} (${n})`).join(', ') || 'none'],
        ],
      },
    ],
  }
}
