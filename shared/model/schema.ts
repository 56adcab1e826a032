// The design file, format v2: one zod schema gives the type, validation, defaults and JSON Schema.
//
// v2 describes the platform's real shape: node pools (each with its OS, runtime and sandboxes),
// where each workload runs, pod security per team with per-workload exceptions, traffic to and
// from the outside (endpoints), and each workload's identity. v1 files load through migrate-v1.ts.
import { z } from 'zod'
import { ORCHESTRATOR_IDS, OS_IDS, PLUGIN_IDS, RUNTIME_IDS } from '../catalog/ids'
import {
  CLOUDS,
  COMPLIANCE_FRAMEWORKS,
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

export * from './schema-common'

export const API_VERSION_V2 = 'stackwright.dev/v2'

export const POOL_ROLES = ['control-plane', 'system', 'workers'] as const
export const VIRTUALIZATION_LEVELS = ['none', 'nested', 'bare-metal'] as const
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const
export const ENDPOINT_KINDS = ['internet', 'external', 'cloud-api', 'orchestrator-api'] as const
export const INGRESS_KINDS = ['none', 'load-balancer', 'ingress-controller'] as const
export const SANDBOX_SCOPES = ['untrusted', 'all'] as const
export const API_SCOPES = ['namespace', 'cluster'] as const
/** Kubernetes RBAC verbs (Kubernetes docs, "Using RBAC Authorization"). */
export const API_VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
] as const
export const DECISION_DIMENSIONS = [
  'orchestrator',
  'nodes',
  'runtime',
  'os',
  'plugins',
  'isolation',
  'endpoints',
] as const

/** A Kubernetes label or taint key: optional DNS-subdomain prefix, then a name of up to 63 characters. */
const labelKey = z
  .string()
  .max(317)
  .regex(
    /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
    'must be a label key like example.com/role or role',
  )
const labelValue = z
  .string()
  .regex(
    /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/,
    'must be a label value: up to 63 letters, digits, "-", "_" or "."',
  )

/** A DNS name an endpoint is reached at; a leading `*.` matches one or more labels. */
const hostName = z
  .string()
  .max(253)
  .regex(
    /^(\*\.)?([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a lower-case DNS name like api.stripe.com or *.amazonaws.com',
  )

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/
const IPV6_CIDR = /^[0-9a-f:]{2,39}\/\d{1,3}$/

function isCidr(text: string): boolean {
  const v4 = IPV4_CIDR.exec(text)
  if (v4 !== null) {
    const [, a, b, c, d, bits] = v4.map(Number) as number[]
    return [a, b, c, d].every((n) => n !== undefined && n <= 255) && (bits ?? 99) <= 32
  }
  return IPV6_CIDR.test(text) && Number(text.split('/')[1]) <= 128 && text.includes(':')
}

const cidr = z
  .string()
  .max(43)
  .refine(isCidr, 'must be a CIDR block like 203.0.113.0/24 or 2001:db8::/32')

const port = z.int().min(1).max(65535)

export const nodePoolSchema = z.strictObject({
  name: dnsLabel,
  role: z.enum(POOL_ROLES).default('workers'),
  /** Catalog OS id of the pool's nodes. */
  os: z.enum(OS_IDS),
  /** The container engine (CRI or Docker Engine) on these nodes; sandboxes are listed apart. */
  runtime: z.enum(RUNTIME_IDS),
  /** Sandboxed runtime handlers the nodes offer (Kata, gVisor, Firecracker, Hyper-V isolation). */
  sandboxes: uniqueList(z.enum(RUNTIME_IDS), RUNTIME_IDS.length).default([]),
  size: z.int().min(1).max(LIMITS.nodes).default(3),
  /** Whether the nodes can run virtual machines: needed by Kata, Firecracker and Hyper-V isolation. */
  virtualization: z.enum(VIRTUALIZATION_LEVELS).default('none'),
  labels: z.record(labelKey, labelValue).default({}),
  taints: z
    .array(
      z.strictObject({
        key: labelKey,
        value: labelValue.default(''),
        effect: z.enum(TAINT_EFFECTS).default('NoSchedule'),
      }),
    )
    .max(16)
    .default([]),
})

export const endpointSchema = z.strictObject({
  name: dnsLabel,
  kind: z.enum(ENDPOINT_KINDS),
  /** How traffic from the internet reaches public workloads (internet endpoints only). */
  ingress: z.enum(INGRESS_KINDS).default('none'),
  /** External services: DNS names (FQDN policies where the CNI supports them). */
  hosts: uniqueList(hostName, 64).default([]),
  /** External services: address blocks (ipBlock / security-group rules). */
  cidrs: uniqueList(cidr, 64).default([]),
  ports: uniqueList(port, LIMITS.portsPerWorkload).default([443]),
  /** Cloud APIs used through this endpoint, e.g. s3, sts, secretsmanager (free text, for the document). */
  services: uniqueList(z.string().regex(/^[a-z0-9][a-z0-9.-]{0,62}$/), 32).default([]),
})

const apiAccessRule = z.strictObject({
  apiGroups: uniqueList(
    z.string().regex(/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$/, 'must be "" or an API group'),
    16,
  ).default(['']),
  resources: uniqueList(
    z.string().regex(/^[a-z][a-z0-9]*(\/[a-z]+)?$/, 'must be a resource like pods or pods/log'),
    32,
  ).min(1),
  verbs: uniqueList(z.enum(API_VERBS), API_VERBS.length).min(1),
  scope: z.enum(API_SCOPES).default('namespace'),
})

const hostPath = z.strictObject({
  path: absolutePath,
  readOnly: z.boolean().default(true),
})

export const workloadSchema = z.strictObject({
  name: dnsLabel,
  image: imageRef,
  team: dnsLabel.default('default'),
  os: z.enum(['linux', 'windows']).default('linux'),
  role: z.enum(WORKLOAD_ROLES).default('app'),
  replicas: z.int().min(1).max(LIMITS.replicas).default(1),
  ports: uniqueList(port, LIMITS.portsPerWorkload).default([]),
  exposure: z.enum(EXPOSURES).default('internal'),
  /** Workloads or endpoints this workload opens connections to. */
  talksTo: uniqueList(dnsLabel, LIMITS.flowsPerWorkload).default([]),
  /** Workloads this one scrapes or watches over the network (monitoring agents, sidecars). */
  observes: uniqueList(dnsLabel, LIMITS.flowsPerWorkload).default([]),
  trust: z.enum(TRUST_LEVELS).default('trusted'),
  /** Keeps data across restarts: a StatefulSet with a volume instead of a Deployment. */
  stateful: z.boolean().default(false),
  /** The node pool it runs on; derived from its OS and trust when absent. */
  pool: dnsLabel.optional(),
  /** A sandbox handler to run in, or `none`; by default untrusted workloads get their pool's sandbox. */
  sandbox: z.enum([...RUNTIME_IDS, 'none']).optional(),
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
      /** Node directories mounted into the container (node-level collection, e.g. /var/log). */
      hostPaths: z.array(hostPath).max(LIMITS.writablePaths).default([]),
      hostNetwork: z.boolean().default(false),
      hostPID: z.boolean().default(false),
      privileged: z.boolean().default(false),
      /** Why the workload needs more than its namespace's pod security level allows. */
      justification: freeText(LIMITS.textLong).optional(),
    })
    .prefault({}),
  identity: z
    .strictObject({
      /** The cloud role the workload assumes (IAM role, Google service account, Azure identity). */
      cloudRole: z
        .string()
        .regex(/^[A-Za-z0-9+=,.@:/_-]{1,256}$/, 'must be a role name, ARN, e-mail or client id')
        .optional(),
      /** Orchestrator API access: becomes a least-privilege Role (or ClusterRole) and binding. */
      orchestratorApi: z.array(apiAccessRule).max(16).default([]),
    })
    .prefault({}),
})

export const designSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION_V2),
  kind: z.literal('Design'),
  metadata: z.strictObject({
    name: dnsLabel,
    title: freeText(LIMITS.textShort).default(''),
    owner: freeText(LIMITS.textShort).default(''),
  }),
  context: z
    .strictObject({
      cloud: z.enum(CLOUDS).default('on-prem'),
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
      plugins: uniqueList(z.enum(PLUGIN_IDS), PLUGIN_IDS.length).default([]),
    })
    .prefault({}),
  nodePools: z.array(nodePoolSchema).max(64).default([]),
  isolation: z
    .strictObject({
      /** The pod security level of every namespace, unless its team has its own below. */
      podSecurity: z.enum(POD_SECURITY_LEVELS).default('restricted'),
      podSecurityByTeam: z.record(dnsLabel, z.enum(POD_SECURITY_LEVELS)).default({}),
      namespaces: z.enum(NAMESPACE_STRATEGIES).default('per-team'),
      network: z.enum(NETWORK_POSTURES).default('default-deny'),
      /** Which workloads run in a sandbox where their pool offers one. */
      sandboxWorkloads: z.enum(SANDBOX_SCOPES).default('untrusted'),
    })
    .prefault({}),
  endpoints: z.array(endpointSchema).max(256).default([]),
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
export type Design = z.output<typeof designSchema>
/** A design as written in a file: optional fields may be absent. */
export type DesignInput = z.input<typeof designSchema>
export type Workload = Design['workloads'][number]
export type NodePool = Design['nodePools'][number]
export type Endpoint = Design['endpoints'][number]
export type ApiAccessRule = Workload['identity']['orchestratorApi'][number]
export type Choices = Design['choices']
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number]
export type Treatment = (typeof TREATMENTS)[number]
export type DecisionDimension = (typeof DECISION_DIMENSIONS)[number]
