// The designs every bar test runs on: this folder's test designs (v1, migrated, and v2) plus the
// Kubernetes-family examples.
import { catalog, getOrchestrator } from '../../../../../shared/catalog/index'
import type { Design } from '../../../../../shared/model/schema'
import { exampleFiles, loadExample } from '../../../../support/designs'
import { DESIGN_TEXTS, testDesign } from './designs'
import { V2_DESIGN_TEXTS, v2Design } from './designs-v2'

/** `[label, design]` for every test design and every example whose orchestrator is Kubernetes-family. */
export function allDesigns(): [string, Design][] {
  const examples = exampleFiles()
    .map((f): [string, Design] => [`example ${f}`, loadExample(f)])
    .filter(([, d]) => getOrchestrator(catalog, d.choices.orchestrator).family === 'kubernetes')
  return [
    ...Object.keys(DESIGN_TEXTS).map((n): [string, Design] => [n, testDesign(n)]),
    ...Object.keys(V2_DESIGN_TEXTS).map((n): [string, Design] => [`v2 ${n}`, v2Design(n)]),
    ...examples,
  ]
}
