// Hostile designs for the injection tests: every free-text field of an example design carries markup,
// script, Mermaid directives, Markdown, CSV formulas, interpolation and path payloads. Each payload
// holds the marker `pwn`, so a test can find every place user text lands in the output.
import { catalog } from '../../shared/catalog/index'
import { evaluate } from '../../shared/engine/index'
import type { OrchestratorFamily } from '../../shared/catalog/types'
import type { Design } from '../../shared/model/schema'
import { LIMITS, designSchema } from '../../shared/model/schema'
import { loadExample } from './designs'

/** Marks every payload; it appears nowhere in generated text unless user text put it there. */
export const MARKER = 'pwn'

/** Payloads by kind; the scripts set `window.__pwned`, which the browser test looks for. */
export const PAYLOADS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
  svg: '<svg onload="window.__pwned=1"><a xlink:href="javascript:window.__pwned=1">x</a></svg>',
  iframe: '<iframe src="javascript:window.__pwned=1"></iframe><object data="x.pwn"></object>',
  link: '<a href="javascript:window.__pwned=1">click</a> [md link](javascript:window.__pwned=1)',
  image: '![pwn](https://evil.example/pwn.png) <https://evil.example/pwn> www.evil.example/pwn',
  style:
    '<style>@import url(https://evil.example/pwn.css)</style><base href="https://evil.example/pwn/">',
  meta: '<meta http-equiv="refresh" content="0;url=https://evil.example/pwn">',
  directive: '%%{init: {"securityLevel": "loose", "pwn": 1}}%%',
  click: 'click w0 call window.__pwned() ; click w1 href "javascript:window.__pwned=1" pwn',
  mermaid: 'pwn"] --> evil["x"]\nend\nsubgraph pwn\n',
  markdown: '# pwn heading\n| pwn | table |\n---\n**pwn** `code` <!-- pwn --> ~~pwn~~ $pwn$',
  formulaEq: "=cmd|' /C calc pwn'!A0",
  formulaPlus: '+pwn+1',
  formulaMinus: '-pwn+1',
  formulaAt: '@SUM(pwn)',
  formulaTab: '\t=pwn()',
  formulaCr: '\r=pwn()',
  interpolation: '${env.PWN} $${pwn} %{ if true }pwn%{ endif } $PWN {{ .pwn }}',
  yamlBreak: 'pwn: "\n  injected: true\n- item\n---\nkind: Secret\n&a *a !!python/object # pwn',
  jsonBreak: '"}]}, {"pwn": "x", "__proto__": {"polluted": true}}',
  hclBreak: '"\n}\njob "pwn" {\n  # pwn',
  path: '../../etc/pwn /etc/pwn C:\\Windows\\pwn \\\\server\\pwn a\u0000pwn',
  controls: 'pwn\u0007\u001b[31m\u2028\u2029\u0085\ufeff\u202epwn',
} as const

const ALL = Object.values(PAYLOADS).join('\n')

/** Each orchestrator family and the example a hostile design is built from. */
export const FAMILY_EXAMPLES: readonly (readonly [OrchestratorFamily, string])[] = [
  ['kubernetes', 'payments-eks.stackwright.yaml'],
  ['ecs', 'small-team-ecs.stackwright.yaml'],
  ['swarm', 'windows-swarm.stackwright.yaml'],
  ['nomad', 'nomad-edge.stackwright.yaml'],
]

/** A design file name as hostile as a real file name can be (the CLI passes the basename). */
export const HOSTILE_FILE_NAME = '<img src=x onerror=pwn()> "pwn" %2e%2e & #.stackwright.yaml'

const short = (text: string) => text.slice(0, LIMITS.textShort)

/**
 * The example with `text(kind)` in every free-text field: title, owner, each decision, a note on every
 * finding (accepted) and each workload's justification. `hostile` and a benign twin share everything else.
 */
function withText(file: string, text: (field: string) => string): Design {
  const base = loadExample(file)
  const findings = evaluate(base, catalog).findings
  return designSchema.parse({
    ...base,
    metadata: {
      ...base.metadata,
      title: short(text('title')),
      owner: short(text('owner')),
    },
    decisions: {
      orchestrator: text('orchestrator'),
      nodes: text('nodes'),
      runtime: text('runtime'),
      os: text('os'),
      plugins: text('plugins'),
      isolation: text('isolation'),
      endpoints: text('endpoints'),
    },
    risks: Object.fromEntries(
      findings.map((f, i) => [f.id, { treatment: 'accepted', note: text(`risk ${i}`) }]),
    ),
    workloads: base.workloads.map((w) => ({
      ...w,
      needs: { ...w.needs, justification: text(`justification ${w.name}`) },
    })),
  })
}

/** Spreadsheet formula starts, one per risk note in turn, so every kind starts a CSV cell. */
export const FORMULAS = [
  PAYLOADS.formulaEq,
  PAYLOADS.formulaPlus,
  PAYLOADS.formulaMinus,
  PAYLOADS.formulaAt,
  PAYLOADS.formulaTab,
  PAYLOADS.formulaCr,
] as const

/** The example of `file` with every payload in every free-text field. */
export function hostileDesign(file: string): Design {
  return withText(file, (field) => {
    // A leading `%` or `!` once made the Swarm generator's YAML probe print warnings on stderr.
    // Title and owner end in the control characters: the title is the one text manifests carry.
    if (field === 'title')
      return `${PAYLOADS.directive} ${PAYLOADS.script} ${PAYLOADS.img} ${PAYLOADS.controls}`
    if (field === 'owner')
      return `${PAYLOADS.formulaEq} ${PAYLOADS.link} ${PAYLOADS.path} ${PAYLOADS.controls}`
    const risk = /^risk (\d+)$/.exec(field)
    if (risk) return `${FORMULAS[Number(risk[1]) % FORMULAS.length] ?? ''} ${ALL}`
    return ALL
  })
}

/** The same design with plain words where the hostile one has payloads: same structure, inert text. */
export function benignTwin(file: string): Design {
  return withText(file, (field) => `Plain text for ${field.replace(/[^a-z ]/gi, ' ')}.`)
}
