import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateNomad } from '../../../../../shared/generate/nomad/index'
import { expectedFlows, loadDesignFile } from '../../../../support/ecs-swarm-nomad-designs'
import { all, one } from '../../../../support/nomad-hcl'
import { readNomad } from '../../../../support/nomad-read'

const DESIGN = fileURLToPath(
  new URL('../../../../fixtures/golden/nomad/design.yaml', import.meta.url),
)
const design = loadDesignFile(DESIGN)
const facts = await readNomad(generateNomad(design, catalog))

describe('Nomad job', () => {
  it('is one job, named after the design, with a group per workload', () => {
    expect(facts.jobs).toEqual([design.metadata.name])
    expect([...facts.groups.keys()].sort()).toEqual(design.workloads.map((w) => w.name).sort())
    for (const w of design.workloads) expect(facts.groups.get(w.name)?.body.count).toBe(w.replicas)
  })

  it('hardens every Linux docker task', () => {
    for (const w of design.workloads.filter((x) => x.os === 'linux')) {
      const g = facts.groups.get(w.name)!
      expect(g.task.driver).toBe('docker')
      expect(g.task.user).toBe('10001:10001')
      expect(g.config).toMatchObject({
        image: w.image,
        readonly_rootfs: true,
        cap_drop: ['ALL'],
        security_opt: ['no-new-privileges'],
      })
      const allowed = w.needs.justification
        ? w.needs.capabilities
        : w.needs.capabilities.filter((c) => c === 'NET_BIND_SERVICE')
      expect(g.config.cap_add ?? []).toEqual([...allowed].sort())
      expect(g.config).not.toHaveProperty('privileged')
      expect(
        all(g.config, 'mount')
          .filter((m) => m.type === 'tmpfs')
          .map((m) => [m.type, m.target, m.readonly]),
      ).toEqual(w.needs.writablePaths.map((p) => ['tmpfs', p, false]))
      const binds = all(g.config, 'mount').filter((m) => m.type === 'bind')
      expect(binds.map((m) => [m.source, m.target, m.readonly])).toEqual(
        w.needs.justification ? w.needs.hostPaths.map((h) => [h.path, h.path, h.readOnly]) : [],
      )
      expect(g.config.pid_mode).toBe(w.needs.hostPID && w.needs.justification ? 'host' : undefined)
      expect(one(g.body, 'network').mode).toBe('bridge')
    }
  })

  it('constrains each group to its kernel and its node pool, in the built-in all pool', () => {
    const pools = new Map([
      ['gateway', 'general'],
      ['query', 'general'],
      ['store', 'general'],
      ['reports', 'windows'],
      ['notebook', 'sandboxed'],
      ['scraper', 'general'],
    ])
    expect(facts.job.node_pool).toBe('all')
    for (const w of design.workloads) {
      expect(all(facts.groups.get(w.name)!.body, 'constraint')).toEqual([
        { attribute: '${attr.kernel.name}', value: w.os },
        { attribute: '${node.pool}', value: pools.get(w.name) },
      ])
    }
  })

  it('uses the one pool as the job node pool when every group runs on it', async () => {
    const linux = design.workloads.filter((w) => w.os === 'linux' && w.trust === 'trusted')
    const single = await readNomad(generateNomad({ ...design, workloads: linux }, catalog))
    expect(single.job.node_pool).toBe('general')
    for (const w of linux)
      expect(all(single.groups.get(w.name)!.body, 'constraint')).toHaveLength(1)
  })

  it('runs the untrusted task under the pool sandbox runtime and Windows under Hyper-V', () => {
    for (const w of design.workloads) {
      const config = facts.groups.get(w.name)!.config
      if (w.os === 'windows') {
        expect(config.isolation).toBe('hyperv')
        expect(facts.groups.get(w.name)!.task.user).toBe('ContainerUser')
        expect(config).not.toHaveProperty('readonly_rootfs')
      } else {
        expect(config.runtime).toBe(w.trust === 'untrusted' ? 'runsc' : undefined)
      }
    }
  })

  it('gives each task its own Vault role through workload identity', () => {
    for (const w of design.workloads) {
      expect(one(facts.groups.get(w.name)!.task, 'vault')).toEqual({
        role: `${design.metadata.name}-${w.name}`,
      })
    }
  })

  it('sizes tasks from the design', () => {
    expect(one(facts.groups.get('query')!.task, 'resources')).toEqual({ cpu: 1500, memory: 2048 })
    expect(one(facts.groups.get('gateway')!.task, 'resources')).toEqual({ cpu: 100, memory: 128 })
  })

  it('declares an upstream for each declared flow between Linux groups, on distinct local ports', () => {
    const windows = new Set(design.workloads.filter((w) => w.os === 'windows').map((w) => w.name))
    const serviceOwner = new Map(
      [...facts.groups].flatMap(([group, g]) => g.services.map((s) => [s.name, group] as const)),
    )
    for (const w of design.workloads.filter((x) => x.os === 'linux')) {
      const g = facts.groups.get(w.name)!
      const upstreams = g.services.flatMap((s) => s.upstreams)
      const targets = [...new Set(upstreams.map((u) => serviceOwner.get(u.destination)))].sort()
      const declared = [
        ...new Set(
          expectedFlows(design)
            .filter((f) => f.from === w.name && !windows.has(f.to))
            .map((f) => f.to),
        ),
      ].sort()
      expect(targets).toEqual(declared)
      const ports = upstreams.map((u) => u.port)
      expect(new Set(ports).size).toBe(ports.length)
      for (const p of ports) expect(w.ports).not.toContain(p)
    }
  })

  it('exposes public ports for the load balancer outside the mesh, and nothing else', () => {
    for (const w of design.workloads.filter((x) => x.os === 'linux')) {
      const ports = Object.keys(
        (one(facts.groups.get(w.name)!.body, 'network').port ?? {}) as object,
      )
      expect(ports).toEqual(w.exposure === 'public' ? w.ports.map((p) => `public_${p}`) : [])
    }
  })
})
