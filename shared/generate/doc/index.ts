// The design document: one model of ten sections rendered as design.md (GitHub) and design.html (print).
import { getOrchestrator } from '../../catalog/index'
import type { Catalog } from '../../catalog/types'
import type { Evaluation } from '../../engine/types'
import type { Design } from '../../model/schema'
import { architectureDiagram } from '../mermaid/architecture'
import type { Artifact, Control } from '../types'
import type { Alternatives } from './alternatives'
import { computeAlternatives } from './alternatives'
import type { DocInput } from './input'
import { manifestGenerator } from './manifests'
import type { DocumentModel } from './model'
import { renderHtml } from './render-html'
import { renderMarkdown } from './render-markdown'
import { architectureSection } from './section-architecture'
import { complianceSection } from './section-compliance'
import { contextSection } from './section-context'
import { decisionsSection } from './section-decisions'
import { isolationSection } from './section-isolation'
import { pluginsSection } from './section-plugins'
import { referencesSection } from './section-references'
import { risksSection } from './section-risks'
import { summarySection } from './section-summary'
import { traceabilitySection } from './section-traceability'

export { computeAlternatives } from './alternatives'
export type { Alternatives, AlternativeOption, DimensionAlternatives } from './alternatives'

/** Controls of the manifest generator for the design's orchestrator family (for the traceability table). */
export function familyControls(design: Design, catalog: Catalog): readonly Control[] {
  const family = getOrchestrator(catalog, design.choices.orchestrator).family
  return manifestGenerator(family)(design, catalog).controls
}

/** The document model: every section, then the references they cite. */
export function documentModel(input: DocInput): DocumentModel {
  const sections = [
    summarySection(input),
    contextSection(input),
    architectureSection(input),
    decisionsSection(input),
    isolationSection(input),
    risksSection(input),
    pluginsSection(input),
    complianceSection(input),
    traceabilitySection(input),
  ]
  const { metadata } = input.design
  return {
    title: metadata.title.trim() === '' ? metadata.name : metadata.title,
    sections: [...sections, referencesSection(sections, input.catalog)],
  }
}

/**
 * design.md and design.html for a design. Alternatives and controls are computed when not given (the
 * CLI and generateAll pass the controls they already have, so the manifest generator runs once).
 */
export function generateDocument(
  design: Design,
  evaluation: Evaluation,
  catalog: Catalog,
  alternatives: Alternatives = computeAlternatives(design, catalog, evaluation),
  controls: readonly Control[] = familyControls(design, catalog),
): Artifact[] {
  const diagram = architectureDiagram(design, evaluation, catalog)
  const model = documentModel({ design, evaluation, catalog, alternatives, controls, diagram })
  return [
    { path: 'design.md', content: renderMarkdown(model) },
    { path: 'design.html', content: renderHtml(model) },
  ]
}
