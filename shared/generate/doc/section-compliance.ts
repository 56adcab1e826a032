// Section 8: compliance notes for the frameworks the design names: what matters and what the engine says.
import type { DocInput } from './input'
import type { Block, Section, Text } from './model'
import { refs } from './model'
import type { Framework } from './compliance-map'
import { COMPLIANCE_NOTES } from './compliance-map'

/** The compliance notes section. */
export function complianceSection({ design, evaluation }: DocInput): Section {
  const frameworks = design.context.requirements.compliance.filter(
    (c): c is Framework => c !== 'none',
  )
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'These notes point reviewers at the parts of each framework a container platform design touches and at what the engine found there. They are not a compliance attestation: an assessment covers processes, evidence and scope that no design file captures.',
    },
  ]
  if (frameworks.length === 0)
    blocks.push({ kind: 'paragraph', text: 'The design names no compliance framework.' })
  const raised = new Map<string, string>()
  for (const f of evaluation.findings) raised.set(f.id, `${f.id} (${f.severity}, ${f.treatment})`)
  for (const v of evaluation.violations) raised.set(v.id, `${v.id} (violation)`)
  for (const fw of frameworks) {
    const notes = COMPLIANCE_NOTES[fw]
    blocks.push(
      { kind: 'heading', text: notes.name },
      {
        kind: 'table',
        header: ['Control', 'Topic', 'What the engine reports', 'Source'],
        rows: notes.items.map((item): Text[] => {
          const hits = [...new Set(item.rules)].flatMap((r) => {
            const text = raised.get(r)
            return text === undefined ? [] : [text]
          })
          const status =
            item.rules.length === 0
              ? 'Not assessed by the engine.'
              : hits.length === 0
                ? 'No finding raised.'
                : hits.join('; ')
          return [item.control, item.topic, status, refs([notes.reference])]
        }),
      },
    )
  }
  return { id: 'compliance', title: 'Compliance notes', blocks }
}
