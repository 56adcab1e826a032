// The compose stack for `docker stack deploy`: per-service least privilege, per-pair overlay networks.
import type { Design, Workload } from '../../model/schema'
import { compare, type IndexedWorkload } from '../../util/declared-flows'
import { cpuMillicores, memoryMiB } from '../../util/quantities'
import type { NetworkPlan } from './networks'
import { escapeInterpolation } from './yaml'

/** Non-root identities: a uid:gid for Linux, the built-in unprivileged account for Windows images. */
export const LINUX_USER = '10001:10001'
export const WINDOWS_USER = 'ContainerUser'
export const HEALTH_COMMAND = { linux: '/healthcheck', windows: 'C:\\healthcheck.exe' } as const
/** Node label that marks the nodes reserved for untrusted services. */
export const UNTRUSTED_NODE_LABEL = 'node.labels.stackwright.untrusted'

type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml }
type YamlObject = { [key: string]: Yaml }

export interface StackPlan {
  readonly design: Design
  readonly workloads: readonly IndexedWorkload[]
  readonly networks: NetworkPlan
  /** Published port per (service, target port); absent when another service already publishes it. */
  readonly published: ReadonlyMap<string, number | undefined>
}

/** Key for `StackPlan.published`. */
export function publishKey(service: string, port: number): string {
  return `${service}:${port}`
}

/** Routing-mesh ports are cluster-wide: the first public service (design order) keeps a port, later ones get none. */
export function planPublishedPorts(
  workloads: readonly IndexedWorkload[],
): Map<string, number | undefined> {
  const taken = new Set<number>()
  const published = new Map<string, number | undefined>()
  for (const { workload } of workloads) {
    if (workload.exposure !== 'public') continue
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
  const windows = new Set(
    sorted.filter((w) => w.workload.os === 'windows').map((w) => w.workload.name),
  )
  const networks: YamlObject = {}
  for (const p of plan.networks.pairs) networks[p.name] = overlay(p.encrypted)
  for (const [service, name] of plan.networks.isolated)
    networks[name] = overlay(!windows.has(service))
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

/** Windows services get a Hyper-V utility VM when the design runs Windows that way or sandboxes them. */
export function usesHyperV(design: Design, w: Workload): boolean {
  if (w.os !== 'windows') return false
  const sandboxed =
    w.trust === 'untrusted' && design.isolation.runtimeClassForUntrusted === 'windows-hyperv'
  return design.choices.runtime === 'windows-hyperv' || sandboxed
}

/** Stateful Linux services keep their writable paths on named volumes instead of tmpfs. */
export function usesDataVolumes(w: Workload): boolean {
  return w.stateful && w.os === 'linux' && w.needs.writablePaths.length > 0
}

function overlay(encrypted: boolean): YamlObject {
  return {
    driver: 'overlay',
    attachable: false,
    ...(encrypted ? { driver_opts: { encrypted: 'true' } } : {}),
  }
}

function service(plan: StackPlan, w: Workload): YamlObject {
  const linux = w.os === 'linux'
  const hasUntrusted = plan.workloads.some((x) => x.workload.trust === 'untrusted')
  const cpus = formatCpus(cpuMillicores(w.resources.cpu))
  const memory = `${serviceMemoryMiB(w)}M`
  const constraints = [`node.platform.os == ${w.os}`]
  if (w.trust === 'untrusted') constraints.push(`${UNTRUSTED_NODE_LABEL} == true`)
  else if (hasUntrusted) constraints.push(`${UNTRUSTED_NODE_LABEL} != true`)
  const hyperv = usesHyperV(plan.design, w)
  return {
    image: w.image,
    user: linux ? LINUX_USER : WINDOWS_USER,
    ...(linux
      ? {
          read_only: true,
          init: true,
          cap_drop: ['ALL'],
          ...(w.needs.capabilities.length > 0 ? { cap_add: [...w.needs.capabilities].sort() } : {}),
        }
      : {}),
    ...(hyperv ? { isolation: 'hyperv' } : {}),
    ...(linux && w.needs.writablePaths.length > 0 ? { volumes: writableMounts(w) } : {}),
    ...(w.exposure === 'public' && w.ports.length > 0 ? { ports: publishedPorts(plan, w) } : {}),
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
      placement: { constraints },
      labels: { 'dev.stackwright.design': plan.design.metadata.name },
    },
  }
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
