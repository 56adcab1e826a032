// Section 6: the risk register: every finding with severity, why, fix and the architect's treatment.
import type { DocInput } from './input'
import type { Block, Section, Text } from './model'
import { refs } from './model'

/** The risk register section. */
export function risksSection({ design, evaluation }: DocInput): Section {
  const { findings } = evaluation
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'Findings are open unless the design records a treatment (mitigated, accepted or transferred) with a note under risks: keyed by the finding id.',
    },
  ]
  if (findings.length === 0)
    blocks.push({ kind: 'paragraph', text: 'The engine raises no finding for this design.' })
  else {
    blocks.push({
      kind: 'table',
      header: ['ID', 'Severity', 'Finding', 'Why', 'What to do', 'Treatment', 'Note', 'References'],
      rows: findings.map((f): Text[] => [
        [{ code: f.id }],
        f.severity,
        f.title,
        f.why,
        f.fix,
        f.treatment,
        f.note === '' ? '-' : f.note,
        refs(f.references),
      ]),
    })
  }
  const reported = new Set(findings.map((f) => f.id))
  const stale = Object.keys(design.risks)
    .filter((id) => !reported.has(id))
    .sort()
  if (stale.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: [
        `Treatments recorded for findings the engine does not raise for this design: ${stale.join(', ')}.`,
      ],
    })
  }
  if (evaluation.violations.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `${evaluation.violations.length} hard incompatibilities (see the summary) are not risks to accept: the design cannot be built until they are fixed.`,
    })
  }
  return { id: 'risk-register', title: 'Risk register', blocks }
}
