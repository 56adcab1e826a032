import fc from 'fast-check'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateNomad } from '../../../../../shared/generate/nomad/index'
import type { Design } from '../../../../../shared/model/schema'
import { controlProblems } from '../../../../support/ecs-swarm-nomad-controls'
import {
  designArb,
  HOSTILE_TITLES,
  loadDesignFile,
} from '../../../../support/ecs-swarm-nomad-designs'
import { goldenDifferences } from '../../../../support/ecs-swarm-nomad-golden'
import { literal, one, parseHcl } from '../../../../support/nomad-hcl'
import { expectedIntentions, readNomad } from '../../../../support/nomad-read'

const GOLDEN = fileURLToPath(new URL('../../../../fixtures/golden/nomad/', import.meta.url))
const design = loadDesignFile(`${GOLDEN}design.yaml`)

describe('generateNomad', () => {
  it('matches the golden files', () => {
    expect(goldenDifferences(`${GOLDEN}output`, generateNomad(design, catalog).artifacts)).toEqual(
      [],
    )
  })

  it('is deterministic', () => {
    expect(generateNomad(design, catalog)).toEqual(generateNomad(structuredClone(design), catalog))
  })

  it('refuses a design whose orchestrator is not Nomad', () => {
    expect(() => generateNomad(loadDesignFile(`${GOLDEN}design.yaml`, 'eks'), catalog)).toThrow(
      /Nomad/,
    )
  })

  it('traces every control to an existing field and design path', async () => {
    const out = generateNomad(design, catalog)
    expect(out.controls.length).toBeGreaterThan(0)
    expect(await controlProblems(out, design, (path, text) => parseHcl(text, path))).toEqual([])
  })

  it('shows agent configuration in the README as valid HCL', async () => {
    const readme = generateNomad(design, catalog).artifacts.find(
      (a) => a.path === 'nomad/README.md',
    )
    const blocks = [...(readme?.content ?? '').matchAll(/^( *)```hcl\n([\s\S]*?)^\1```$/gm)]
    expect(blocks.length).toBeGreaterThanOrEqual(3)
    for (const [, indent = '', body = ''] of blocks) {
      const text = body
        .split('\n')
        .map((l) => l.slice(indent.length))
        .join('\n')
      await expect(parseHcl(text)).resolves.toBeTypeOf('object')
    }
  })

  it.each(HOSTILE_TITLES)('keeps the title %j inert', async (title) => {
    const d: Design = { ...design, metadata: { ...design.metadata, title } }
    const out = generateNomad(d, catalog)
    const facts = await readNomad(out)
    expect(facts.jobs).toEqual([design.metadata.name])
    expect(literal(one(facts.job, 'meta').stackwright_title)).toBe(title)
    expect([...facts.groups.keys()].sort()).toEqual(design.workloads.map((w) => w.name).sort())
  })

  it('produces parseable, intention-exact output for arbitrary designs', async () => {
    await fc.assert(
      fc.asyncProperty(designArb('nomad'), async (d) => {
        const out = generateNomad(d, catalog)
        const facts = await readNomad(out)
        expect(facts.allowed).toEqual(expectedIntentions(d, facts))
        expect(await controlProblems(out, d, (path, text) => parseHcl(text, path))).toEqual([])
        for (const w of d.workloads.filter((x) => x.os === 'linux')) {
          const g = facts.groups.get(w.name)
          expect(g?.config).toMatchObject({ readonly_rootfs: true, cap_drop: ['ALL'] })
          expect(g?.task.user).toBe('10001:10001')
          // Exceptions only with a justification; host network never.
          const caps = (g?.config.cap_add ?? []) as string[]
          if (w.needs.justification === undefined) {
            expect(caps.every((c) => c === 'NET_BIND_SERVICE')).toBe(true)
            expect(g?.config).not.toHaveProperty('privileged')
            expect(g?.config).not.toHaveProperty('pid_mode')
          }
          expect(one(g?.body, 'network').mode).toBe('bridge')
        }
        // A runtime only where the posture applied a sandbox the docker driver runs (gVisor here).
        for (const [, g] of facts.groups) expect([undefined, 'runsc']).toContain(g.config.runtime)
      }),
      { numRuns: 60 },
    )
  }, 60_000)
})
