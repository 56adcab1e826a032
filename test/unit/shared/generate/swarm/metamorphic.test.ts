// Metamorphic tests: change one thing in the design, check the stack moves in that direction only.
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateSwarm } from '../../../../../shared/generate/swarm/index'
import type { Design, Workload } from '../../../../../shared/model/schema'
import { loadDesignFile } from '../../../../support/ecs-swarm-nomad-designs'
import { composeSchemaErrors } from '../../../../support/swarm-compose-schema'
import type { ComposeFile } from '../../../../support/swarm-networks'

const base = loadDesignFile(
  fileURLToPath(new URL('../../../../fixtures/golden/swarm/design.yaml', import.meta.url)),
)

type Network = { internal?: boolean; driver_opts?: { encrypted?: string } }

function stack(d: Design): ComposeFile & { networks: Record<string, Network> } {
  const text = generateSwarm(d, catalog).artifacts.find((a) => a.path === 'swarm/stack.yaml')
  const doc = YAML.parse(text?.content ?? '') as ComposeFile & { networks: Record<string, Network> }
  expect(composeSchemaErrors(doc)).toEqual([])
  return doc
}
const readme = (d: Design) =>
  generateSwarm(d, catalog).artifacts.find((a) => a.path === 'swarm/README.md')?.content ?? ''

function withWorkload(d: Design, name: string, change: (w: Workload) => Workload): Design {
  return { ...d, workloads: d.workloads.map((w) => (w.name === name ? change(w) : w)) }
}

const encrypted = (n: Network | undefined) => n?.driver_opts?.encrypted === 'true'

describe('Swarm metamorphic properties', () => {
  it('moving a workload to a Windows pool adds the Windows constraint and removes encryption from its networks', () => {
    const before = stack(base)
    const moved = withWorkload(base, 'db', (w) => ({
      ...w,
      os: 'windows',
      pool: 'windows',
      stateful: false,
      needs: { ...w.needs, writablePaths: [] },
    }))
    const after = stack(moved)
    expect(before.services.db!.deploy.placement.constraints).toContain('node.platform.os == linux')
    expect(after.services.db!.deploy.placement.constraints).toEqual([
      'node.platform.os == windows',
      'node.labels.stackwright.pool == windows',
    ])
    const dbNets = after.services.db!.networks
    expect(dbNets.length).toBeGreaterThan(0)
    for (const n of dbNets) {
      expect(encrypted(before.networks[n]), n).toBe(true)
      expect(encrypted(after.networks[n]), n).toBe(false)
    }
    // Networks without the moved service keep their encryption.
    for (const [name, n] of Object.entries(after.networks))
      if (!dbNets.includes(name)) expect(encrypted(n), name).toBe(encrypted(before.networks[name]))
  })

  it('removing the internet ingress unpublishes every port and changes nothing else', () => {
    const closed: Design = {
      ...base,
      endpoints: base.endpoints.map((e) =>
        e.kind === 'internet' ? { ...e, ingress: 'none' as const } : e,
      ),
    }
    const before = stack(base)
    const after = stack(closed)
    for (const [name, s] of Object.entries(after.services)) {
      expect(s, name).not.toHaveProperty('ports')
      const rest = { ...before.services[name]! }
      delete rest.ports
      expect(s).toEqual(rest)
    }
    expect(after.networks).toEqual(before.networks)
  })

  it('adding an endpoint to a service gives only that service one non-internal network', () => {
    const d = withWorkload(
      { ...base, endpoints: [...base.endpoints, { ...base.endpoints[1]!, name: 'cdn' }] },
      'catalog',
      (w) => ({ ...w, talksTo: [...w.talksTo, 'cdn'] }),
    )
    const before = stack(base)
    const after = stack(d)
    const added = Object.keys(after.networks).filter((n) => !(n in before.networks))
    expect(added).toEqual(['catalog-egress'])
    expect(after.networks['catalog-egress']?.internal).toBeUndefined()
    expect(after.services.catalog!.networks).toContain('catalog-egress')
    for (const [name, s] of Object.entries(after.services))
      if (name !== 'catalog') expect(s.networks).toEqual(before.services[name]!.networks)
  })

  it('a justification is what grants an exception: without it the bind mount and capability go', () => {
    const justified = withWorkload(base, 'catalog', (w) => ({
      ...w,
      needs: { ...w.needs, justification: 'Attaches a debugger in staging.' },
    }))
    expect(stack(base).services.catalog!.cap_add).toEqual(['NET_BIND_SERVICE'])
    expect(stack(justified).services.catalog!.cap_add).toEqual(['NET_BIND_SERVICE', 'SYS_PTRACE'])
    const unjustified = withWorkload(base, 'log-shipper', (w) => ({
      ...w,
      needs: { ...w.needs, justification: undefined },
    }))
    expect(stack(base).services['log-shipper']!.volumes).toHaveLength(1)
    expect(stack(unjustified).services['log-shipper']).not.toHaveProperty('volumes')
    expect(readme(unjustified)).toContain(
      '`log-shipper` (`workloads[7].needs`): not granted: host paths `/var/log`',
    )
  })

  it('never emits privileged or host namespaces, and says so', () => {
    const d = withWorkload(base, 'orders', (w) => ({
      ...w,
      needs: { ...w.needs, privileged: true, hostPID: true, justification: 'Debugging.' },
    }))
    const text = generateSwarm(d, catalog).artifacts.find((a) => a.path === 'swarm/stack.yaml')
    expect(text?.content).not.toMatch(/privileged|pid:/)
    expect(readme(d)).toContain('`orders` (`workloads[3].needs`): not granted: privileged mode')
  })

  it('says plainly that orchestrator API access has no Swarm equivalent', () => {
    expect(readme(base)).toContain('Swarm has no RBAC, so nothing is generated')
    const none = withWorkload(base, 'log-shipper', (w) => ({
      ...w,
      identity: { ...w.identity, orchestratorApi: [] },
    }))
    expect(readme(none)).not.toContain('Swarm has no RBAC, so nothing is generated')
    expect(stack(none)).toEqual(stack(base))
  })
})
