// Renders the architecture diagram's Mermaid source to a static, self-contained SVG for design.html.
//
// Why beautiful-mermaid: the document generator lives in pure `shared/`, which cannot launch a
// browser, and the CLI must produce the same HTML on a machine without Chromium. Mermaid itself needs
// a DOM (and headless Chromium through Playwright would need a browser download and be slow and
// asynchronous), and the desktop app's own Chromium is not there in the CLI. beautiful-mermaid parses
// the same flowchart syntax and lays it out with ELK synchronously without any DOM, so the same source
// that Markdown fences and the app render becomes an SVG here, deterministically.
//
// Its output is then made safe to inline: the web-font @import is removed (a system font stack is used
// instead), anything that could fetch or run is stripped (scripts, foreignObject, on* handlers, external
// href or url()), and the Mermaid entity codes of our labels become XML character references.
import { renderMermaidSVG } from 'beautiful-mermaid'
import { mermaidCodesToXml } from '../mermaid/escape'

/** Fonts every platform has: no web font is ever fetched. */
export const SYSTEM_FONTS =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

/** The diagram as inline SVG markup, sanitised (no script, no handler, no external reference). */
export function mermaidToSvg(source: string): string {
  const raw = renderMermaidSVG(source, {
    bg: '#ffffff',
    fg: '#1f2937',
    font: 'system-ui',
    padding: 16,
  })
  return sanitizeSvg(raw)
}

/** Removes anything from SVG markup that could fetch a resource or run code, and fixes label text. */
export function sanitizeSvg(svg: string): string {
  return svg
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script[^>]*\/?>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/@import\s*(url\([^)]*\)|"[^"]*"|'[^']*')[^;\n]*;?/gi, '')
    .replace(/@import[^\n]*/gi, '')
    .replace(/font-family:[^;}]*/g, `font-family: ${SYSTEM_FONTS}`)
    .replace(/\s(on[a-z]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(
      /\s((?:xlink:)?href)\s*=\s*("([^"]*)"|'([^']*)')/gi,
      (m, _n: string, _v: string, d?: string, s?: string) =>
        (d ?? s ?? '').startsWith('#') ? m : '',
    )
    .replace(/url\(\s*(?!['"]?#)[^)]*\)/gi, 'none')
    .replace(/\sdata-label="[^"]*"/g, '')
    .replace(
      /(<text\b[^>]*>)([^<]*)(<\/text>)/g,
      (_, open: string, text: string, close: string) => open + mermaidCodesToXml(text) + close,
    )
    .replace(
      /<svg\b([^>]*)>/,
      (_, attrs: string) =>
        `<svg${responsive(attrs)} role="img" aria-label="Architecture diagram">`,
    )
}

/** Lets the SVG shrink to the page width while never growing past its natural size. */
function responsive(attrs: string): string {
  const width = /\swidth="([0-9.]+)"/.exec(attrs)?.[1]
  const without = attrs.replace(/\s(width|height)="[^"]*"/g, '')
  if (width === undefined) return without
  return without.replace(
    /style="([^"]*)"/,
    (_, style: string) => `style="${style};width:100%;max-width:${width}px;height:auto"`,
  )
}
