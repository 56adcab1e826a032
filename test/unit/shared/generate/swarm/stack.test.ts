import { fileURLToPath } from 'node:url'
import YAML from 'yaml'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateSwarm } from '../../../../../shared/generate/swarm/index'
import type { Design } from '../../../../../shared/model/schema'
import { expectedFlows, loadDesignFile } from '../../../../support/ecs-swarm-nomad-designs'
import { composeSchemaErrors } from '../../../../support/swarm-compose-schema'
import { sharedPairs, type ComposeFile } from '../../../../support/swarm-networks'

const DESIGN = fileURLToPath(
  new URL('../../../../fixtures/golden/swarm/design.yaml', import.meta.url),
)
const design = loadDesignFile(DESIGN)

function stackText(d: Design): string {
  return (
    generateSwarm(d, catalog).artifacts.find((a) => a.path === 'swarm/stack.yaml')?.content ?? ''
  )
}
const stack = (d: Design) => YAML.parse(stackText(d)) as ComposeFile

/** Service keys `docker stack deploy` ignores (docker/cli `UnsupportedProperties`). */
const IGNORED_BY_STACK_DEPLOY = [
  'build',
  'cgroupns_mode',
  'cgroup_parent',
  'devices',
  'domainname',
  'external_links',
  'ipc',
  'links',
  'mac_address',
  'network_mode',
  'pid',
  'privileged',
  'restart',
  'security_opt',
  'shm_size',
  'userns_mode',
]

/** Service keys the schema of docker stack deploy accepts (docker/cli config_schema_v3.13.json). */
const STACK_DEPLOY_SERVICE_KEYS = [
  'deploy',
  'build',
  'cap_add',
  'cap_drop',
  'cgroupns_mode',
  'cgroup_parent',
  'command',
  'configs',
  'container_name',
  'credential_spec',
  'depends_on',
  'devices',
  'dns',
  'dns_search',
  'domainname',
  'entrypoint',
  'env_file',
  'environment',
  'expose',
  'external_links',
  'extra_hosts',
  'group_add',
  'healthcheck',
  'hostname',
  'image',
  'init',
  'ipc',
  'isolation',
  'labels',
  'links',
  'logging',
  'mac_address',
  'network_mode',
  'networks',
  'pid',
  'ports',
  'privileged',
  'read_only',
  'restart',
  'security_opt',
  'shm_size',
  'secrets',
  'sysctls',
  'stdin_open',
  'stop_grace_period',
  'stop_signal',
  'tmpfs',
  'tty',
  'ulimits',
  'oom_score_adj',
  'user',
  'userns_mode',
  'volumes',
  'working_dir',
]
const STACK_DEPLOY_DEPLOY_KEYS = [
  'mode',
  'endpoint_mode',
  'replicas',
  'labels',
  'rollback_config',
  'update_config',
  'resources',
  'restart_policy',
  'placement',
]

describe('Swarm stack file', () => {
  const doc = stack(design)

  it('is valid against the Compose Specification', () => {
    expect(composeSchemaErrors(doc)).toEqual([])
  })

  it('reads the same under YAML 1.1 (docker stack deploy) and YAML 1.2', () => {
    expect(YAML.parse(stackText(design), { version: '1.1' })).toEqual(doc)
  })

  it('uses only what docker stack deploy honours', () => {
    expect(
      Object.keys(doc).every(
        (k) =>
          ['services', 'networks', 'volumes', 'secrets', 'configs'].includes(k) ||
          k.startsWith('x-'),
      ),
    ).toBe(true)
    for (const [name, s] of Object.entries(doc.services)) {
      for (const key of IGNORED_BY_STACK_DEPLOY) expect(s, `${name}.${key}`).not.toHaveProperty(key)
      expect(typeof s.deploy.resources.limits.cpus).toBe('string')
      for (const key of Object.keys(s))
        expect(STACK_DEPLOY_SERVICE_KEYS, `${name}.${key}`).toContain(key)
      for (const key of Object.keys(s.deploy)) expect(STACK_DEPLOY_DEPLOY_KEYS).toContain(key)
      for (const v of s.volumes ?? [])
        expect(
          Object.keys(v).every((k) => ['type', 'source', 'target', 'read_only'].includes(k)),
        ).toBe(true)
    }
  })

  it('connects exactly the declared pairs, each on a network of its own', () => {
    const declared = new Set(expectedFlows(design).map((f) => [f.from, f.to].sort().join(' ')))
    expect(sharedPairs(doc)).toEqual([...declared].sort())
  })

  it('puts every service on at least one network, so none lands on the default network', () => {
    for (const [name, s] of Object.entries(doc.services))
      expect(s.networks.length, name).toBeGreaterThan(0)
    for (const [name, n] of Object.entries(doc.networks)) {
      expect(n, name).toMatchObject({ driver: 'overlay', attachable: false })
    }
  })

  it('encrypts every network unless a member runs on Windows', () => {
    const windows = new Set(design.workloads.filter((w) => w.os === 'windows').map((w) => w.name))
    for (const [net, n] of Object.entries(doc.networks)) {
      const members = Object.entries(doc.services)
        .filter(([, s]) => s.networks.includes(net))
        .map(([m]) => m)
      const encrypted = n.driver_opts?.encrypted === 'true'
      expect(encrypted, net).toBe(!members.some((m) => windows.has(m)))
    }
    expect(Object.values(doc.networks).some((n) => n.driver_opts === undefined)).toBe(true)
  })

  it('hardens Linux services and places every service on its OS', () => {
    for (const w of design.workloads) {
      const s = doc.services[w.name]!
      expect(s.deploy.placement.constraints).toContain(`node.platform.os == ${w.os}`)
      expect(s.deploy.replicas).toBe(w.replicas)
      if (w.os === 'windows') {
        expect(s.user).toBe('ContainerUser')
        expect(s).not.toHaveProperty('read_only')
        expect(s).not.toHaveProperty('cap_drop')
        continue
      }
      expect(s.user).toBe('10001:10001')
      expect(s.read_only).toBe(true)
      expect(s.cap_drop).toEqual(['ALL'])
      // Only NET_BIND_SERVICE is added without a justification (the Restricted profile allows it).
      const allowed = w.needs.justification
        ? w.needs.capabilities
        : w.needs.capabilities.filter((c) => c === 'NET_BIND_SERVICE')
      expect(s.cap_add ?? []).toEqual([...allowed].sort())
      const mounts = (s.volumes ?? []).filter((m) => m.type !== 'bind')
      expect(mounts.map((m) => m.target)).toEqual(w.needs.writablePaths)
      expect(mounts.every((m) => m.type === (w.stateful ? 'volume' : 'tmpfs'))).toBe(true)
    }
  })

  it("places every service on its pool's nodes, and the untrusted one on its own pool", () => {
    const pools = new Map([
      ['storefront', 'linux'],
      ['admin', 'linux'],
      ['catalog', 'linux'],
      ['orders', 'linux'],
      ['billing', 'windows'],
      ['db', 'linux'],
      ['thumbnailer', 'isolated'],
      ['log-shipper', 'linux'],
    ])
    for (const w of design.workloads) {
      // Both Linux pools carry tier=general, so neither is identified by it: the pool label is used.
      expect(doc.services[w.name]!.deploy.placement.constraints).toEqual([
        `node.platform.os == ${w.os}`,
        `node.labels.stackwright.pool == ${pools.get(w.name)}`,
      ])
    }
  })

  it("uses a pool's own labels when they identify it", () => {
    const d: Design = {
      ...design,
      nodePools: design.nodePools.map((p) =>
        p.name === 'isolated' ? { ...p, labels: { tier: 'sandbox', zone: 'a' } } : p,
      ),
    }
    expect(stack(d).services.thumbnailer!.deploy.placement.constraints).toEqual([
      'node.platform.os == linux',
      'node.labels.tier == sandbox',
      'node.labels.zone == a',
    ])
  })

  it('publishes no port for a service that no internet endpoint reaches', () => {
    for (const [name, s] of Object.entries(doc.services))
      if (!['storefront', 'admin'].includes(name)) expect(s, name).not.toHaveProperty('ports')
  })

  it('makes every network internal except the egress network of a service with endpoints', () => {
    const nets = doc.networks as Record<string, { internal?: boolean }>
    const open = Object.entries(nets)
      .filter(([, n]) => n.internal !== true)
      .map(([name]) => name)
      .sort()
    expect(open).toEqual(['billing-egress', 'orders-egress'])
  })

  it('mounts a justified host path read-only for that service only', () => {
    const binds = Object.entries(doc.services).flatMap(([name, s]) =>
      (s.volumes ?? []).filter((v) => v.type === 'bind').map((v) => ({ name, ...v })),
    )
    expect(binds).toEqual([
      {
        name: 'log-shipper',
        type: 'bind',
        source: '/var/log',
        target: '/var/log',
        read_only: true,
      },
    ])
  })

  it('publishes a routing-mesh port once and lets Swarm pick one for a later clash', () => {
    expect(doc.services.storefront!.ports).toEqual([
      { target: 8080, published: 8080, protocol: 'tcp', mode: 'ingress' },
    ])
    expect(doc.services.admin!.ports).toEqual([{ target: 8080, protocol: 'tcp', mode: 'ingress' }])
    expect(doc.services.catalog).not.toHaveProperty('ports')
  })
})

describe('Swarm Hyper-V isolation', () => {
  const isolation = (d: Design) =>
    (stack(d) as unknown as { services: Record<string, { isolation?: string }> }).services

  it('isolates a Windows service with Hyper-V where its pool offers it', () => {
    const services = isolation(design)
    for (const w of design.workloads) {
      expect(services[w.name]?.isolation).toBe(w.name === 'billing' ? 'hyperv' : undefined)
    }
    expect(composeSchemaErrors(stack(design))).toEqual([])
  })

  it('leaves process isolation alone when the workload asks for no sandbox', () => {
    const d: Design = {
      ...design,
      workloads: design.workloads.map((w) =>
        w.name === 'billing' ? { ...w, sandbox: 'none' as const } : w,
      ),
    }
    expect(Object.values(isolation(d)).some((s) => s.isolation !== undefined)).toBe(false)
  })
})

describe('Swarm README', () => {
  const readme =
    generateSwarm(design, catalog).artifacts.find((a) => a.path === 'swarm/README.md')?.content ??
    ''

  it('says what docker stack deploy ignores', () => {
    for (const word of [
      '`privileged`',
      '`security_opt`',
      '`no-new-privileges`',
      '`devices`',
      'seccomp',
      'AppArmor',
    ]) {
      expect(readme).toContain(word)
    }
  })

  it('says why networks with a Windows member are not encrypted', () => {
    expect(readme).toContain('Overlay encryption is not supported on Windows nodes')
    expect(readme).toMatch(/\| orders-to-billing \| billing, orders \| no \(Windows node\)/)
    expect(readme).toContain(
      'https://docs.docker.com/engine/network/drivers/overlay/, checked 2026-12',
    )
  })

  it('explains how to deploy', () => {
    expect(readme).toContain('docker stack deploy --compose-file swarm/stack.yaml shop')
    expect(readme).toContain('docker node update --label-add stackwright.pool=isolated <node>')
  })
})
