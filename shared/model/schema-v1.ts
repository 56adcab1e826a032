// The design file, format v1 (read through migration only): the schema v1 files were validated with.
import { z } from 'zod'
import { ORCHESTRATOR_IDS, OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../catalog/ids'
import {
  CLOUDS,
  COMPLIANCE_FRAMEWORKS,
  DECISION_DIMENSIONS_V1,
  EXPERIENCE_LEVELS,
  EXPOSURES,
  LIMITS,
  LINUX_CAPABILITIES,
  NAMESPACE_STRATEGIES,
  NETWORK_POSTURES,
  OPS_CAPACITIES,
  POD_SECURITY_LEVELS,
  TREATMENTS,
  TRUST_LEVELS,
  WORKLOAD_ROLES,
  absolutePath,
  dnsLabel,
  freeText,
  imageRef,
  priority,
  uniqueList,
} from './schema-common'

export const API_VERSION_V1 = 'stackwright.dev/v1'

const workloadSchemaV1 = z.strictObject({
  name: dnsLabel,
  image: imageRef,
  team: dnsLabel.default('default'),
  os: z.enum(['linux', 'windows']).default('linux'),
  role: z.enum(WORKLOAD_ROLES).default('app'),
  replicas: z.int().min(1).max(LIMITS.replicas).default(1),
  ports: uniqueList(z.int().min(1).max(65535), LIMITS.portsPerWorkload).default([]),
  exposure: z.enum(EXPOSURES).default('internal'),
  talksTo: uniqueList(dnsLabel, LIMITS.flowsPerWorkload).default([]),
  observes: uniqueList(dnsLabel, LIMITS.flowsPerWorkload).default([]),
  trust: z.enum(TRUST_LEVELS).default('trusted'),
  /** Keeps data across restarts: a StatefulSet with a volume instead of a Deployment. */
  stateful: z.boolean().default(false),
  resources: z
    .strictObject({
      cpu: z
        .string()
        .regex(/^[0-9]+(\.[0-9]+)?m?$/, 'must be a CPU quantity like 250m or 1')
        .default('100m'),
      memory: z
        .string()
        .regex(/^[0-9]+(Ki|Mi|Gi)$/, 'must be a memory quantity like 256Mi or 1Gi')
        .default('128Mi'),
    })
    .prefault({}),
  needs: z
    .strictObject({
      writablePaths: uniqueList(absolutePath, LIMITS.writablePaths).default([]),
      capabilities: uniqueList(z.enum(LINUX_CAPABILITIES), LINUX_CAPABILITIES.length).default([]),
      hostAccess: z.boolean().default(false),
      /** Talks to the orchestrator's API, so it needs its service-account token mounted. */
      apiAccess: z.boolean().default(false),
      justification: freeText(LIMITS.textLong).optional(),
    })
    .prefault({}),
})

export const designSchemaV1 = z.strictObject({
  apiVersion: z.literal(API_VERSION_V1),
  kind: z.literal('Design'),
  metadata: z.strictObject({
    name: dnsLabel,
    title: freeText(LIMITS.textShort).default(''),
    owner: freeText(LIMITS.textShort).default(''),
  }),
  context: z
    .strictObject({
      cloud: z.enum(CLOUDS).default('on-prem'),
      nodes: z.int().min(1).max(LIMITS.nodes).default(3),
      team: z
        .strictObject({
          kubernetesExperience: z.enum(EXPERIENCE_LEVELS).default('some'),
          opsCapacity: z.enum(OPS_CAPACITIES).default('medium'),
        })
        .prefault({}),
      requirements: z
        .strictObject({
          windowsWorkloads: z.boolean().default(false),
          untrustedWorkloads: z.boolean().default(false),
          multiTenant: z.boolean().default(false),
          compliance: uniqueList(
            z.enum(COMPLIANCE_FRAMEWORKS),
            COMPLIANCE_FRAMEWORKS.length,
          ).default([]),
          airGapped: z.boolean().default(false),
        })
        .prefault({}),
      priorities: z
        .strictObject({
          security: priority.default(4),
          simplicity: priority.default(3),
          portability: priority.default(2),
          visibility: priority.default(3),
          cost: priority.default(2),
        })
        .prefault({}),
    })
    .prefault({}),
  choices: z
    .strictObject({
      orchestrator: z.enum(ORCHESTRATOR_IDS).default('kubernetes'),
      runtime: z.enum(RUNTIME_IDS).default('containerd'),
      os: z.enum(OS_IDS).default('ubuntu'),
      plugins: uniqueList(z.enum(PLUGIN_IDS), PLUGIN_IDS.length).default([]),
    })
    .prefault({}),
  isolation: z
    .strictObject({
      podSecurity: z.enum(POD_SECURITY_LEVELS).default('restricted'),
      namespaces: z.enum(NAMESPACE_STRATEGIES).default('per-team'),
      network: z.enum(NETWORK_POSTURES).default('default-deny'),
      runtimeClassForUntrusted: z.enum(RUNTIME_IDS).optional(),
    })
    .prefault({}),
  workloads: z.array(workloadSchemaV1).max(LIMITS.workloads).default([]),
  decisions: z.partialRecord(z.enum(DECISION_DIMENSIONS_V1), freeText(LIMITS.textLong)).default({}),
  risks: z
    .record(
      z.string().regex(/^[A-Z0-9-]{2,80}$/, 'must be a finding id like RISK-FLAT-NETWORK'),
      z.strictObject({
        treatment: z.enum(TREATMENTS),
        note: freeText(LIMITS.textLong).default(''),
      }),
    )
    .default({}),
})

/** A v1 design as parsed: every default filled in. The migration to v2 reads this. */
export type DesignV1 = z.output<typeof designSchemaV1>
/** A v1 design as written in a file. */
export type DesignInputV1 = z.input<typeof designSchemaV1>
