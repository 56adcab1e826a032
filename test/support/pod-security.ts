// Pod Security Standards checker: every Baseline and Restricted control of the official page
// (kubernetes/website content/en/docs/concepts/security/pod-security-standards.md, revision of August
// 2025, i.e. through the v1.34 host-probe control), including the OS-specific relaxations: with
// `spec.os.name: windows`, Privilege Escalation, Seccomp and Capabilities (Restricted) do not apply.
import { arr, at, containersOf, isObj, type Obj } from './k8s-manifests'

export type PssLevel = 'privileged' | 'baseline' | 'restricted'

export interface PssViolation {
  readonly level: 'baseline' | 'restricted'
  /** The control's name on the page, e.g. `Running as Non-root`. */
  readonly control: string
  readonly detail: string
}

const BASELINE_CAPABILITIES = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]
const SELINUX_TYPES = [
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]
const RESTRICTED_VOLUME_SOURCES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]

type Check = (pod: Obj, spec: unknown, containers: { list: string; container: Obj }[]) => string[]

const ctr = (c: { list: string; container: Obj }): string =>
  `${c.list}[${String(c.container.name)}]`

const BASELINE: readonly (readonly [string, Check])[] = [
  [
    'HostProcess',
    (_p, spec, cs) => [
      ...(at(spec, 'securityContext', 'windowsOptions', 'hostProcess') === true
        ? ['spec.securityContext.windowsOptions.hostProcess is true']
        : []),
      ...cs
        .filter((c) => at(c.container, 'securityContext', 'windowsOptions', 'hostProcess') === true)
        .map((c) => `${ctr(c)} is a HostProcess container`),
    ],
  ],
  [
    'Host Namespaces',
    (_p, spec) =>
      ['hostNetwork', 'hostPID', 'hostIPC']
        .filter((f) => at(spec, f) === true)
        .map((f) => `spec.${f} is true`),
  ],
  [
    'Privileged Containers',
    (_p, _s, cs) =>
      cs
        .filter((c) => at(c.container, 'securityContext', 'privileged') === true)
        .map((c) => `${ctr(c)} is privileged`),
  ],
  [
    'Capabilities',
    (_p, _s, cs) =>
      cs.flatMap((c) =>
        arr(at(c.container, 'securityContext', 'capabilities', 'add'))
          .filter((cap) => !BASELINE_CAPABILITIES.includes(String(cap)))
          .map((cap) => `${ctr(c)} adds ${String(cap)}`),
      ),
  ],
  [
    'HostPath Volumes',
    (_p, spec) =>
      arr(at(spec, 'volumes'))
        .filter((v) => at(v, 'hostPath') !== undefined)
        .map((v) => `volume ${String(at(v, 'name'))} is a hostPath`),
  ],
  [
    'Host Ports',
    (_p, _s, cs) =>
      cs.flatMap((c) =>
        arr(c.container.ports)
          .filter((p) => ![undefined, 0].includes(at(p, 'hostPort') as number | undefined))
          .map((p) => `${ctr(c)} uses hostPort ${String(at(p, 'hostPort'))}`),
      ),
  ],
  [
    'Host Probes / Lifecycle Hooks',
    (_p, _s, cs) =>
      cs.flatMap((c) =>
        [
          ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probe) =>
            ['httpGet', 'tcpSocket'].map((h) => [probe, h]),
          ),
          ...['postStart', 'preStop'].flatMap((hook) =>
            ['httpGet', 'tcpSocket'].map((h) => ['lifecycle', hook, h]),
          ),
        ].flatMap((path) => {
          const host = at(c.container, ...path, 'host')
          return host === undefined || host === ''
            ? []
            : [`${ctr(c)} ${path.join('.')}.host is set`]
        }),
      ),
  ],
  [
    'AppArmor',
    (pod, spec, cs) => [
      ...[at(spec, 'securityContext'), ...cs.map((c) => at(c.container, 'securityContext'))]
        .map((sc) => at(sc, 'appArmorProfile', 'type'))
        .filter((t) => t !== undefined && t !== 'RuntimeDefault' && t !== 'Localhost')
        .map((t) => `appArmorProfile.type ${String(t)}`),
      ...Object.entries(
        isObj(at(pod, 'metadata', 'annotations'))
          ? (at(pod, 'metadata', 'annotations') as Obj)
          : {},
      )
        .filter(
          ([k, v]) =>
            k.startsWith('container.apparmor.security.beta.kubernetes.io/') &&
            v !== 'runtime/default' &&
            !String(v).startsWith('localhost/'),
        )
        .map(([k, v]) => `annotation ${k}=${String(v)}`),
    ],
  ],
  [
    'SELinux',
    (_p, spec, cs) =>
      [at(spec, 'securityContext'), ...cs.map((c) => at(c.container, 'securityContext'))].flatMap(
        (sc) => {
          const opts = at(sc, 'seLinuxOptions')
          if (opts === undefined) return []
          const type = at(opts, 'type')
          return [
            ...(type === undefined || SELINUX_TYPES.includes(String(type))
              ? []
              : [`seLinuxOptions.type ${String(type)}`]),
            ...['user', 'role']
              .filter((f) => ![undefined, ''].includes(at(opts, f) as string | undefined))
              .map((f) => `seLinuxOptions.${f} is set`),
          ]
        },
      ),
  ],
  [
    '/proc Mount Type',
    (_p, _s, cs) =>
      cs
        .filter(
          (c) =>
            ![undefined, 'Default'].includes(
              at(c.container, 'securityContext', 'procMount') as string | undefined,
            ),
        )
        .map((c) => `${ctr(c)} procMount is not Default`),
  ],
  [
    'Seccomp',
    (_p, spec, cs) =>
      [at(spec, 'securityContext'), ...cs.map((c) => at(c.container, 'securityContext'))]
        .map((sc) => at(sc, 'seccompProfile', 'type'))
        .filter((t) => t !== undefined && t !== 'RuntimeDefault' && t !== 'Localhost')
        .map((t) => `seccompProfile.type ${String(t)}`),
  ],
  [
    'Sysctls',
    (_p, spec) =>
      arr(at(spec, 'securityContext', 'sysctls'))
        .map((s) => String(at(s, 'name')))
        .filter((n) => !SAFE_SYSCTLS.includes(n))
        .map((n) => `sysctl ${n} is not in the safe set`),
  ],
]

const windows = (spec: unknown): boolean => at(spec, 'os', 'name') === 'windows'

const RESTRICTED: readonly (readonly [string, Check])[] = [
  [
    'Volume Types',
    (_p, spec) =>
      arr(at(spec, 'volumes'))
        .filter(
          (v) =>
            !RESTRICTED_VOLUME_SOURCES.some((s) => at(v, s) !== undefined && at(v, s) !== null),
        )
        .map((v) => `volume ${String(at(v, 'name'))} has a disallowed type`),
  ],
  [
    'Privilege Escalation',
    (_p, spec, cs) =>
      windows(spec)
        ? []
        : cs
            .filter((c) => at(c.container, 'securityContext', 'allowPrivilegeEscalation') !== false)
            .map((c) => `${ctr(c)} does not set allowPrivilegeEscalation: false`),
  ],
  [
    'Running as Non-root',
    (_p, spec, cs) => {
      const podLevel = at(spec, 'securityContext', 'runAsNonRoot')
      return [
        ...(podLevel === false ? ['spec.securityContext.runAsNonRoot is false'] : []),
        ...cs
          .filter((c) => {
            const own = at(c.container, 'securityContext', 'runAsNonRoot')
            return own === false || (own === undefined && podLevel !== true)
          })
          .map((c) => `${ctr(c)} may run as root`),
      ]
    },
  ],
  [
    'Running as Non-root user',
    (_p, spec, cs) =>
      [
        ['spec', at(spec, 'securityContext')] as const,
        ...cs.map((c) => [ctr(c), at(c.container, 'securityContext')] as const),
      ]
        .filter(([, sc]) => at(sc, 'runAsUser') === 0)
        .map(([w]) => `${w} sets runAsUser 0`),
  ],
  [
    'Seccomp',
    (_p, spec, cs) => {
      if (windows(spec)) return []
      const ok = (t: unknown): boolean => t === 'RuntimeDefault' || t === 'Localhost'
      const podType = at(spec, 'securityContext', 'seccompProfile', 'type')
      return cs
        .filter((c) => {
          const own = at(c.container, 'securityContext', 'seccompProfile', 'type')
          return own === undefined ? !ok(podType) : !ok(own)
        })
        .map((c) => `${ctr(c)} has no RuntimeDefault or Localhost seccomp profile`)
    },
  ],
  [
    'Capabilities',
    (_p, spec, cs) =>
      windows(spec)
        ? []
        : cs.flatMap((c) => {
            const caps = at(c.container, 'securityContext', 'capabilities')
            const drop = arr(at(caps, 'drop')).map(String)
            const add = arr(at(caps, 'add')).map(String)
            return [
              ...(drop.includes('ALL') ? [] : [`${ctr(c)} does not drop ALL`]),
              ...add
                .filter((cap) => cap !== 'NET_BIND_SERVICE')
                .map((cap) => `${ctr(c)} adds ${cap}`),
            ]
          }),
  ],
]

/**
 * Violations of `level` for a pod (`{ metadata, spec }`, e.g. a controller's template). Restricted
 * includes Baseline; Privileged has no controls.
 */
export function checkPodSecurity(pod: Obj, level: PssLevel): PssViolation[] {
  if (level === 'privileged') return []
  const spec = pod.spec
  const containers = containersOf(spec)
  const run = (
    lvl: 'baseline' | 'restricted',
    checks: readonly (readonly [string, Check])[],
  ): PssViolation[] =>
    checks.flatMap(([control, check]) =>
      check(pod, spec, containers).map((detail) => ({ level: lvl, control, detail })),
    )
  return [
    ...run('baseline', BASELINE),
    ...(level === 'restricted' ? run('restricted', RESTRICTED) : []),
  ]
}

/** The names of every control the checker implements, by level (for reporting what ran). */
export const PSS_CONTROLS = {
  baseline: BASELINE.map(([name]) => name),
  restricted: RESTRICTED.map(([name]) => name),
} as const
