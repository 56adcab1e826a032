// Section 7: the plugin inventory: what each plugin adds and what it exposes.
import { getOrchestrator, getPlugin } from '../../catalog/index'
import type { DocInput } from './input'
import type { Block, Section, Text } from './model'
import { refs } from './model'

/** The plugin inventory section. */
export function pluginsSection({ design, catalog }: DocInput): Section {
  const o = getOrchestrator(catalog, design.choices.orchestrator)
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${o.name} builds in: ${o.provides.join(', ') || 'no security capability beyond the basics'}. Each plugin below adds capabilities and exposures to track.`,
    },
  ]
  if (design.choices.plugins.length === 0)
    blocks.push({ kind: 'paragraph', text: 'No third-party plugins are chosen.' })
  else {
    blocks.push({
      kind: 'table',
      header: ['Plugin', 'Category', 'Adds', 'Exposes', 'Footprint', 'Maturity', 'Sources'],
      rows: design.choices.plugins.map((id): Text[] => {
        const p = getPlugin(catalog, id)
        const sources = [...new Set(p.facts.flatMap((f) => f.sources))]
        return [
          p.name,
          p.category,
          p.provides.join(', ') || '-',
          p.exposes.join('; ') || '-',
          p.footprint,
          p.maturity,
          sources.length === 0 ? '-' : refs(sources),
        ]
      }),
    })
  }
  return { id: 'plugins', title: 'Plugin inventory', blocks }
}
