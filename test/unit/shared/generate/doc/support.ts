// Shared helpers of the document tests: a hostile design and the generated artifacts by name.
import { catalog } from '../../../../../shared/catalog/index'
import { evaluate } from '../../../../../shared/engine/index'
import { generateDocument } from '../../../../../shared/generate/doc/index'
import { type Design, designSchema } from '../../../../../shared/model/schema'
import { loadExample } from '../../../../support/designs'

export const SCRIPT = '<script>alert(1)</script>'
export const DIRECTIVE = '%%{init: {"securityLevel":"loose"}}%%'
export const CLICK = 'click web call alert()'
export const FORMULA = "=cmd|' /C calc'!A0"
export const PIPES = '| table | break |'
export const LINK = '[x](javascript:alert(1))'
export const IMG = '<img src=x onerror=alert(1)>'
const ALL = [SCRIPT, DIRECTIVE, CLICK, FORMULA, PIPES, LINK, IMG].join('\n')

/** The payments example with hostile text in every free-text field the document prints. */
export function hostileDesign(): Design {
  const base = loadExample('payments-eks.stackwright.yaml')
  const finding = evaluate(base, catalog).findings[0]?.id ?? 'RISK-AUDIT-OFF'
  return designSchema.parse({
    ...base,
    metadata: {
      ...base.metadata,
      title: `${SCRIPT} ${DIRECTIVE}`.slice(0, 200),
      owner: `${CLICK} ${LINK}`,
    },
    decisions: {
      orchestrator: ALL,
      nodes: FORMULA,
      os: PIPES,
      plugins: IMG,
      isolation: LINK,
      endpoints: CLICK,
    },
    risks: { [finding]: { treatment: 'accepted', note: ALL } },
    workloads: base.workloads.map((w, i) =>
      i === 0
        ? {
            ...w,
            needs: {
              ...w.needs,
              hostPaths: [{ path: '/var/log', readOnly: true }],
              justification: ALL,
            },
          }
        : w,
    ),
  })
}

/** design.md and design.html of a design, by name. */
export function documentOf(design: Design): { md: string; html: string } {
  const artifacts = generateDocument(design, evaluate(design, catalog), catalog)
  const get = (path: string) => artifacts.find((a) => a.path === path)?.content ?? ''
  return { md: get('design.md'), html: get('design.html') }
}
