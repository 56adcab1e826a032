// Mermaid, loaded only with this chunk, at securityLevel 'strict' (labels are encoded, no click
// handlers, no scripts), rendering one diagram at a time because mermaid.render is not re-entrant.
import mermaid from 'mermaid'

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

/** Diagram colours from the app's palette, so the diagram sits calmly in both themes. */
const THEME_VARIABLES = {
  light: {
    primaryColor: '#e7eefc',
    primaryBorderColor: '#2451c7',
    primaryTextColor: '#121821',
    secondaryColor: '#f0f3f7',
    tertiaryColor: '#ffffff',
    lineColor: '#4b5666',
    textColor: '#121821',
    clusterBkg: '#fbfcfe',
    clusterBorder: '#b4bdc9',
    edgeLabelBackground: '#ffffff',
  },
  dark: {
    darkMode: true,
    background: '#1b222c',
    primaryColor: '#1b2a4a',
    primaryBorderColor: '#7fa6ff',
    primaryTextColor: '#e9edf2',
    secondaryColor: '#242c38',
    tertiaryColor: '#151b23',
    lineColor: '#a7b1bf',
    textColor: '#e9edf2',
    clusterBkg: '#151b23',
    clusterBorder: '#465164',
    edgeLabelBackground: '#242c38',
  },
} as const

let configuredFor: 'light' | 'dark' | undefined
let queue: Promise<unknown> = Promise.resolve()
let counter = 0

function configure(theme: 'light' | 'dark') {
  if (configuredFor === theme) return
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    themeVariables: { ...THEME_VARIABLES[theme], fontFamily: FONT, fontSize: '15px' },
    fontFamily: FONT,
    flowchart: { curve: 'basis', padding: 12 },
  })
  configuredFor = theme
}

/** Renders Mermaid source to an SVG string, after any render already running. */
export function renderMermaid(source: string, theme: 'light' | 'dark'): Promise<string> {
  const run = queue.then(async () => {
    configure(theme)
    counter += 1
    const { svg } = await mermaid.render(`stackwright-diagram-${counter}`, source)
    return svg
  })
  queue = run.catch(() => undefined)
  return run
}
