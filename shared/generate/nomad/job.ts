// The Nomad job: one group per workload, a hardened docker task, Consul Connect services with upstreams.
import { cpuMillicores, memoryMiB } from '../../util/quantities'
import { attr, block, interpolation, render, type HclNode } from './hcl'
import type { GroupPlan, NomadPlan } from './plan'

export const LINUX_USER = '10001:10001'
export const WINDOWS_USER = 'ContainerUser'
export const HEALTH_COMMAND = { linux: '/healthcheck', windows: 'C:\\healthcheck.exe' } as const

/** Nomad's smallest accepted memory (MB). */
const MIN_MEMORY_MB = 10

/** Port label for a mapped port: labels become environment variable names, so no dashes. */
export function portLabel(kind: 'public' | 'port', port: number): string {
  return `${kind}_${port}`
}

/** Nomad counts CPU in MHz; the design in cores. 1 core is taken as 1000 MHz (documented in the README). */
export function cpuMHz(cpu: string): number {
  return cpuMillicores(cpu)
}

/** Task memory in MB, at least Nomad's minimum. */
export function taskMemoryMB(memory: string): number {
  return Math.max(MIN_MEMORY_MB, memoryMiB(memory))
}

/** The job file text. */
export function renderJob(plan: NomadPlan): string {
  const job = block(
    'job',
    [plan.design.metadata.name],
    [
      attr('datacenters', ['*']),
      attr('type', 'service'),
      // One pool: the job's node pool. Several: the built-in `all` pool, and each group constrained
      // to its own with `${node.pool}` (Nomad docs, "Node Pools", built-in node pools).
      ...(plan.nodePool === undefined ? [] : [attr('node_pool', plan.nodePool)]),
      block(
        'meta',
        [],
        [
          attr('stackwright_design', plan.design.metadata.name),
          attr('stackwright_title', plan.design.metadata.title),
        ],
      ),
      ...plan.groups.map((g) => group(g, plan.nodePool === 'all')),
    ],
  )
  return render([job]) + '\n'
}

function group(g: GroupPlan, byPool: boolean): HclNode {
  const w = g.workload
  return block(
    'group',
    [w.name],
    [
      attr('count', w.replicas),
      block(
        'constraint',
        [],
        [
          attr('attribute', interpolation('attr.kernel.name')),
          attr('value', g.windows ? 'windows' : 'linux'),
        ],
      ),
      ...(byPool && g.pool
        ? [
            block(
              'constraint',
              [],
              [attr('attribute', interpolation('node.pool')), attr('value', g.pool.pool.name)],
            ),
          ]
        : []),
      ...network(g),
      ...g.services.map((s, i) => service(g, s.name, s.port, i === 0)),
      ...g.publicServices.map(([name, port]) =>
        block('service', [], [attr('name', name), attr('port', portLabel('public', port))]),
      ),
      task(g),
    ],
  )
}

function network(g: GroupPlan): HclNode[] {
  const w = g.workload
  // Windows has no bridge mode: its ports are mapped by Docker and reachable without the mesh.
  const mapped = g.windows
    ? w.ports.map((p) => [portLabel('port', p), p] as const)
    : g.publicServices.map(([, p]) => [portLabel('public', p), p] as const)
  if (g.windows && mapped.length === 0) return []
  return [
    block(
      'network',
      [],
      [
        ...(g.windows ? [] : [attr('mode', 'bridge')]),
        ...mapped.map(([label, to]) => block('port', [label], [attr('to', to)])),
      ],
    ),
  ]
}

function service(g: GroupPlan, name: string, port: number | undefined, main: boolean): HclNode {
  const portValue =
    port === undefined ? [] : [attr('port', g.windows ? portLabel('port', port) : String(port))]
  const connect = g.windows
    ? []
    : [
        block(
          'connect',
          [],
          [
            block(
              'sidecar_service',
              [],
              main && g.upstreams.length > 0
                ? [
                    block(
                      'proxy',
                      [],
                      g.upstreams.map((u) =>
                        block(
                          'upstreams',
                          [],
                          [
                            attr('destination_name', u.destination),
                            attr('local_bind_port', u.localBindPort),
                          ],
                        ),
                      ),
                    ),
                  ]
                : [],
            ),
          ],
        ),
      ]
  return block(
    'service',
    [],
    [
      attr('name', name),
      ...portValue,
      ...connect,
      ...(main
        ? [
            block(
              'check',
              [],
              [
                attr('name', `${g.workload.name}-health`),
                attr('type', 'script'),
                attr('task', g.workload.name),
                attr('command', g.windows ? HEALTH_COMMAND.windows : HEALTH_COMMAND.linux),
                attr('interval', '30s'),
                attr('timeout', '5s'),
              ],
            ),
          ]
        : []),
    ],
  )
}

function task(g: GroupPlan): HclNode {
  const w = g.workload
  const linux = !g.windows
  const config: HclNode[] = [
    attr('image', w.image),
    ...(linux
      ? [
          attr('readonly_rootfs', true),
          attr('init', true),
          attr('cap_drop', ['ALL']),
          ...(g.capAdd.length > 0 ? [attr('cap_add', [...g.capAdd])] : []),
          attr('security_opt', ['no-new-privileges']),
          // Justified exceptions only; the client must also allow them (README).
          ...(g.privileged ? [attr('privileged', true)] : []),
          ...(g.hostPid ? [attr('pid_mode', 'host')] : []),
        ]
      : []),
    ...(g.runtime ? [attr('runtime', g.runtime.name)] : []),
    ...(g.hyperv ? [attr('isolation', 'hyperv')] : []),
    ...(g.windows && w.ports.length > 0
      ? [
          attr(
            'ports',
            w.ports.map((p) => portLabel('port', p)),
          ),
        ]
      : []),
    ...(linux
      ? w.needs.writablePaths.map((target) =>
          block(
            'mount',
            [],
            [attr('type', 'tmpfs'), attr('target', target), attr('readonly', false)],
          ),
        )
      : []),
    ...g.hostPaths.map((h) =>
      block(
        'mount',
        [],
        [
          attr('type', 'bind'),
          attr('source', h.path),
          attr('target', h.path),
          attr('readonly', h.readOnly),
        ],
      ),
    ),
  ]
  return block(
    'task',
    [w.name],
    [
      attr('driver', 'docker'),
      attr('user', linux ? LINUX_USER : WINDOWS_USER),
      block('config', [], config),
      block(
        'resources',
        [],
        [attr('cpu', cpuMHz(w.resources.cpu)), attr('memory', taskMemoryMB(w.resources.memory))],
      ),
      ...(g.vaultRole ? [block('vault', [], [attr('role', g.vaultRole)])] : []),
    ],
  )
}
