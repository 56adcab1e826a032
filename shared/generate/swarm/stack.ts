// The compose stack for `docker stack deploy`: per-service least privilege, placement on the
// service's pool, per-pair internal overlay networks, ports published only for internet ingress.
import type { Design, Workload } from '../../model/schema'
import { compare, type EndpointFlow, type IndexedWorkload } from '../../util/declared-flows'
import { cpuMillicores, memoryMiB } from '../../util/quantities'
import type { NetworkPlan } from './networks'
import type { ServicePlacement } from './placement'
import { escapeInterpolation } from './yaml'

/** Non-root identities: a uid:gid for Linux, the built-in unprivileged account for Windows images. */
export const LINUX_USER = '10001:10001'
export const WINDOWS_USER = 'ContainerUser'
export const HEALTH_COMMAND = { linux: '/healthcheck', windows: 'C:\\healthcheck.exe' } as const

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml }
type YamlObject = { [key: string]: Yaml }

export interface StackPlan {
  readonly design: Design
  readonly workloads: readonly IndexedWorkload[]
  readonly networks: NetworkPlan
  /** Published port per (service, target port); absent when another service already publishes it. */
  readonly published: ReadonlyMap<string, number | undefined>
  /** Placement and granted exceptions, by service name. */
  readonly placements: ReadonlyMap<string, ServicePlacement>
  /** Traffic across the swarm's edge: internet ingress (`in`) and endpoint egress (`out`). */
  readonly endpointFlows: readonly EndpointFlow[]
}

/** Key for `StackPlan.published`. */
export function publishKey(service: string, port: number): string {
  return `${service}:${port}`
}

/**
 * Ports are published only for services an internet endpoint with ingress reaches. Routing-mesh ports
 * are cluster-wide: the first such service (design order) keeps a port, later ones get none.
 */
export function planPublishedPorts(
  workloads: readonly IndexedWorkload[],
  ingress: ReadonlySet<string>,
): Map<string, number | undefined> {
  const taken = new Set<number>()
  const published = new Map<string, number | undefined>()
  for (const { workload } of workloads) {
    if (!ingress.has(workload.name)) continue
    for (const port of workload.ports) {
      published.set(publishKey(workload.name, port), taken.has(port) ? undefined : port)
      taken.add(port)
    }
  }
  return published
}

/** Named volume for a stateful service's writable path. */
export function dataVolumeName(service: string, i: number): string {
  return `${service}-data-${i}`
}

/** The whole stack file as data (key order is the order written). */
export function buildStack(plan: StackPlan): YamlObject {
  const sorted = [...plan.workloads].sort((a, b) => compare(a.workload.name, b.workload.name))
  const windows = plan.networks.windows
  const networks: YamlObject = {}
  for (const p of plan.networks.pairs) networks[p.name] = overlay(p.encrypted, true)
  for (const [service, name] of plan.networks.egress)
    networks[name] = overlay(!windows.has(service), false)
  for (const [service, name] of plan.networks.isolated)
    networks[name] = overlay(!windows.has(service), true)
  const volumes: YamlObject = {}
  for (const { workload } of sorted) {
    if (!usesDataVolumes(workload)) continue
    workload.needs.writablePaths.forEach((_, i) => {
      volumes[dataVolumeName(workload.name, i)] = { driver: 'local' }
    })
  }
  return {
    'x-stackwright': {
      design: plan.design.metadata.name,
      title: escapeInterpolation(plan.design.metadata.title),
    },
    services: Object.fromEntries(sorted.map((w) => [w.workload.name, service(plan, w.workload)])),
    networks,
    ...(Object.keys(volumes).length > 0 ? { volumes } : {}),
  }
}

/** Stateful Linux services keep their writable paths on named volumes instead of tmpfs. */
export function usesDataVolumes(w: Workload): boolean {
  return w.stateful && w.os === 'linux' && w.needs.writablePaths.length > 0
}

function overlay(encrypted: boolean, internal: boolean): YamlObject {
  return {
    driver: 'overlay',
    attachable: false,
    ...(internal ? { internal: true } : {}),
    ...(encrypted ? { driver_opts: { encrypted: 'true' } } : {}),
  }
}

/** A service's placement; every planned service has one. */
export function placementOf(plan: StackPlan, name: string): ServicePlacement {
  const p = plan.placements.get(name)
  if (p === undefined) throw new Error(`no placement for service ${name}`)
  return p
}

function service(plan: StackPlan, w: Workload): YamlObject {
  const placement = placementOf(plan, w.name)
  const linux = placement.os === 'linux'
  const cpus = formatCpus(cpuMillicores(w.resources.cpu))
  const memory = `${serviceMemoryMiB(w)}M`
  const mounts = linux ? [...writableMounts(w), ...hostMounts(placement)] : []
  const publishes = w.ports.some((p) => plan.published.has(publishKey(w.name, p)))
  return {
    image: w.image,
    user: linux ? LINUX_USER : WINDOWS_USER,
    ...(linux
      ? {
          read_only: true,
          init: true,
          cap_drop: ['ALL'],
          ...(placement.capAdd.length > 0 ? { cap_add: [...placement.capAdd] } : {}),
        }
      : {}),
    ...(placement.hyperv ? { isolation: 'hyperv' } : {}),
    ...(mounts.length > 0 ? { volumes: mounts } : {}),
    ...(publishes ? { ports: publishedPorts(plan, w) } : {}),
    networks: [...(plan.networks.byService.get(w.name) ?? [])],
    healthcheck: {
      test: ['CMD', linux ? HEALTH_COMMAND.linux : HEALTH_COMMAND.windows],
      interval: '30s',
      timeout: '5s',
      retries: 3,
      start_period: '60s',
    },
    labels: { 'dev.stackwright.design': plan.design.metadata.name },
    deploy: {
      replicas: w.replicas,
      resources: { limits: { cpus, memory }, reservations: { cpus, memory } },
      placement: { constraints: [...placement.constraints] },
      labels: { 'dev.stackwright.design': plan.design.metadata.name },
    },
  }
}

/** Justified host paths as bind mounts, read-only unless the design says otherwise. */
function hostMounts(placement: ServicePlacement): Yaml[] {
  return placement.hostPaths.map((h): YamlObject => ({
    type: 'bind',
    source: h.path,
    target: h.path,
    ...(h.readOnly ? { read_only: true } : {}),
  }))
}

function writableMounts(w: Workload): Yaml[] {
  const volumes = usesDataVolumes(w)
  return w.needs.writablePaths.map((target, i): YamlObject =>
    volumes
      ? { type: 'volume', source: dataVolumeName(w.name, i), target }
      : { type: 'tmpfs', target },
  )
}

function publishedPorts(plan: StackPlan, w: Workload): Yaml[] {
  return w.ports.map((target) => {
    const published = plan.published.get(publishKey(w.name, target))
    return {
      target,
      ...(published === undefined ? {} : { published }),
      protocol: 'tcp',
      mode: 'ingress',
    }
  })
}

/** Docker refuses memory limits under 6 MiB, so smaller requests are raised to that. */
export function serviceMemoryMiB(w: Workload): number {
  return Math.max(6, memoryMiB(w.resources.memory))
}

/** `250` millicores -> `"0.25"`: docker stack deploy wants a string of cores. */
function formatCpus(millicores: number): string {
  return String(millicores / 1000)
}
