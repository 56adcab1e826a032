// fast-check arbitraries for schema-valid designs, drawn over every enum of the schema and the catalog ids.
import fc from 'fast-check'
import { ORCHESTRATOR_IDS, OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../../shared/catalog/ids'
import type { Design } from '../../shared/model/schema'
import {
  CLOUDS,
  COMPLIANCE_FRAMEWORKS,
  EXPERIENCE_LEVELS,
  EXPOSURES,
  NAMESPACE_STRATEGIES,
  NETWORK_POSTURES,
  OPS_CAPACITIES,
  POD_SECURITY_LEVELS,
  TRUST_LEVELS,
  WORKLOAD_ROLES,
} from '../../shared/model/schema'
import { designFromV1 } from '../../shared/model/migrate-v1'

const CAPABILITY_SAMPLE = [
  'NET_BIND_SERVICE',
  'CHOWN',
  'SYS_ADMIN',
  'NET_ADMIN',
  'SYS_PTRACE',
] as const
const priority = fc.integer({ min: 0, max: 5 })

/** A raw workload list whose flows only name existing workloads. */
const workloadsArb = (max: number) =>
  fc
    .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), { minLength: 0, maxLength: max })
    .chain((names) =>
      fc.tuple(
        ...names.map((name) =>
          fc.record({
            name: fc.constant(name),
            image: fc.constantFrom(
              'ghcr.io/acme/app:1.0.0',
              'nginx',
              'nginx:latest',
              'registry.example/x/y:2',
            ),
            team: fc.constantFrom('alpha', 'beta', 'gamma'),
            os: fc.constantFrom('linux', 'linux', 'windows'),
            role: fc.constantFrom(...WORKLOAD_ROLES),
            replicas: fc.integer({ min: 1, max: 5 }),
            ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 2 }),
            exposure: fc.constantFrom(...EXPOSURES),
            talksTo: fc.subarray(names.filter((n) => n !== name)),
            observes: fc.subarray(
              names.filter((n) => n !== name),
              { maxLength: Math.min(2, names.length - 1) },
            ),
            trust: fc.constantFrom(...TRUST_LEVELS),
            stateful: fc.boolean(),
            needs: fc.record({
              writablePaths: fc.subarray(['/tmp', '/data', '/var/cache/app']),
              capabilities: fc.subarray([...CAPABILITY_SAMPLE]),
              hostAccess: fc.boolean(),
              apiAccess: fc.boolean(),
            }),
          }),
        ),
      ),
    )

/** Any schema-valid design (valid as a file; it may still have violations against the catalog). */
export const designArb = (maxWorkloads = 6): fc.Arbitrary<Design> =>
  fc
    .record({
      cloud: fc.constantFrom(...CLOUDS),
      nodes: fc.integer({ min: 1, max: 500 }),
      experience: fc.constantFrom(...EXPERIENCE_LEVELS),
      capacity: fc.constantFrom(...OPS_CAPACITIES),
      windows: fc.boolean(),
      untrusted: fc.boolean(),
      multiTenant: fc.boolean(),
      airGapped: fc.boolean(),
      compliance: fc.subarray([...COMPLIANCE_FRAMEWORKS]),
      priorities: fc.record({
        security: priority,
        simplicity: priority,
        portability: priority,
        visibility: priority,
        cost: priority,
      }),
      orchestrator: fc.constantFrom(...ORCHESTRATOR_IDS),
      runtime: fc.constantFrom(...RUNTIME_IDS),
      os: fc.constantFrom(...OS_IDS),
      plugins: fc.subarray([...PLUGIN_IDS], { maxLength: 7 }),
      podSecurity: fc.constantFrom(...POD_SECURITY_LEVELS),
      namespaces: fc.constantFrom(...NAMESPACE_STRATEGIES),
      network: fc.constantFrom(...NETWORK_POSTURES),
      sandbox: fc.option(fc.constantFrom(...RUNTIME_IDS), { nil: undefined }),
      workloads: workloadsArb(maxWorkloads),
    })
    .map((r) =>
      designFromV1({
        apiVersion: 'stackwright.dev/v1',
        kind: 'Design',
        metadata: { name: 'arbitrary' },
        context: {
          cloud: r.cloud,
          nodes: r.nodes,
          team: { kubernetesExperience: r.experience, opsCapacity: r.capacity },
          requirements: {
            windowsWorkloads: r.windows,
            untrustedWorkloads: r.untrusted,
            multiTenant: r.multiTenant,
            airGapped: r.airGapped,
            compliance: r.compliance,
          },
          priorities: r.priorities,
        },
        choices: { orchestrator: r.orchestrator, runtime: r.runtime, os: r.os, plugins: r.plugins },
        isolation: {
          podSecurity: r.podSecurity,
          namespaces: r.namespaces,
          network: r.network,
          ...(r.sandbox ? { runtimeClassForUntrusted: r.sandbox } : {}),
        },
        workloads: r.workloads,
      }),
    )
