// Designs for the ECS, Swarm and Nomad generator tests: a fixture loader, an independent statement of the
// declared flows, and a fast-check arbitrary that leans on the awkward cases (name clashes, Windows,
// unknown and self references, shared ports, hostile titles).
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import YAML from 'yaml'
import type { OrchestratorId, PluginId, RuntimeId } from '../../shared/catalog/ids'
import { API_VERSION_V2, designSchema, type Design } from '../../shared/model/schema'
import { designFromV1 } from '../../shared/model/migrate-v1'

/** Loads a design YAML file (v2, or v1 through the migration), optionally forcing the orchestrator. */
export function loadDesignFile(path: string, orchestrator?: OrchestratorId): Design {
  const raw = YAML.parse(readFileSync(path, 'utf8')) as {
    apiVersion?: string
    choices?: Record<string, unknown>
  }
  if (orchestrator) raw.choices = { ...raw.choices, orchestrator }
  return raw.apiVersion === API_VERSION_V2 ? designSchema.parse(raw) : designFromV1(raw)
}

/** A declared (source, destination, port) triple, worked out here from the design alone. */
export interface ExpectedFlow {
  readonly from: string
  readonly to: string
  readonly port: number
}

/**
 * The flows a generator must allow: every talksTo/observes of the first workload of each name to
 * another existing workload, on each of the destination's ports.
 */
export function expectedFlows(design: Design): ExpectedFlow[] {
  const first = new Map<string, Design['workloads'][number]>()
  for (const w of design.workloads) if (!first.has(w.name)) first.set(w.name, w)
  const out = new Map<string, ExpectedFlow>()
  for (const w of first.values()) {
    for (const to of [...w.talksTo, ...w.observes]) {
      const target = first.get(to)
      if (!target || to === w.name) continue
      for (const port of target.ports)
        out.set(`${w.name} ${to} ${port}`, { from: w.name, to, port })
    }
  }
  return [...out.values()]
}

/** Keys for set comparison. */
export const flowKey = (f: ExpectedFlow): string => `${f.from} -> ${f.to} : ${f.port}`

/** Titles that try to break out of JSON, YAML, HCL or a compose interpolation. */
export const HOSTILE_TITLES = [
  '"} job "evil" { ${x}',
  'a\nb: c\n- d',
  '%{ if true }x%{ endif } $${y} $HOME ${HOME:-x}',
  '\\"; rm -rf / #',
  "'single' `tick` \u2028 \u0007",
]

/** Names chosen so that readable derived names collide (`a-to` + `b` vs `a` + `to-b`). */
const NAMES = [
  'a',
  'b',
  'a-to',
  'to-b',
  'api',
  'api-9090',
  'web',
  'yes',
  '0o17',
  'allow-x',
  'x',
] as const
const PORTS = [53, 80, 443, 5432, 8080, 9090, 11000] as const
const CAPS = ['NET_BIND_SERVICE', 'SYS_PTRACE', 'NET_RAW', 'CHOWN', 'SYS_ADMIN'] as const
const PLUGINS: readonly PluginId[] = ['vault', 'prometheus']
const SANDBOXES: readonly (RuntimeId | undefined)[] = [
  undefined,
  'gvisor',
  'kata',
  'firecracker',
  'windows-hyperv',
]

/** Schema-valid designs for one orchestrator. */
export function designArb(orchestrator: OrchestratorId, maxWorkloads = 6): fc.Arbitrary<Design> {
  return fc
    .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: maxWorkloads })
    .chain((names) => {
      const refs = [...names, 'ghost']
      const workload = (name: string) =>
        fc.record({
          name: fc.constant(name),
          image: fc.constantFrom('ghcr.io/acme/app:1.0.0', 'postgres:16', 'registry.example/x/y:2'),
          os: fc.constantFrom('linux', 'linux', 'windows'),
          replicas: fc.integer({ min: 1, max: 4 }),
          ports: fc.uniqueArray(fc.constantFrom(...PORTS), { maxLength: 3 }),
          exposure: fc.constantFrom('public', 'internal', 'none'),
          talksTo: fc.subarray(refs, { maxLength: Math.min(3, refs.length) }),
          observes: fc.subarray(refs, { maxLength: Math.min(2, refs.length) }),
          trust: fc.constantFrom('trusted', 'untrusted'),
          stateful: fc.boolean(),
          resources: fc.record({
            cpu: fc.constantFrom('1m', '100m', '250m', '1', '2.5', '20'),
            memory: fc.constantFrom('1Ki', '128Mi', '600Mi', '3Gi', '200Gi'),
          }),
          needs: fc.record({
            writablePaths: fc.subarray(['/tmp', '/var/cache/app', '/data']),
            capabilities: fc.subarray([...CAPS]),
            hostAccess: fc.boolean(),
          }),
        })
      return fc.record({
        title: fc.oneof(fc.constantFrom(...HOSTILE_TITLES), fc.string({ maxLength: 40 })),
        runtime: fc.constantFrom<RuntimeId>('containerd', 'docker', 'windows-hyperv'),
        plugins: fc.subarray([...PLUGINS]),
        sandbox: fc.constantFrom(...SANDBOXES),
        network: fc.constantFrom('default-deny', 'allow-all'),
        workloads: fc.tuple(...names.map(workload)),
      })
    })
    .map((r) =>
      designFromV1({
        apiVersion: 'stackwright.dev/v1',
        kind: 'Design',
        metadata: { name: 'prop-design', title: r.title },
        choices: { orchestrator, runtime: r.runtime, plugins: r.plugins },
        isolation: {
          network: r.network,
          ...(r.sandbox ? { runtimeClassForUntrusted: r.sandbox } : {}),
        },
        workloads: r.workloads,
      }),
    )
}
