// Section 1: summary with the overall score, the seven criteria, the isolation balance and violations.
import { stackOf } from '../../engine/stack'
import { getOrchestrator, getOs, getRuntime } from '../../catalog/index'
import type { Criterion } from '../../engine/types'
import { CRITERIA } from '../../engine/types'
import { assertNever } from '../../util/assert-never'
import type { DocInput } from './input'
import { plural } from './input'
import type { Block, Inline, Section } from './model'
import { refs } from './model'

/** What each criterion measures, in one line (the engine's own definition, DESIGN.md). */
export function criterionMeaning(k: Criterion): string {
  switch (k) {
    case 'isolation':
      return 'Kernel sharing, pod security level, network posture, namespaces, OS hardening'
    case 'least-privilege':
      return 'Granular per-workload contexts, capabilities, service-account tokens, host access'
    case 'attack-surface':
      return 'Plugins weighted by privilege and maturity, OS footprint, exposure'
    case 'operability':
      return 'Complexity versus team experience and ops capacity, managed control plane'
    case 'visibility':
      return 'Runtime detection, audit, monitoring reach'
    case 'portability':
      return 'Lock-in, Windows and runtime options'
    case 'cost':
      return 'Managed-service fees, sandbox overhead, virtualisation needs, licences'
    default:
      return assertNever(k)
  }
}

/** The summary section. */
export function summarySection(input: DocInput): Section {
  const { design, evaluation, catalog } = input
  const o = getOrchestrator(catalog, design.choices.orchestrator)
  const stack = stackOf(design, catalog)
  const r = getRuntime(catalog, stack.runtime)
  const os = getOs(catalog, stack.os)
  const { findings, violations } = evaluation
  const count = (s: string) => findings.filter((f) => f.severity === s).length
  const open = findings.filter((f) => f.treatment === 'open').length

  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: [
        'Design ',
        { code: design.metadata.name },
        design.metadata.owner === '' ? '' : `, owned by ${design.metadata.owner}`,
        `. Stack: ${o.name} on ${os.name} with ${r.name}`,
        design.choices.plugins.length === 0
          ? ', no third-party plugins.'
          : `, ${plural(design.choices.plugins.length, 'plugin')}.`,
      ],
    },
    {
      kind: 'paragraph',
      text: [
        'Overall score: ',
        { strong: `${evaluation.scores.overall} / 100` },
        ` (the seven criteria weighted by the design’s priorities: ${evaluation.scores.criteriaMean.toFixed(1)}${findingsShare(evaluation)}). `,
        `Findings: ${findings.length} (${count('high')} high, ${count('medium')} medium, ${count('low')} low; ${open} open).`,
      ],
    },
    violationsBlock(input),
    {
      kind: 'table',
      header: ['Criterion', 'Score', 'Weight', 'What it measures'],
      barColumn: 1,
      rows: CRITERIA.map((k) => [
        k,
        String(evaluation.scores.criteria[k].score),
        String(evaluation.scores.weights[k]),
        criterionMeaning(k),
      ]),
    },
    { kind: 'heading', text: 'Isolation balance' },
    ...balanceBlocks(input),
  ]
  if (violations.length > 0) {
    blocks.splice(3, 0, {
      kind: 'list',
      items: violations.map((v) => [
        { code: v.id },
        `: ${v.message} Fix: ${v.fix} `,
        ...refs(v.references),
      ]),
    })
  }
  return { id: 'summary', title: 'Summary', blocks }
}

function violationsBlock({ evaluation }: DocInput): Block {
  const n = evaluation.violations.length
  return {
    kind: 'paragraph',
    text:
      n === 0
        ? 'The engine reports no hard incompatibility: the design can be built as written.'
        : [
            {
              strong: `${n} hard ${n === 1 ? 'incompatibility' : 'incompatibilities'} must be fixed before this design can be built:`,
            },
          ],
  }
}

function balanceBlocks({ evaluation }: DocInput): Block[] {
  const { value, tooLittle, tooMuch } = evaluation.isolationBalance
  const verdict =
    value < -10 ? 'too little isolation' : value > 10 ? 'too much isolation' : 'balanced'
  const reasons = (list: typeof tooLittle): Block =>
    list.length === 0
      ? { kind: 'paragraph', text: 'None.' }
      : {
          kind: 'list',
          items: list.map((b): Inline[] => [
            { code: b.rule },
            ` (weight ${b.weight}): ${b.reason} `,
            ...refs(b.references),
          ]),
        }
  return [
    {
      kind: 'gauge',
      value,
      caption: `${value} on a scale from -100 (too little isolation) to +100 (too much: it breaks applications); 0 is balanced. Verdict: ${verdict}.`,
    },
    { kind: 'paragraph', text: [{ strong: 'Too little isolation:' }] },
    reasons(tooLittle),
    { kind: 'paragraph', text: [{ strong: 'Too much isolation:' }] },
    reasons(tooMuch),
  ]
}

/** ", less N for open findings" when findings lower the overall (see the README on the score). */
function findingsShare(evaluation: DocInput['evaluation']): string {
  const penalty = -evaluation.scores.findingPenalties.reduce((sum, p) => sum + p.points, 0)
  return penalty === 0 ? '' : `, less ${penalty.toFixed(1)} for findings not mitigated`
}
