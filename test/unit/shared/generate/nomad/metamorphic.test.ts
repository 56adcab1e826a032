// Metamorphic tests: change one thing in the design, check the job moves in that direction only.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateNomad } from '../../../../../shared/generate/nomad/index'
import type { Design, Workload } from '../../../../../shared/model/schema'
import { loadDesignFile } from '../../../../support/ecs-swarm-nomad-designs'
import { all, one } from '../../../../support/nomad-hcl'
import { readNomad } from '../../../../support/nomad-read'

const base = loadDesignFile(
  fileURLToPath(new URL('../../../../fixtures/golden/nomad/design.yaml', import.meta.url)),
)

function withWorkload(d: Design, name: string, change: (w: Workload) => Workload): Design {
  return { ...d, workloads: d.workloads.map((w) => (w.name === name ? change(w) : w)) }
}
const facts = (d: Design) => readNomad(generateNomad(d, catalog))
const readme = (d: Design) =>
  generateNomad(d, catalog).artifacts.find((a) => a.path === 'nomad/README.md')?.content ?? ''
const poolOf = (body: Record<string, unknown>) =>
  all(body, 'constraint').find((c) => c.attribute === '${node.pool}')?.value

describe('Nomad metamorphic properties', () => {
  it('sets the docker runtime runsc only while the group sits on the pool that offers gVisor', async () => {
    const before = await facts(base)
    expect(before.groups.get('notebook')!.config.runtime).toBe('runsc')
    expect(poolOf(before.groups.get('notebook')!.body)).toBe('sandboxed')
    const plain = withWorkload(base, 'notebook', (w) => ({
      ...w,
      pool: 'general',
      sandbox: 'none',
    }))
    const after = await facts(plain)
    expect(after.groups.get('notebook')!.config).not.toHaveProperty('runtime')
    expect(poolOf(after.groups.get('notebook')!.body)).toBe('general')
    const moved = withWorkload(base, 'query', (w) => ({ ...w, trust: 'untrusted' }))
    expect((await facts(moved)).groups.get('query')!.config.runtime).toBe('runsc')
    expect(readme(plain)).not.toContain('allow_runtimes   = ["runc", "runsc"]')
    expect(readme(base)).toContain('allow_runtimes   = ["runc", "runsc"]')
  })

  it('moving a group to the Windows pool switches its kernel constraint, pool and isolation', async () => {
    const d = withWorkload(base, 'gateway', (w) => ({
      ...w,
      os: 'windows',
      sandbox: 'windows-hyperv',
      needs: { ...w.needs, writablePaths: [] },
    }))
    const g = (await facts(d)).groups.get('gateway')!
    expect(all(g.body, 'constraint')).toEqual([
      { attribute: '${attr.kernel.name}', value: 'windows' },
      { attribute: '${node.pool}', value: 'windows' },
    ])
    expect(g.config.isolation).toBe('hyperv')
    expect(g.config).not.toHaveProperty('readonly_rootfs')
  })

  it('removing the internet ingress removes the public service and its port, nothing else', async () => {
    const closed: Design = {
      ...base,
      endpoints: base.endpoints.map((e) =>
        e.kind === 'internet' ? { ...e, ingress: 'none' as const } : e,
      ),
    }
    const before = await facts(base)
    const after = await facts(closed)
    const gw = after.groups.get('gateway')!
    expect(gw.services.map((s) => s.name)).toEqual(['gateway'])
    expect(one(gw.body, 'network').port).toBeUndefined()
    expect(after.allowed).toEqual(before.allowed)
    for (const name of ['query', 'store', 'notebook', 'scraper'])
      expect(after.groups.get(name)).toEqual(before.groups.get(name))
  })

  it('a justification is what grants host access: without it the bind mount and pid_mode go', async () => {
    const unjustified = withWorkload(base, 'scraper', (w) => ({
      ...w,
      needs: { ...w.needs, justification: undefined },
    }))
    const before = (await facts(base)).groups.get('scraper')!.config
    const after = (await facts(unjustified)).groups.get('scraper')!.config
    expect(before.pid_mode).toBe('host')
    expect(all(before, 'mount').filter((m) => m.type === 'bind')).toHaveLength(1)
    expect(after).not.toHaveProperty('pid_mode')
    expect(all(after, 'mount')).toEqual([])
    expect(readme(unjustified)).toContain(
      '`scraper` (`workloads[5].needs`): not granted: host PID namespace',
    )
  })

  it('adding an endpoint lists it in the README, and generates no intention it cannot enforce', async () => {
    const d = withWorkload(base, 'store', (w) => ({ ...w, talksTo: ['lake'] }))
    expect(readme(d)).toContain('| store | lake | lake.data.example, 192.0.2.0/24 | 443 |')
    expect((await facts(d)).allowed).toEqual((await facts(base)).allowed)
  })

  it('says plainly that orchestrator API access has no Nomad equivalent', async () => {
    const d = withWorkload(base, 'notebook', (w) => ({
      ...w,
      identity: {
        ...w.identity,
        orchestratorApi: [
          { apiGroups: [''], resources: ['pods'], verbs: ['get'], scope: 'namespace' },
        ],
      },
    }))
    expect(readme(d)).toContain('Kubernetes-style RBAC rules have no Nomad equivalent')
    expect(readme(base)).not.toContain('Kubernetes-style RBAC rules')
    expect(await facts(d)).toEqual(await facts(base))
  })
})
