/// <reference types="vite/client" />
// The example designs bundled into the welcome screen's chunk, with what its cards show.
import { catalogName } from '../lib/catalog-names'
import { parseDesign } from '../../shared/model/index'

export interface ExampleDesign {
  readonly fileName: string
  readonly title: string
  readonly orchestrator: string
  readonly description: string
  readonly text: string
}

// Eager within this lazily loaded chunk: the cards need every file's title at once.
const files = import.meta.glob<string>('../../assets/examples/*.stackwright.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
})

/** The leading comment block of a design file, as one line. */
export function headerComment(text: string): string {
  const lines: string[] = []
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break
    lines.push(line.replace(/^#\s?/, '').trim())
  }
  return lines.join(' ').trim()
}

/** Every bundled example that parses, sorted by title. */
export const EXAMPLES: readonly ExampleDesign[] = Object.entries(files)
  .flatMap(([path, text]) => {
    const fileName = path.split('/').pop() ?? path
    const parsed = parseDesign(text, { fileName })
    if (!parsed.ok) return []
    const { metadata, choices } = parsed.design
    return [
      {
        fileName,
        title: metadata.title.trim() || metadata.name,
        orchestrator: catalogName('orchestrator', choices.orchestrator),
        description: headerComment(text),
        text,
      },
    ]
  })
  .sort((a, b) => a.title.localeCompare(b.title))
