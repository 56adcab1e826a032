import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateNomad } from '../../../../../shared/generate/nomad/index'
import { loadDesignFile } from '../../../../support/ecs-swarm-nomad-designs'
import { expectedIntentions, readNomad } from '../../../../support/nomad-read'

const DESIGN = fileURLToPath(
  new URL('../../../../fixtures/golden/nomad/design.yaml', import.meta.url),
)

describe('Consul intentions', () => {
  const design = loadDesignFile(DESIGN)
  const out = generateNomad(design, catalog)

  it('deny every connection by default', async () => {
    const facts = await readNomad(out)
    expect(facts.denyAll).toEqual({
      Kind: 'service-intentions',
      Name: '*',
      Sources: [{ Name: '*', Action: 'deny' }],
    })
  })

  it('allow exactly the declared flows between meshed services', async () => {
    const facts = await readNomad(out)
    const expected = expectedIntentions(design, facts)
    expect(expected.length).toBeGreaterThan(0)
    expect(facts.allowed).toEqual(expected)
  })

  it('cover every port of a multi-port destination', async () => {
    const facts = await readNomad(out)
    expect(facts.allowed.filter((a) => a.startsWith('gateway -> '))).toEqual([
      'gateway -> query',
      'gateway -> query-7001',
    ])
  })

  it('list the flows the mesh cannot enforce in the README', () => {
    const readme = out.artifacts.find((a) => a.path === 'nomad/README.md')?.content ?? ''
    expect(readme).toContain(
      'Not enforced by the mesh: query to reports (`workloads[1].talksTo[1]`)',
    )
  })
})
