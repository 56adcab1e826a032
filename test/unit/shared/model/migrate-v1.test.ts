// The v1 -> v2 migration step (shared/model/migrate-v1.ts): examples and properties.
import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { catalog, engineFor, getOrchestrator } from '../../../../shared/catalog/index'
import { migrateToCurrent } from '../../../../shared/model/migrate'
import { designFromV1, v1ToV2, v1ToV2Document } from '../../../../shared/model/migrate-v1'
import { parseDesign } from '../../../../shared/model/parse'
import { checkReferences } from '../../../../shared/model/references'
import { API_VERSION_V2, designSchema } from '../../../../shared/model/schema'
import type { Design } from '../../../../shared/model/schema'
import { API_VERSION_V1, designSchemaV1 } from '../../../../shared/model/schema-v1'
import type { DesignInputV1, DesignV1 } from '../../../../shared/model/schema-v1'
import { serializeDesign } from '../../../../shared/model/serialize'
import { design as designArb } from './design-arbitrary'
import { designInputV1 } from './design-arbitrary-v1'
import { designText, validDesign } from './fixtures'

// Hundreds of migrations and parses per property on a shared two-core machine.
const TIMEOUT = 60_000

const V1_EXAMPLES_DIR = fileURLToPath(
  new URL('../../../fixtures/designs/v1-examples/', import.meta.url),
)
const v1Examples = readdirSync(V1_EXAMPLES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = readFileSync(V1_EXAMPLES_DIR + file, 'utf8')
    return { file, text, v1: designSchemaV1.parse(parseYaml(text)) }
  })

/** A small v1 design in the shape DESIGN.md documented, with a patch on top. */
function v1(patch: Partial<DesignInputV1> = {}): DesignInputV1 {
  return {
    apiVersion: API_VERSION_V1,
    kind: 'Design',
    metadata: { name: 'shop' },
    context: { cloud: 'on-prem', nodes: 7 },
    choices: {
      orchestrator: 'kubernetes',
      runtime: 'containerd',
      os: 'ubuntu',
      plugins: ['cilium'],
    },
    workloads: [{ name: 'web', image: 'ghcr.io/acme/web:1.0.0', ports: [8080] }],
    ...patch,
  }
}

/** The pool v1's `choices.os`/`runtime` became: the first pool that runs workloads. */
function primaryPool(design: Design) {
  return design.nodePools.find((p) => p.role !== 'control-plane')
}

/** The v1 invariants a migrated design must keep (see migrate-v1.ts). */
function expectMigrated(from: DesignV1, to: Design): void {
  expect(designSchema.safeParse(to).success).toBe(true)
  expect(checkReferences(to)).toEqual([])
  expect(to.apiVersion).toBe(API_VERSION_V2)
  expect(to.choices).toEqual({
    orchestrator: from.choices.orchestrator,
    plugins: from.choices.plugins,
  })
  const primary = primaryPool(to)
  expect(primary?.os).toBe(from.choices.os)
  expect(primary?.size).toBe(from.context.nodes)
  const runtime = catalog.runtimes.find((r) => r.id === from.choices.runtime)
  const family = catalog.operatingSystems.find((os) => os.id === from.choices.os)?.family
  const engine = family && engineFor(catalog, from.choices.orchestrator, family)
  switch (runtime?.kind) {
    case 'engine':
      expect(primary?.runtime).toBe(from.choices.runtime)
      break
    case 'sandbox':
      // The engine underneath, with the sandbox offered to (and used by) every workload.
      expect(primary?.sandboxes).toEqual([from.choices.runtime])
      expect(primary?.runtime).toBe(engine ?? from.choices.runtime)
      expect(to.isolation.sandboxWorkloads).toBe('all')
      break
    case 'isolation-mode':
      // Windows process isolation is how the engine runs Windows containers, not an engine.
      expect(primary?.runtime).toBe(engine ?? from.choices.runtime)
      expect(primary?.sandboxes).toEqual([])
      break
    case undefined:
      throw new Error(`unknown runtime ${from.choices.runtime}`)
  }
  const orchestrator = getOrchestrator(catalog, from.choices.orchestrator)
  expect(to.nodePools.some((p) => p.role === 'control-plane')).toBe(
    !orchestrator.managedControlPlane,
  )
  const sandboxId = from.isolation.runtimeClassForUntrusted
  if (sandboxId !== undefined && sandboxId !== from.choices.runtime) {
    const pool = to.nodePools.find((p) => p.sandboxes.includes(sandboxId))
    expect(pool?.name).toMatch(/^sandboxed/)
    // Its nodes run an OS the sandbox runs on, wherever the orchestrator offers one.
    const hostOs = catalog.runtimes.find((r) => r.id === sandboxId)?.hostOs ?? []
    const familyOf = (id: string | undefined) =>
      catalog.operatingSystems.find((os) => os.id === id)?.family ?? 'linux'
    const offered = [from.choices.os, ...orchestrator.os.worker].some((id) =>
      hostOs.includes(familyOf(id)),
    )
    if (offered) expect(hostOs).toContain(familyOf(pool?.os))
  }
  expect(to.workloads.map((w) => w.name)).toEqual(from.workloads.map((w) => w.name))
  from.workloads.forEach((w, i) => {
    const migrated = to.workloads[i]
    expect(migrated?.needs.privileged).toBe(w.needs.hostAccess)
    expect(migrated?.needs.justification).toBe(w.needs.justification)
    expect((migrated?.identity.orchestratorApi.length ?? 0) > 0).toBe(w.needs.apiAccess)
    expect(migrated?.talksTo).toEqual(w.talksTo)
    expect(migrated?.observes).toEqual(w.observes)
  })
  expect(to.endpoints.some((e) => e.kind === 'internet')).toBe(
    from.workloads.some((w) => w.exposure === 'public'),
  )
  expect(to.decisions).toEqual(from.decisions)
  expect(to.risks).toEqual(from.risks)
}

describe('migration from stackwright.dev/v1', () => {
  it.each(v1Examples.map((e) => [e.file, e] as const))(
    '%s migrates to a valid v2 design that keeps its meaning',
    (file, { text, v1: before }) => {
      const result = parseDesign(text, { fileName: file })
      if (!result.ok) throw new Error(JSON.stringify(result.errors))
      expect(result.migratedFrom).toBe(API_VERSION_V1)
      expectMigrated(before, result.design)
      // Written back, it is a v2 file that loads without migrating, to the same design.
      const again = parseDesign(serializeDesign(result.design, 'yaml'))
      expect(again.ok && again.migratedFrom).toBeUndefined()
      expect(again.ok && again.design).toEqual(result.design)
    },
  )

  it('the documented v1 example migrates too, its sandbox runtime becoming a sandbox pool', () => {
    const design = validDesign('v1-full.yaml')
    expectMigrated(designSchemaV1.parse(parseYaml(designText('v1-full.yaml'))), design)
    expect(design.nodePools).toEqual([
      expect.objectContaining({
        name: 'workers',
        os: 'bottlerocket',
        runtime: 'containerd',
        size: 12,
      }),
      expect.objectContaining({ name: 'sandboxed', os: 'bottlerocket', sandboxes: ['kata'] }),
    ])
  })

  it('choices.os and runtime become the primary pool; a self-managed control plane gets its own', () => {
    const design = designFromV1(v1())
    expect(design.nodePools).toEqual([
      {
        name: 'control-plane',
        role: 'control-plane',
        os: 'ubuntu',
        runtime: 'containerd',
        sandboxes: [],
        size: 3,
        virtualization: 'none',
        labels: {},
        taints: [],
      },
      {
        name: 'workers',
        role: 'workers',
        os: 'ubuntu',
        runtime: 'containerd',
        sandboxes: [],
        size: 7,
        virtualization: 'none',
        labels: {},
        taints: [],
      },
    ])
    const eks = designFromV1(
      v1({ choices: { orchestrator: 'eks', runtime: 'containerd', os: 'bottlerocket' } }),
    )
    expect(eks.nodePools.map((p) => [p.name, p.os])).toEqual([['workers', 'bottlerocket']])
  })

  it("workloads of another OS imply a pool of that OS with the orchestrator's runtime for it", () => {
    const design = designFromV1(
      v1({
        workloads: [
          { name: 'web', image: 'ghcr.io/acme/web:1.0.0', ports: [8080] },
          {
            name: 'legacy',
            image: 'mcr.microsoft.com/acme/legacy:4.8',
            os: 'windows',
            ports: [80],
          },
        ],
      }),
    )
    const windows = design.nodePools.find((p) => p.os === 'windows-server')
    expect(windows).toMatchObject({
      name: 'windows',
      role: 'workers',
      runtime: engineFor(catalog, 'kubernetes', 'windows'),
      taints: [{ key: 'os', value: 'windows', effect: 'NoSchedule' }],
    })
    expect(windows?.runtime).toBeDefined()
    // A Windows primary pool implies a Linux one for the Linux workloads.
    const swarm = designFromV1(
      v1({
        choices: { orchestrator: 'swarm', runtime: 'docker', os: 'windows-server' },
        workloads: [
          { name: 'web', image: 'ghcr.io/acme/web:1.0.0', os: 'windows', ports: [8080] },
          { name: 'cache', image: 'redis:7.4.1', ports: [6379] },
        ],
      }),
    )
    expect(primaryPool(swarm)?.os).toBe('windows-server')
    expect(swarm.nodePools.find((p) => p.name === 'linux')).toMatchObject({
      role: 'workers',
      runtime: engineFor(catalog, 'swarm', 'linux'),
    })
  })

  it('runtimeClassForUntrusted implies a tainted sandbox pool, virtualised as the cloud allows', () => {
    const onPrem = designFromV1(v1({ isolation: { runtimeClassForUntrusted: 'kata' } }))
    expect(onPrem.nodePools.find((p) => p.name === 'sandboxed')).toEqual({
      name: 'sandboxed',
      role: 'workers',
      os: 'ubuntu',
      runtime: 'containerd',
      sandboxes: ['kata'],
      size: 2,
      virtualization: 'bare-metal',
      labels: { 'stackwright.dev/sandbox': 'kata' },
      taints: [{ key: 'stackwright.dev/sandbox', value: 'kata', effect: 'NoSchedule' }],
    })
    expect(onPrem.isolation.sandboxWorkloads).toBe('untrusted')
    const cloud = designFromV1(
      v1({
        context: { cloud: 'gcp' },
        choices: { orchestrator: 'gke', runtime: 'containerd', os: 'cos' },
        isolation: { runtimeClassForUntrusted: 'gvisor' },
      }),
    )
    expect(cloud.nodePools.find((p) => p.name === 'sandboxed')).toMatchObject({
      os: 'cos',
      sandboxes: ['gvisor'],
      // gVisor is a user-space kernel: no virtual machines needed.
      virtualization: 'none',
    })
  })

  it('a sandbox of the other OS family gets a pool of that family (Hyper-V beside Linux)', () => {
    const design = designFromV1(
      v1({
        choices: { orchestrator: 'swarm', runtime: 'docker', os: 'ubuntu' },
        isolation: { runtimeClassForUntrusted: 'windows-hyperv' },
      }),
    )
    expect(design.nodePools.find((p) => p.name === 'sandboxed')).toMatchObject({
      os: 'windows-server',
      runtime: engineFor(catalog, 'swarm', 'windows'),
      sandboxes: ['windows-hyperv'],
      virtualization: 'bare-metal',
    })
  })

  it('a sandboxed v1 runtime ran everything sandboxed: the pool offers it to all workloads', () => {
    const design = designFromV1(
      v1({ choices: { orchestrator: 'kubernetes', runtime: 'kata', os: 'ubuntu' } }),
    )
    expect(primaryPool(design)).toMatchObject({
      runtime: 'containerd',
      sandboxes: ['kata'],
      virtualization: 'bare-metal',
    })
    expect(design.isolation.sandboxWorkloads).toBe('all')
    expect(design.nodePools.some((p) => p.name === 'sandboxed')).toBe(false)
    // A different sandbox for untrusted workloads still gets its pool.
    const both = designFromV1(
      v1({
        choices: { orchestrator: 'kubernetes', runtime: 'gvisor', os: 'ubuntu' },
        isolation: { runtimeClassForUntrusted: 'kata' },
      }),
    )
    expect(both.nodePools.map((p) => [p.name, p.sandboxes])).toEqual([
      ['control-plane', []],
      ['workers', ['gvisor']],
      ['sandboxed', ['kata']],
    ])
  })

  it('hostAccess becomes privileged with its justification; apiAccess read-only API access', () => {
    const design = designFromV1(
      v1({
        workloads: [
          {
            name: 'agent',
            image: 'ghcr.io/acme/agent:1.0.0',
            role: 'monitoring',
            needs: { hostAccess: true, apiAccess: true, justification: 'Reads node logs.' },
          },
          { name: 'operator', image: 'ghcr.io/acme/operator:1.0.0', needs: { apiAccess: true } },
        ],
      }),
    )
    const [agent, operator] = design.workloads
    expect(agent?.needs).toEqual({
      writablePaths: [],
      capabilities: [],
      hostPaths: [],
      hostNetwork: false,
      hostPID: false,
      privileged: true,
      justification: 'Reads node logs.',
    })
    const readOnly = {
      apiGroups: [''],
      resources: ['pods', 'services', 'endpoints'],
      verbs: ['get', 'list', 'watch'],
    }
    expect(agent?.identity.orchestratorApi).toEqual([{ ...readOnly, scope: 'cluster' }])
    expect(operator?.needs.privileged).toBe(false)
    expect(operator?.identity.orchestratorApi).toEqual([{ ...readOnly, scope: 'namespace' }])
  })

  it('public workloads imply an internet endpoint behind a load balancer, named clear of workloads', () => {
    const design = designFromV1(
      v1({
        workloads: [
          { name: 'internet', image: 'ghcr.io/acme/web:1.0.0', ports: [8080], exposure: 'public' },
        ],
      }),
    )
    expect(design.endpoints).toEqual([
      expect.objectContaining({ name: 'internet-2', kind: 'internet', ingress: 'load-balancer' }),
    ])
    expect(designFromV1(v1()).endpoints).toEqual([])
  })

  it('errors in a v1 file point at the v1 fields as written', () => {
    const text = `${designText('v1-bad-enum.yaml').replace('gpc', 'gcp').replace('dockerd', 'docker')}workloads:
  - name: web
    image: nginx:1.27
    talksTo: [apx]
`
    const result = parseDesign(text)
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({ path: 'workloads[0].talksTo[0]', line: 14, column: 15 }),
    ])
    // Paths in the migrated document map back to the v1 fields they came from.
    const doc = parseYaml(designText('v1-full.yaml')) as Record<string, unknown>
    const step = v1ToV2.migrate(doc)
    if (!step.ok) throw new Error('v1-full.yaml should migrate')
    expect(step.toSourcePath(['nodePools', 0, 'os'])).toEqual(['choices', 'os'])
    expect(step.toSourcePath(['nodePools', 0, 'runtime'])).toEqual(['choices', 'runtime'])
    // The second pool is the sandbox pool runtimeClassForUntrusted implied.
    expect(step.toSourcePath(['nodePools', 1, 'sandboxes'])).toEqual([
      'isolation',
      'runtimeClassForUntrusted',
    ])
    expect(step.toSourcePath(['nodePools', 0, 'size'])).toEqual(['context', 'nodes'])
    expect(step.toSourcePath(['workloads', 2, 'needs', 'privileged'])).toEqual([
      'workloads',
      2,
      'needs',
      'hostAccess',
    ])
    expect(step.toSourcePath(['workloads', 1, 'identity', 'orchestratorApi'])).toEqual([
      'workloads',
      1,
      'needs',
      'apiAccess',
    ])
  })

  it('points a violation on an implied pool at the v1 field that implied it', () => {
    const text = `apiVersion: stackwright.dev/v1
kind: Design
metadata:
  name: shop
choices:
  orchestrator: kubernetes
  runtime: containerd
  os: ubuntu
isolation:
  runtimeClassForUntrusted: kata
workloads:
  - name: web
    image: ghcr.io/acme/web:1.0.0
  - name: legacy
    image: mcr.microsoft.com/acme/legacy:4.8
    os: windows
`
    const step = v1ToV2.migrate(parseYaml(text) as Record<string, unknown>)
    if (!step.ok) throw new Error('should migrate')
    const pools = (step.value as { nodePools: { name: string }[] }).nodePools.map((p) => p.name)
    expect(pools).toEqual(['control-plane', 'workers', 'windows', 'sandboxed'])
    expect(step.toSourcePath(['nodePools', 0, 'size'])).toEqual(['choices', 'orchestrator'])
    expect(step.toSourcePath(['nodePools', 0, 'os'])).toEqual(['choices', 'os'])
    expect(step.toSourcePath(['nodePools', 2, 'runtime'])).toEqual(['workloads', 1, 'os'])
    expect(step.toSourcePath(['nodePools', 3, 'virtualization'])).toEqual([
      'isolation',
      'runtimeClassForUntrusted',
    ])
    expect(step.toSourcePath(['isolation', 'sandboxWorkloads'])).toEqual(['choices', 'runtime'])
  })

  it('does not touch its input', () => {
    const input = v1({ isolation: { runtimeClassForUntrusted: 'kata' } })
    const before = structuredClone(input)
    v1ToV2.migrate(input as unknown as Record<string, unknown>)
    expect(input).toEqual(before)
  })
})

describe('migration properties', () => {
  it(
    'every v1 design migrates without throwing to a valid v2 design that keeps its meaning',
    () => {
      fc.assert(
        fc.property(designInputV1, (input) => {
          const before = designSchemaV1.parse(input)
          const migrated = designSchema.safeParse(v1ToV2Document(before))
          if (!migrated.success) throw new Error(JSON.stringify(migrated.error.issues))
          expectMigrated(before, migrated.data)
          // The loader agrees: the same input as a file loads to the same design.
          const loaded = parseDesign(JSON.stringify(input))
          if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors))
          expect(loaded.migratedFrom).toBe(API_VERSION_V1)
          expect(loaded.design).toEqual(migrated.data)
        }),
        { numRuns: 200 },
      )
    },
    TIMEOUT,
  )

  it(
    'migration is idempotent: a migrated design, and any v2 design, passes through unchanged',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            designInputV1.map((i) => designFromV1(i)),
            designArb,
          ),
          (v2) => {
            const result = migrateToCurrent(v2 as unknown as Record<string, unknown>)
            expect(result.ok && result.migratedFrom).toBeUndefined()
            expect(result.ok && result.value).toEqual(v2)
            expect(designSchema.parse(v2)).toEqual(v2)
            const reloaded = parseDesign(serializeDesign(v2, 'json'))
            expect(reloaded.ok && reloaded.migratedFrom).toBeUndefined()
            expect(reloaded.ok && reloaded.design).toEqual(v2)
          },
        ),
        { numRuns: 150 },
      )
    },
    TIMEOUT,
  )
})
