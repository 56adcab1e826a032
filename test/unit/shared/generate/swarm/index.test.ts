import fc from 'fast-check'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateSwarm } from '../../../../../shared/generate/swarm/index'
import type { Design } from '../../../../../shared/model/schema'
import { controlProblems } from '../../../../support/ecs-swarm-nomad-controls'
import {
  designArb,
  expectedFlows,
  HOSTILE_TITLES,
  loadDesignFile,
} from '../../../../support/ecs-swarm-nomad-designs'
import { goldenDifferences } from '../../../../support/ecs-swarm-nomad-golden'
import { composeSchemaErrors } from '../../../../support/swarm-compose-schema'
import { sharedPairs, type ComposeFile } from '../../../../support/swarm-networks'

const GOLDEN = fileURLToPath(new URL('../../../../fixtures/golden/swarm/', import.meta.url))
const design = loadDesignFile(`${GOLDEN}design.yaml`)

const stackText = (d: Design) =>
  generateSwarm(d, catalog).artifacts.find((a) => a.path === 'swarm/stack.yaml')?.content ?? ''

/** Compose interpolation turns `$$` into `$`; anything else with `$` would be substituted. */
function interpolateLiteral(text: string): string {
  if (/\$(?!\$)/.test(text.replaceAll('$$', ''))) throw new Error(`unescaped $ in ${text}`)
  return text.replaceAll('$$', '$')
}

describe('generateSwarm', () => {
  it('matches the golden files', () => {
    expect(goldenDifferences(`${GOLDEN}output`, generateSwarm(design, catalog).artifacts)).toEqual(
      [],
    )
  })

  it('is deterministic', () => {
    expect(generateSwarm(design, catalog)).toEqual(generateSwarm(structuredClone(design), catalog))
  })

  it('refuses a design whose orchestrator is not Swarm', () => {
    expect(() => generateSwarm(loadDesignFile(`${GOLDEN}design.yaml`, 'nomad'), catalog)).toThrow(
      /Swarm/,
    )
  })

  it('traces every control to an existing field and design path', async () => {
    const out = generateSwarm(design, catalog)
    expect(out.controls.length).toBeGreaterThan(0)
    expect(await controlProblems(out, design, (_p, text) => YAML.parse(text) as unknown)).toEqual(
      [],
    )
  })

  it.each(HOSTILE_TITLES)('keeps the title %j inert', (title) => {
    const d: Design = { ...design, metadata: { ...design.metadata, title } }
    const doc = YAML.parse(stackText(d), { version: '1.1' }) as ComposeFile
    expect(interpolateLiteral(doc['x-stackwright'].title)).toBe(title)
    expect(Object.keys(doc.services).sort()).toEqual(design.workloads.map((w) => w.name).sort())
    expect(composeSchemaErrors(doc)).toEqual([])
  })

  it('produces valid, pair-exact stacks for arbitrary designs', async () => {
    await fc.assert(
      fc.asyncProperty(designArb('swarm'), async (d) => {
        const out = generateSwarm(d, catalog)
        const text = out.artifacts.find((a) => a.path === 'swarm/stack.yaml')?.content ?? ''
        const doc = YAML.parse(text) as ComposeFile
        expect(YAML.parse(text, { version: '1.1' })).toEqual(doc)
        expect(composeSchemaErrors(doc)).toEqual([])
        const declared = new Set(expectedFlows(d).map((f) => [f.from, f.to].sort().join(' ')))
        expect(sharedPairs(doc)).toEqual([...declared].sort())
        const windows = new Set(d.workloads.filter((w) => w.os === 'windows').map((w) => w.name))
        for (const [net, n] of Object.entries(doc.networks)) {
          const members = Object.entries(doc.services).filter(([, s]) => s.networks.includes(net))
          expect(members.length).toBeGreaterThan(0)
          expect(members.length).toBeLessThanOrEqual(2)
          const touchesWindows = members.some(([m]) => windows.has(m))
          expect(n.driver_opts?.encrypted === 'true').toBe(!touchesWindows)
        }
        for (const s of Object.values(doc.services)) expect(s.networks.length).toBeGreaterThan(0)
        // Ports only where an internet endpoint with ingress reaches a public service.
        const ingress = d.endpoints.some((e) => e.kind === 'internet' && e.ingress !== 'none')
        for (const [name, s] of Object.entries(doc.services)) {
          const w = d.workloads.find((x) => x.name === name)!
          if (s.ports !== undefined) expect(ingress && w.exposure === 'public').toBe(true)
        }
        // Only a service's egress network has a route out.
        const nets = doc.networks as Record<string, { internal?: boolean }>
        for (const [name, n] of Object.entries(nets))
          expect(n.internal === true, name).toBe(!name.endsWith('-egress'))
        expect(await controlProblems(out, d, (_p, t) => YAML.parse(t) as unknown)).toEqual([])
      }),
      { numRuns: 100 },
    )
  }, 60_000)
})
