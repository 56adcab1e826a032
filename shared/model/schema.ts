// The design file, format v1: one zod schema gives the type, validation, defaults and JSON Schema.
import { z } from 'zod'
import { ORCHESTRATOR_IDS, OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../catalog/ids'

export const API_VERSION_V1 = 'stackwright.dev/v1'

/** DNS-1123 label: lower-case alphanumerics and '-', 1..63 chars; can never become a path. */
export const dnsLabel = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    'must be a DNS-1123 label: lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit',
  )

const freeText = (max: number) => z.string().max(max, `must be at most ${max} characters`)

export const CLOUDS = ['aws', 'gcp', 'azure', 'on-prem', 'hybrid'] as const
export const EXPERIENCE_LEVELS = ['none', 'some', 'expert'] as const
export const OPS_CAPACITIES = ['low', 'medium', 'high'] as const
export const COMPLIANCE_FRAMEWORKS = ['pci-dss', 'hipaa', 'soc2', 'fedramp', 'none'] as const
export const POD_SECURITY_LEVELS = ['restricted', 'baseline', 'privileged'] as const
export const NAMESPACE_STRATEGIES = ['per-workload', 'per-team', 'shared'] as const
export const NETWORK_POSTURES = ['default-deny', 'allow-all'] as const
export const WORKLOAD_ROLES = ['app', 'monitoring', 'sidecar'] as const
export const EXPOSURES = ['public', 'internal', 'none'] as const
export const TRUST_LEVELS = ['trusted', 'untrusted'] as const
export const TREATMENTS = ['open', 'mitigated', 'accepted', 'transferred'] as const
export const DECISION_DIMENSIONS = [
  'orchestrator',
  'runtime',
  'os',
  'plugins',
  'isolation',
] as const

/** Linux capabilities a workload may ask for (capabilities(7)), without the CAP_ prefix. */
export const LINUX_CAPABILITIES = [
  'AUDIT_CONTROL',
  'AUDIT_READ',
  'AUDIT_WRITE',
  'BLOCK_SUSPEND',
  'BPF',
  'CHECKPOINT_RESTORE',
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'IPC_LOCK',
  'IPC_OWNER',
  'KILL',
  'LEASE',
  'LINUX_IMMUTABLE',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'MKNOD',
  'NET_ADMIN',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_RAW',
  'PERFMON',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_CHROOT',
  'SYS_MODULE',
  'SYS_NICE',
  'SYS_PACCT',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'SYSLOG',
  'WAKE_ALARM',
] as const

/** Limits that keep hostile or accidental input bounded. */
export const LIMITS = {
  workloads: 5000,
  portsPerWorkload: 64,
  flowsPerWorkload: 256,
  writablePaths: 32,
  replicas: 1000,
  nodes: 100000,
  textShort: 200,
  textLong: 4000,
} as const

const absolutePath = z
  .string()
  .max(256)
  .regex(
    /^\/[A-Za-z0-9._\-/]*$/,
    'must be an absolute path of letters, digits, ".", "_", "-" and "/"',
  )
  .refine((p) => !p.split('/').includes('..'), 'must not contain ".." segments')

/** OCI image reference: [registry/]repository[:tag][@digest]. Tags are checked by the engine. */
const imageRef = z
  .string()
  .min(1)
  .max(512)
  .regex(
    /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(@sha256:[a-f0-9]{64})?$/,
    'must be an image reference like registry.example.com/team/app:1.2.3',
  )

const priority = z.int().min(0).max(5)

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, 'must not list the same value twice')

export const workloadSchema = z.strictObject({
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
  workloads: z.array(workloadSchema).max(LIMITS.workloads).default([]),
  decisions: z.partialRecord(z.enum(DECISION_DIMENSIONS), freeText(LIMITS.textLong)).default({}),
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

/** A design as parsed: every default filled in. */
export type Design = z.output<typeof designSchemaV1>
/** A design as written in a file: optional fields may be absent. */
export type DesignInput = z.input<typeof designSchemaV1>
export type Workload = Design['workloads'][number]
export type Choices = Design['choices']
export type Treatment = (typeof TREATMENTS)[number]
export type DecisionDimension = (typeof DECISION_DIMENSIONS)[number]
