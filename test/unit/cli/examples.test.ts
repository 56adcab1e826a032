import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../shared/catalog/index'
import { evaluate } from '../../../shared/engine/index'
import { parseDesign } from '../../../shared/model/index'
import { EXAMPLES_DIR, exampleFiles } from '../../support/designs'

function load(file: string) {
  const result = parseDesign(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'), {
    fileName: file,
  })
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors)}`)
  return result.design
}

describe('example gallery', () => {
  it.each(exampleFiles())('%s is valid, current and has no violations', (file) => {
    const design = load(file)
    expect(evaluate(design, catalog).violations).toEqual([])
    expect(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')).toMatch(/^# \S/)
  })

  it('covers every orchestrator in the catalog', () => {
    const used = new Set(exampleFiles().map((f) => load(f).choices.orchestrator))
    expect(catalog.orchestrators.map((o) => o.id).filter((id) => !used.has(id))).toEqual([])
  })

  it('shows risk treatments, and decision records on the orchestrator gallery', () => {
    const designs = exampleFiles().map(load)
    expect(designs.some((d) => Object.keys(d.risks).length > 0)).toBe(true)
    const gallery = [
      'aks-sandboxed',
      'openshift-regulated',
      'nomad-edge',
      'kubernetes-onprem',
      'gke-autopilot',
      'ecs-ec2-batch',
    ]
    for (const name of gallery) {
      const design = load(`${name}.stackwright.yaml`)
      expect(Object.keys(design.decisions).length, name).toBeGreaterThan(1)
      expect(design.workloads.length, name).toBeGreaterThanOrEqual(4)
    }
  })
})
