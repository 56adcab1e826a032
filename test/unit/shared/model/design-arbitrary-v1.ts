// fast-check arbitraries for valid v1 designs (read through the v1 -> v2 migration), built from the
// v1 schema's enums and limits.
import fc from 'fast-check'
import { ORCHESTRATOR_IDS, OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../../../../shared/catalog/ids'
import {
  CLOUDS,
  COMPLIANCE_FRAMEWORKS,
  DECISION_DIMENSIONS_V1,
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
} from '../../../../shared/model/schema-common'
import { API_VERSION_V1, designSchemaV1 } from '../../../../shared/model/schema-v1'
import type { DesignInputV1, DesignV1 } from '../../../../shared/model/schema-v1'
import { absolutePath, dnsLabel, image, subset, text } from './design-arbitrary'

const workloadBodyV1 = fc.record(
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

/** v1 workloads with unique names whose flows name only other workloads that declare ports. */
const workloadsV1 = fc
  .uniqueArray(dnsLabel, { maxLength: 6 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(workloadBodyV1, { minLength: names.length, maxLength: names.length }),
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

/** A v1 design as a file would hold it (defaults may be missing), always valid v1. */
export const designInputV1: fc.Arbitrary<DesignInputV1> = fc.record({
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
  workloads: workloadsV1,
  decisions: fc.dictionary(fc.constantFrom(...DECISION_DIMENSIONS_V1), text(80)),
  risks: fc.dictionary(
    fc.stringMatching(/^[A-Z0-9-]{2,20}$/),
    fc.record(
      { treatment: fc.constantFrom(...TREATMENTS), note: text(80) },
      { requiredKeys: ['treatment'] },
    ),
  ),
})

/** A valid v1 design with every default filled in. */
export const designV1: fc.Arbitrary<DesignV1> = designInputV1.map((input) =>
  designSchemaV1.parse(input),
)
