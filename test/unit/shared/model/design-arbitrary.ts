// fast-check arbitraries for valid designs, built from the schema's own enums and limits.
import fc from 'fast-check'
import { ORCHESTRATOR_IDS, OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../../../../shared/catalog/ids'
import {
  API_VERSION_V1,
  CLOUDS,
  COMPLIANCE_FRAMEWORKS,
  DECISION_DIMENSIONS,
  EXPERIENCE_LEVELS,
  EXPOSURES,
  LINUX_CAPABILITIES,
  NAMESPACE_STRATEGIES,
  NETWORK_POSTURES,
  OPS_CAPACITIES,
  POD_SECURITY_LEVELS,
  TREATMENTS,
  TRUST_LEVELS,
  WORKLOAD_ROLES,
} from '../../../../shared/model/schema'
import { designFromV1 } from '../../../../shared/model/migrate-v1'
import type { Design } from '../../../../shared/model/schema'

export const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,14}[a-z0-9])?$/)

/** Any text: every code point, control characters included, to stress quoting and escaping. */
const text = (max: number) =>
  fc
    .oneof(fc.string({ maxLength: max }), fc.string({ unit: 'binary', maxLength: max }))
    .filter((s) => s.length <= max)

const subset = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values))

const image = fc
  .tuple(
    fc.constantFrom('', 'ghcr.io/', 'registry.example.com:5000/', 'docker.io/library/'),
    fc.stringMatching(/^[a-z0-9]{1,8}([._-][a-z0-9]{1,8}){0,2}$/),
    fc.constantFrom('', ':1.2.3', ':latest', `@sha256:${'a'.repeat(64)}`),
  )
  .map(([registry, repo, tag]) => `${registry}${repo}${tag}`)

const absolutePath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/), { minLength: 1, maxLength: 3 })
  .filter((segments) => !segments.includes('..'))
  .map((segments) => `/${segments.join('/')}`)

const workloadBody = fc.record(
  {
    image,
    team: dnsLabel,
    os: fc.constantFrom('linux', 'windows'),
    role: fc.constantFrom(...WORKLOAD_ROLES),
    replicas: fc.integer({ min: 1, max: 1000 }),
    ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 4 }),
    exposure: fc.constantFrom(...EXPOSURES),
    trust: fc.constantFrom(...TRUST_LEVELS),
    stateful: fc.boolean(),
    resources: fc.record(
      {
        cpu: fc.stringMatching(/^[0-9]{1,4}(\.[0-9]{1,3})?m?$/),
        memory: fc.stringMatching(/^[0-9]{1,5}(Ki|Mi|Gi)$/),
      },
      { requiredKeys: [] },
    ),
    needs: fc.record(
      {
        writablePaths: fc.uniqueArray(absolutePath, { maxLength: 3 }),
        capabilities: subset(LINUX_CAPABILITIES),
        hostAccess: fc.boolean(),
        apiAccess: fc.boolean(),
        justification: text(60),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['image'] },
)

/** Workloads with unique names whose flows name only other workloads that declare ports. */
const workloads = fc
  .uniqueArray(dnsLabel, { maxLength: 6 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(workloadBody, { minLength: names.length, maxLength: names.length }),
      fc.array(fc.tuple(fc.infiniteStream(fc.boolean()), fc.infiniteStream(fc.boolean())), {
        minLength: names.length,
        maxLength: names.length,
      }),
    ),
  )
  .map(([names, bodies, picks]) =>
    names.map((name, i) => {
      const body = bodies[i] ?? { image: 'x' }
      const [talkPicks, observePicks] = picks[i] ?? []
      const reachable = names.filter(
        (other, j) => other !== name && (bodies[j]?.ports?.length ?? 0) > 0,
      )
      const talksTo = reachable.filter(() => talkPicks?.next().value === true)
      const observes = names.filter(() => observePicks?.next().value === true)
      return { name, ...body, talksTo, observes }
    }),
  )

/** A design as a file would hold it (defaults may be missing), always valid. */
export const designInput = fc.record({
  apiVersion: fc.constant(API_VERSION_V1),
  kind: fc.constant('Design'),
  metadata: fc.record(
    { name: dnsLabel, title: text(40), owner: text(40) },
    { requiredKeys: ['name'] },
  ),
  context: fc.record(
    {
      cloud: fc.constantFrom(...CLOUDS),
      nodes: fc.integer({ min: 1, max: 100000 }),
      team: fc.record(
        {
          kubernetesExperience: fc.constantFrom(...EXPERIENCE_LEVELS),
          opsCapacity: fc.constantFrom(...OPS_CAPACITIES),
        },
        { requiredKeys: [] },
      ),
      requirements: fc.record(
        {
          windowsWorkloads: fc.boolean(),
          untrustedWorkloads: fc.boolean(),
          multiTenant: fc.boolean(),
          compliance: subset(COMPLIANCE_FRAMEWORKS),
          airGapped: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      priorities: fc.record(
        {
          security: fc.integer({ min: 0, max: 5 }),
          simplicity: fc.integer({ min: 0, max: 5 }),
          portability: fc.integer({ min: 0, max: 5 }),
          visibility: fc.integer({ min: 0, max: 5 }),
          cost: fc.integer({ min: 0, max: 5 }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  ),
  choices: fc.record(
    {
      orchestrator: fc.constantFrom(...ORCHESTRATOR_IDS),
      runtime: fc.constantFrom(...RUNTIME_IDS),
      os: fc.constantFrom(...OS_IDS),
      plugins: subset(PLUGIN_IDS),
    },
    { requiredKeys: [] },
  ),
  isolation: fc.record(
    {
      podSecurity: fc.constantFrom(...POD_SECURITY_LEVELS),
      namespaces: fc.constantFrom(...NAMESPACE_STRATEGIES),
      network: fc.constantFrom(...NETWORK_POSTURES),
      runtimeClassForUntrusted: fc.constantFrom(...RUNTIME_IDS),
    },
    { requiredKeys: [] },
  ),
  workloads,
  decisions: fc.dictionary(fc.constantFrom(...DECISION_DIMENSIONS), text(80)),
  risks: fc.dictionary(
    fc.stringMatching(/^[A-Z0-9-]{2,20}$/),
    fc.record(
      { treatment: fc.constantFrom(...TREATMENTS), note: text(80) },
      { requiredKeys: ['treatment'] },
    ),
  ),
})

/** A valid design with every default filled in. */
export const design: fc.Arbitrary<Design> = designInput.map((input) => designFromV1(input))
