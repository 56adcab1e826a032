// fast-check arbitraries for valid v2 designs (the current format), built from the schema's own enums
// and limits. v1 designs, read through migration, are in design-arbitrary-v1.ts.
import fc from 'fast-check'
import { ORCHESTRATOR_IDS, OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../../../../shared/catalog/ids'
import {
  API_SCOPES,
  API_VERBS,
  API_VERSION_V2,
  CLOUDS,
  COMPLIANCE_FRAMEWORKS,
  DECISION_DIMENSIONS,
  ENDPOINT_KINDS,
  EXPERIENCE_LEVELS,
  EXPOSURES,
  INGRESS_KINDS,
  LINUX_CAPABILITIES,
  NAMESPACE_STRATEGIES,
  NETWORK_POSTURES,
  OPS_CAPACITIES,
  POD_SECURITY_LEVELS,
  POOL_ROLES,
  SANDBOX_SCOPES,
  TAINT_EFFECTS,
  TREATMENTS,
  TRUST_LEVELS,
  VIRTUALIZATION_LEVELS,
  WORKLOAD_ROLES,
  designSchema,
} from '../../../../shared/model/schema'
import type { Design, DesignInput } from '../../../../shared/model/schema'

export const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,14}[a-z0-9])?$/)

/** Any text: every code point, control characters included, to stress quoting and escaping. */
export const text = (max: number) =>
  fc
    .oneof(fc.string({ maxLength: max }), fc.string({ unit: 'binary', maxLength: max }))
    .filter((s) => s.length <= max)

export const subset = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values))

export const image = fc
  .tuple(
    fc.constantFrom('', 'ghcr.io/', 'registry.example.com:5000/', 'docker.io/library/'),
    fc.stringMatching(/^[a-z0-9]{1,8}([._-][a-z0-9]{1,8}){0,2}$/),
    fc.constantFrom('', ':1.2.3', ':latest', `@sha256:${'a'.repeat(64)}`),
  )
  .map(([registry, repo, tag]) => `${registry}${repo}${tag}`)

export const absolutePath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/), { minLength: 1, maxLength: 3 })
  .filter((segments) => !segments.includes('..'))
  .map((segments) => `/${segments.join('/')}`)

const labelKey = fc.stringMatching(
  /^([a-z0-9]{1,8}\.[a-z]{2,4}\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/,
)
const labelValue = fc.stringMatching(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?)?$/)
const port = fc.integer({ min: 1, max: 65535 })
const ports = fc.uniqueArray(port, { maxLength: 4 })

const nodePoolBody = fc.record(
  {
    role: fc.constantFrom(...POOL_ROLES),
    os: fc.constantFrom(...OS_IDS),
    runtime: fc.constantFrom(...RUNTIME_IDS),
    sandboxes: subset(RUNTIME_IDS),
    size: fc.integer({ min: 1, max: 100000 }),
    virtualization: fc.constantFrom(...VIRTUALIZATION_LEVELS),
    labels: fc.dictionary(labelKey, labelValue, { maxKeys: 3 }),
    taints: fc.array(
      fc.record(
        { key: labelKey, value: labelValue, effect: fc.constantFrom(...TAINT_EFFECTS) },
        { requiredKeys: ['key'] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['os', 'runtime'] },
)

const hostName = fc.stringMatching(/^(\*\.)?([a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?\.){1,3}[a-z]{2,6}$/)
const cidr = fc.oneof(
  fc
    .tuple(fc.nat({ max: 255 }), fc.nat({ max: 255 }), fc.nat({ max: 255 }), fc.nat({ max: 32 }))
    .map(([a, b, c, bits]) => `${a}.${b}.${c}.0/${bits}`),
  fc.constantFrom('2001:db8::/32', 'fd00::/8', '::1/128'),
)
const addresses = {
  hosts: fc.uniqueArray(hostName, { maxLength: 3 }),
  cidrs: fc.uniqueArray(cidr, { maxLength: 3 }),
}
const endpointExtras = {
  ports: fc.uniqueArray(port, { minLength: 1, maxLength: 3 }),
  services: fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,10}$/), { maxLength: 3 }),
}

/** An endpoint body whose fields fit its kind (the reference checks refuse the rest). */
const endpointBody = fc
  .constantFrom(...ENDPOINT_KINDS)
  .chain((kind): fc.Arbitrary<Omit<EndpointInput, 'name'>> => {
    switch (kind) {
      case 'internet':
        return fc.record(
          {
            kind: fc.constant(kind),
            ingress: fc.constantFrom(...INGRESS_KINDS),
            ...endpointExtras,
          },
          { requiredKeys: ['kind'] },
        )
      case 'external':
        return fc
          .record(
            { kind: fc.constant(kind), ...addresses, ...endpointExtras },
            { requiredKeys: ['kind'] },
          )
          .filter((e) => (e.hosts?.length ?? 0) + (e.cidrs?.length ?? 0) > 0)
      case 'cloud-api':
        return fc.record(
          { kind: fc.constant(kind), ...addresses, ...endpointExtras },
          { requiredKeys: ['kind'] },
        )
      case 'orchestrator-api':
        return fc.record({ kind: fc.constant(kind), ...endpointExtras }, { requiredKeys: ['kind'] })
    }
  })

const apiRule = fc.record(
  {
    apiGroups: fc.uniqueArray(fc.constantFrom('', 'apps', 'batch', 'networking.k8s.io'), {
      maxLength: 3,
    }),
    resources: fc.uniqueArray(
      fc.constantFrom('pods', 'pods/log', 'services', 'nodes', 'configmaps'),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    verbs: fc.uniqueArray(fc.constantFrom(...API_VERBS), { minLength: 1, maxLength: 4 }),
    scope: fc.constantFrom(...API_SCOPES),
  },
  { requiredKeys: ['resources', 'verbs'] },
)

/** A v2 workload body; its pool, flows and name are added once the design's names are known. */
const workloadBody = fc.record(
  {
    image,
    team: dnsLabel,
    os: fc.constantFrom('linux', 'windows'),
    role: fc.constantFrom(...WORKLOAD_ROLES),
    replicas: fc.integer({ min: 1, max: 1000 }),
    ports,
    exposure: fc.constantFrom(...EXPOSURES),
    trust: fc.constantFrom(...TRUST_LEVELS),
    stateful: fc.boolean(),
    sandbox: fc.constantFrom(...RUNTIME_IDS, 'none' as const),
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
        hostPaths: fc.array(
          fc.record({ path: absolutePath, readOnly: fc.boolean() }, { requiredKeys: ['path'] }),
          {
            maxLength: 2,
          },
        ),
        hostNetwork: fc.boolean(),
        hostPID: fc.boolean(),
        privileged: fc.boolean(),
        justification: text(60),
      },
      { requiredKeys: [] },
    ),
    identity: fc.record(
      {
        cloudRole: fc.stringMatching(/^[A-Za-z0-9+=,.@:/_-]{1,40}$/),
        orchestratorApi: fc.array(apiRule, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['image'] },
)

type PoolInput = NonNullable<DesignInput['nodePools']>[number]
type EndpointInput = NonNullable<DesignInput['endpoints']>[number]
type WorkloadInput = NonNullable<DesignInput['workloads']>[number]

/**
 * Node pools, endpoints and workloads that refer to each other correctly: unique names (workloads
 * and endpoints share theirs), pools that exist, talksTo to endpoints or to workloads with ports,
 * observes to workloads only.
 */
const platform = fc
  .record({
    poolNames: fc.uniqueArray(dnsLabel, { maxLength: 4 }),
    names: fc.uniqueArray(dnsLabel, { maxLength: 9 }),
    endpointShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
  })
  .chain(({ poolNames, names, endpointShare }) => {
    const split = Math.floor(names.length * endpointShare)
    const endpointNames = names.slice(0, split)
    const workloadNames = names.slice(split)
    const picks = fc.infiniteStream(fc.boolean())
    return fc.record({
      pools: fc.tuple(
        ...poolNames.map((name) => nodePoolBody.map((b): PoolInput => ({ name, ...b }))),
      ),
      endpoints: fc.tuple(
        ...endpointNames.map((name) => endpointBody.map((b): EndpointInput => ({ name, ...b }))),
      ),
      bodies: fc.tuple(
        ...workloadNames.map((name) =>
          fc.record({
            name: fc.constant(name),
            body: workloadBody,
            pool: fc.option(fc.constantFrom('', ...poolNames), { nil: undefined }),
            talk: picks,
            observe: picks,
          }),
        ),
      ),
    })
  })
  .map(({ pools, endpoints, bodies }) => {
    const withPorts = bodies.filter((b) => (b.body.ports?.length ?? 0) > 0).map((b) => b.name)
    const workloads = bodies.map(({ name, body, pool, talk, observe }): WorkloadInput => {
      const targets = [...withPorts.filter((n) => n !== name), ...endpoints.map((e) => e.name)]
      const out: WorkloadInput = {
        name,
        ...body,
        talksTo: targets.filter(() => talk.next().value === true),
        observes: bodies.map((b) => b.name).filter(() => observe.next().value === true),
      }
      if (pool !== undefined && pool !== '') out.pool = pool
      return out
    })
    return { nodePools: pools, endpoints, workloads }
  })

/** A v2 design as a file would hold it (defaults may be missing), always valid. */
export const designInput: fc.Arbitrary<DesignInput> = fc
  .record({
    metadata: fc.record(
      { name: dnsLabel, title: text(40), owner: text(40) },
      { requiredKeys: ['name'] },
    ),
    context: fc.record(
      {
        cloud: fc.constantFrom(...CLOUDS),
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
      { orchestrator: fc.constantFrom(...ORCHESTRATOR_IDS), plugins: subset(PLUGIN_IDS) },
      { requiredKeys: [] },
    ),
    isolation: fc.record(
      {
        podSecurity: fc.constantFrom(...POD_SECURITY_LEVELS),
        podSecurityByTeam: fc.dictionary(dnsLabel, fc.constantFrom(...POD_SECURITY_LEVELS), {
          maxKeys: 3,
        }),
        namespaces: fc.constantFrom(...NAMESPACE_STRATEGIES),
        network: fc.constantFrom(...NETWORK_POSTURES),
        sandboxWorkloads: fc.constantFrom(...SANDBOX_SCOPES),
      },
      { requiredKeys: [] },
    ),
    platform,
    decisions: fc.dictionary(fc.constantFrom(...DECISION_DIMENSIONS), text(80)),
    risks: fc.dictionary(
      fc.stringMatching(/^[A-Z0-9-]{2,20}$/),
      fc.record(
        { treatment: fc.constantFrom(...TREATMENTS), note: text(80) },
        { requiredKeys: ['treatment'] },
      ),
    ),
  })
  .map(({ platform: { nodePools, endpoints, workloads }, ...rest }) => ({
    apiVersion: API_VERSION_V2,
    kind: 'Design' as const,
    ...rest,
    nodePools,
    endpoints,
    workloads,
  }))

/** A valid v2 design with every default filled in. */
export const design: fc.Arbitrary<Design> = designInput.map((input) => designSchema.parse(input))
