import { describe, expect, it } from 'vitest'
import { mermaidToSvg, sanitizeSvg } from '../../../../../shared/generate/doc/svg'
import { mermaidLabel } from '../../../../../shared/generate/mermaid/escape'

describe('mermaidToSvg', () => {
  const svg = mermaidToSvg(
    `flowchart LR\n  subgraph s0["ns a"]\n    w0["${mermaidLabel('<b> & "q"')}"]\n  end\n  w0 -.->|"tcp/80"| w1["b"]\n`,
  )

  it('renders subgraphs, nodes and dotted edges to SVG without fetching a font', () => {
    expect(svg).toMatch(/^<svg[^>]* role="img"/)
    expect(svg).toContain('stroke-dasharray')
    expect(svg).toContain('ns a')
    expect(svg).not.toMatch(/@import|https?:\/\/(?!www\.w3\.org\/2000\/svg")/)
    expect(svg).toContain('font-family: system-ui')
  })

  it('shows escaped label text as text', () => {
    expect(svg).toContain('&lt;b&gt; &amp; &quot;q&quot;')
    expect(svg).not.toContain('#lt;')
  })
})

describe('sanitizeSvg', () => {
  it('removes scripts, handlers, foreign objects and external references but keeps internal ones', () => {
    const dirty = [
      '<svg width="10" height="5" style="--bg:#fff"><style>@import url("https://x/y.css");',
      'a { fill: url(https://x/p.svg#a) } b { marker: url(#arrowhead) }</style>',
      '<script>alert(1)</script><script href="https://x/s.js"/>',
      '<a href="https://evil.example"><text onclick="alert(1)" x="1">hi</text></a>',
      '<use xlink:href="#m"/><image href="data:x"/><foreignObject><div>x</div></foreignObject></svg>',
    ].join('')
    const clean = sanitizeSvg(dirty)
    expect(clean).not.toMatch(/<script|onclick|foreignObject|@import|https:|data:/)
    expect(clean).toContain('url(#arrowhead)')
    expect(clean).toContain('xlink:href="#m"')
    expect(clean).toContain('max-width:10px')
  })
})
