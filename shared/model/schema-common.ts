// Building blocks shared by every design-file format version: names, enums, limits, paths, images.
import { z } from 'zod'

/** DNS-1123 label: lower-case alphanumerics and '-', 1..63 chars; can never become a path. */
export const dnsLabel = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    'must be a DNS-1123 label: lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit',
  )

export const freeText = (max: number) => z.string().max(max, `must be at most ${max} characters`)

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
/** Decision dimensions of format v1; v2 adds node pools and endpoints. */
export const DECISION_DIMENSIONS_V1 = [
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

export const absolutePath = z
  .string()
  .max(256)
  .regex(
    /^\/[A-Za-z0-9._\-/]*$/,
    'must be an absolute path of letters, digits, ".", "_", "-" and "/"',
  )
  .refine((p) => !p.split('/').includes('..'), 'must not contain ".." segments')

/** OCI image reference: [registry/]repository[:tag][@digest]. Tags are checked by the engine. */
export const imageRef = z
  .string()
  .min(1)
  .max(512)
  .regex(
    /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(@sha256:[a-f0-9]{64})?$/,
    'must be an image reference like registry.example.com/team/app:1.2.3',
  )

export const priority = z.int().min(0).max(5)

export const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, 'must not list the same value twice')
