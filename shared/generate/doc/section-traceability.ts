// Section 9: traceability: every control the manifest generator emitted, where, why and which checks it meets.
import type { DocInput } from './input'
import type { Block, Inline, Section, Text } from './model'

/** The traceability section. */
export function traceabilitySection({ controls }: DocInput): Section {
  const codes = (xs: readonly string[] | undefined): Text =>
    xs === undefined || xs.length === 0
      ? '-'
      : xs.flatMap((x, i): Inline[] => (i === 0 ? [{ code: x }] : [', ', { code: x }]))
  const plain = (xs: readonly string[] | undefined): string =>
    xs === undefined || xs.length === 0 ? '-' : xs.join(', ')
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'Every control the starter manifests put in place, traced to the rule or design path that caused it and to the checks it satisfies: Pod Security Standards (PSS), CIS benchmarks, NIST SP 800-190 and linter checks.',
    },
    controls.length === 0
      ? {
          kind: 'paragraph',
          text: 'The manifest generator for this orchestrator emitted no controls.',
        }
      : {
          kind: 'table',
          header: [
            'Control',
            'What',
            'Generated where',
            'Caused by',
            'PSS',
            'CIS',
            'NIST SP 800-190',
            'Linters',
          ],
          rows: controls.map((c): Text[] => [
            [{ code: c.id }],
            c.title,
            codes(c.where),
            [{ code: c.causedBy }],
            plain(c.checks.pss),
            plain(c.checks.cis),
            plain(c.checks.nist),
            plain(c.checks.linters),
          ]),
        },
  ]
  return { id: 'traceability', title: 'Traceability', blocks }
}
