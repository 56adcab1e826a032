// Designs for the ECS, Swarm and Nomad generator tests: a fixture loader, an independent statement of the
// declared flows, and a fast-check arbitrary that leans on the awkward cases (name clashes, Windows,
// unknown and self references, shared ports, hostile titles).
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import YAML from 'yaml'
import type { OrchestratorId, PluginId } from '../../shared/catalog/ids'
import {
  API_VERSION_V2,
  designSchema,
  type Design,
  type DesignInput,
} from '../../shared/model/schema'
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
/** Explicit sandbox requests, including ones no pool offers (the workload is then left unplaced). */
const SANDBOXES = [undefined, undefined, 'none', 'gvisor', 'windows-hyperv'] as const

/** Endpoints of every kind; names never clash with workload names. */
const ENDPOINTS: NonNullable<DesignInput['endpoints']> = [
  { name: 'inet', kind: 'internet', ingress: 'load-balancer' },
  {
    name: 'ext-cidr',
    kind: 'external',
    cidrs: ['198.51.100.0/24', '2001:db8::/32'],
    ports: [443, 8443],
  },
  { name: 'ext-host', kind: 'external', hosts: ['api.partner.example'] },
  { name: 'ext-both', kind: 'external', hosts: ['mix.partner.example'], cidrs: ['192.0.2.0/24'] },
  { name: 'cloud', kind: 'cloud-api', services: ['s3'] },
  { name: 'orch-api', kind: 'orchestrator-api', ports: [443, 6443] },
]

type PoolInput = NonNullable<DesignInput['nodePools']>[number]

/** Node pools an orchestrator family can run: Linux and Windows workers, a sandbox pool where offered. */
function poolsFor(orchestrator: OrchestratorId, labelled: boolean): PoolInput[] {
  const labels: Record<string, string> = labelled ? { tier: 'general' } : {}
  switch (orchestrator) {
    case 'ecs-fargate':
    case 'ecs-ec2': {
      const runtime = orchestrator === 'ecs-fargate' ? 'fargate' : 'docker'
      return [
        { name: 'linux', os: 'amazon-linux', runtime },
        {
          name: 'windows',
          os: 'windows-server',
          runtime: orchestrator === 'ecs-fargate' ? 'fargate' : 'windows-process',
        },
      ]
    }
    case 'swarm':
    case 'nomad':
      return [
        { name: 'managers', role: 'control-plane', os: 'ubuntu', runtime: 'docker' },
        { name: 'linux', os: 'ubuntu', runtime: 'docker', labels },
        ...(orchestrator === 'nomad'
          ? [
              {
                name: 'sandboxed',
                os: 'ubuntu' as const,
                runtime: 'docker' as const,
                sandboxes: ['gvisor' as const],
                labels,
              },
            ]
          : []),
        {
          name: 'windows',
          os: 'windows-server',
          runtime: 'windows-process',
          sandboxes: ['windows-hyperv'],
          virtualization: 'nested',
        },
      ]
    default:
      return [{ name: 'linux', os: 'ubuntu', runtime: 'containerd' }]
  }
}

/** Schema-valid v2 designs for one orchestrator. */
export function designArb(orchestrator: OrchestratorId, maxWorkloads = 6): fc.Arbitrary<Design> {
  return fc
    .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: maxWorkloads })
    .chain((names) => {
      const refs = [...names, 'ghost', ...ENDPOINTS.map((e) => e.name)]
      const workload = (name: string) =>
        fc.record({
          name: fc.constant(name),
          image: fc.constantFrom('ghcr.io/acme/app:1.0.0', 'postgres:16', 'registry.example/x/y:2'),
          os: fc.constantFrom('linux', 'linux', 'windows'),
          replicas: fc.integer({ min: 1, max: 4 }),
          ports: fc.uniqueArray(fc.constantFrom(...PORTS), { maxLength: 3 }),
          exposure: fc.constantFrom('public', 'internal', 'none'),
          talksTo: fc.subarray(refs, { maxLength: Math.min(4, refs.length) }),
          observes: fc.subarray([...names, 'ghost'], { maxLength: Math.min(2, names.length + 1) }),
          trust: fc.constantFrom('trusted', 'untrusted'),
          stateful: fc.boolean(),
          sandbox: fc.constantFrom(...SANDBOXES),
          resources: fc.record({
            cpu: fc.constantFrom('1m', '100m', '250m', '1', '2.5', '20'),
            memory: fc.constantFrom('1Ki', '128Mi', '600Mi', '3Gi', '200Gi'),
          }),
          needs: fc.record({
            writablePaths: fc.subarray(['/tmp', '/var/cache/app', '/data']),
            capabilities: fc.subarray([...CAPS]),
            hostPaths: fc.subarray([{ path: '/var/log' }, { path: '/srv/data', readOnly: false }]),
            hostNetwork: fc.boolean(),
            hostPID: fc.boolean(),
            privileged: fc.boolean(),
            justification: fc.constantFrom(undefined, 'Needs it for node-level collection.'),
          }),
          identity: fc.record({
            cloudRole: fc.constantFrom(undefined, 'app-role', 'arn:aws:iam::111122223333:role/r'),
            orchestratorApi: fc.constantFrom(
              [],
              [{ resources: ['pods'], verbs: ['get' as const] }],
            ),
          }),
        })
      return fc.record({
        title: fc.oneof(fc.constantFrom(...HOSTILE_TITLES), fc.string({ maxLength: 40 })),
        plugins: fc.subarray([...PLUGINS]),
        network: fc.constantFrom('default-deny', 'allow-all'),
        ingress: fc.constantFrom('none', 'load-balancer', 'ingress-controller'),
        labelled: fc.boolean(),
        workloads: fc.tuple(...names.map(workload)),
      })
    })
    .map((r) => {
      const input: DesignInput = {
        apiVersion: API_VERSION_V2,
        kind: 'Design',
        metadata: { name: 'prop-design', title: r.title },
        context: { cloud: 'aws' },
        choices: { orchestrator, plugins: r.plugins },
        nodePools: poolsFor(orchestrator, r.labelled),
        isolation: { network: r.network },
        endpoints: ENDPOINTS.map((e) => (e.kind === 'internet' ? { ...e, ingress: r.ingress } : e)),
        workloads: r.workloads.map(({ sandbox, needs, identity, ...w }) => ({
          ...w,
          ...(sandbox === undefined ? {} : { sandbox }),
          needs: Object.fromEntries(Object.entries(needs).filter(([, v]) => v !== undefined)),
          identity: Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined)),
        })),
      }
      return designSchema.parse(input)
    })
}
