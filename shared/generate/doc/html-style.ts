// The stylesheet of design.html: light screen styles and a print stylesheet (clean PDF, page breaks).
import { SYSTEM_FONTS } from './svg'

/** Inline CSS for design.html: no web font, no url(), nothing that fetches. */
export const HTML_STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 2rem 1.5rem 4rem; font-family: ${SYSTEM_FONTS};
  font-size: 15px; line-height: 1.5; color: #1f2937; background: #ffffff; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #e5e7eb; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
p { margin: .5rem 0; }
code { font-family: ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace; font-size: .85em;
  background: #f3f4f6; padding: .05rem .3rem; border-radius: 3px; overflow-wrap: anywhere; }
.subtitle { color: #4b5563; margin: 0 0 1rem; }
nav.toc ol { columns: 2; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .85rem; }
th, td { border: 1px solid #d1d5db; padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f3f4f6; }
tbody tr:nth-child(even) td { background: #fafafa; }
.bar { display: inline-block; width: 8rem; height: .6rem; margin-right: .5rem; background: #e5e7eb; border-radius: 3px; vertical-align: middle; }
.bar > span { display: block; height: 100%; background: #2563eb; border-radius: 3px; }
.gauge { position: relative; height: 1rem; margin: 1rem 0 .25rem; border-radius: 4px;
  background: linear-gradient(90deg, #dc2626 0%, #f59e0b 30%, #16a34a 45%, #16a34a 55%, #f59e0b 70%, #dc2626 100%); }
.gauge > .needle { position: absolute; top: -.3rem; width: .3rem; height: 1.6rem; margin-left: -.15rem; background: #111827; border-radius: 2px; }
.gauge-scale { display: flex; justify-content: space-between; font-size: .75rem; color: #4b5563; }
figure.diagram { margin: 1rem 0; padding: .5rem; border: 1px solid #e5e7eb; border-radius: 6px; overflow-x: auto; }
details.source pre { white-space: pre-wrap; font-size: .75rem; background: #f9fafb; padding: .5rem; }
.ref { font-size: .8em; color: #1d4ed8; text-decoration: none; }
.url { overflow-wrap: anywhere; color: #374151; }
ul.references li { margin: .2rem 0; }
footer { margin-top: 3rem; font-size: .8rem; color: #6b7280; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc { break-after: page; }
  section.major { break-before: page; }
  section.major:first-of-type { break-before: auto; }
  h2, h3 { break-after: avoid; }
  tr, figure.diagram, .gauge { break-inside: avoid; }
  table { font-size: 8.5pt; }
  details.source { display: none; }
  a { color: inherit; text-decoration: none; }
  tbody tr:nth-child(even) td { background: none; }
  .bar, .bar > span, .gauge, th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`
