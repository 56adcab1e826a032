// The pod template of a workload: hardened per pod and per container, Linux or Windows.
import type { Design } from '../../model/schema'
import { DATA_VOLUME, portName, volumeNames } from './names'
import { EPHEMERAL_STORAGE, PROBE_TIMING, RUN_AS_ID, WINDOWS_USER } from './defaults'
import { selectorLabels, workloadLabels } from './labels'
import type { KubernetesPlatform } from './platform'
import type { JsonObject, WorkloadPlan } from './types'

/** Where each writable path is mounted from: the stateful data claim or an emptyDir. */
export interface WritableMount {
  readonly path: string
  readonly volume: string
  readonly source: 'claim' | 'emptyDir'
}

/** Writable paths become mounts so the root filesystem can stay read-only. */
export function writableMounts(plan: WorkloadPlan): WritableMount[] {
  const paths = plan.workload.needs.writablePaths
  const claimed = plan.controller === 'StatefulSet' ? paths.slice(0, 1) : []
  const ephemeral = paths.slice(claimed.length)
  const names = volumeNames(ephemeral, [DATA_VOLUME])
  return [
    ...claimed.map((path) => ({ path, volume: DATA_VOLUME, source: 'claim' as const })),
    ...ephemeral.map((path, i) => ({
      path,
      volume: names[i] ?? DATA_VOLUME,
      source: 'emptyDir' as const,
    })),
  ]
}

/** The pod template (labels + spec) for a workload's controller. */
export function podTemplate(
  design: Design,
  platform: KubernetesPlatform,
  plan: WorkloadPlan,
): JsonObject {
  const { workload } = plan
  const windows = workload.os === 'windows'
  const mounts = writableMounts(plan)
  const emptyDirs = mounts.filter((m) => m.source === 'emptyDir')
  return {
    metadata: { labels: workloadLabels(design, workload) },
    spec: {
      serviceAccountName: workload.name,
      automountServiceAccountToken: workload.needs.apiAccess,
      ...(plan.runtimeClassName === undefined ? {} : { runtimeClassName: plan.runtimeClassName }),
      os: { name: workload.os },
      nodeSelector: { 'kubernetes.io/os': workload.os },
      ...(windows
        ? {
            tolerations: [{ key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' }],
          }
        : {}),
      ...(workload.replicas > 1 ? { affinity: antiAffinity(design, plan) } : {}),
      securityContext: windows ? windowsSecurityContext() : linuxPodSecurityContext(platform),
      containers: [container(platform, plan, mounts)],
      ...(emptyDirs.length > 0
        ? { volumes: emptyDirs.map((m) => ({ name: m.volume, emptyDir: {} })) }
        : {}),
    },
  }
}

function antiAffinity(design: Design, plan: WorkloadPlan): JsonObject {
  // Preferred, not required: a cluster with fewer nodes than replicas still schedules them all.
  return {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 100,
          podAffinityTerm: {
            labelSelector: { matchLabels: selectorLabels(design, plan.workload) },
            topologyKey: 'kubernetes.io/hostname',
          },
        },
      ],
    },
  }
}

function ids(platform: KubernetesPlatform): JsonObject {
  return platform.fixedIds ? { runAsUser: RUN_AS_ID, runAsGroup: RUN_AS_ID } : {}
}

function linuxPodSecurityContext(platform: KubernetesPlatform): JsonObject {
  return {
    runAsNonRoot: true,
    ...ids(platform),
    ...(platform.fixedIds ? { fsGroup: RUN_AS_ID } : {}),
    seccompProfile: { type: 'RuntimeDefault' },
  }
}

// Windows ignores the Linux-only fields and the API rejects them when spec.os.name is windows.
function windowsSecurityContext(): JsonObject {
  return { runAsNonRoot: true, windowsOptions: { runAsUserName: WINDOWS_USER } }
}

function linuxContainerSecurityContext(
  platform: KubernetesPlatform,
  plan: WorkloadPlan,
): JsonObject {
  const added = plan.capabilities.added
  return {
    runAsNonRoot: true,
    ...ids(platform),
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    privileged: false,
    capabilities: { drop: ['ALL'], ...(added.length > 0 ? { add: [...added] } : {}) },
    seccompProfile: { type: 'RuntimeDefault' },
  }
}

function container(
  platform: KubernetesPlatform,
  plan: WorkloadPlan,
  mounts: readonly WritableMount[],
): JsonObject {
  const { workload } = plan
  const first = workload.ports[0]
  const probes: JsonObject =
    first === undefined
      ? {}
      : {
          readinessProbe: { tcpSocket: { port: portName(first) }, ...PROBE_TIMING.readiness },
          livenessProbe: { tcpSocket: { port: portName(first) }, ...PROBE_TIMING.liveness },
        }
  return {
    name: workload.name,
    image: workload.image,
    imagePullPolicy: 'Always',
    ...(workload.ports.length > 0
      ? {
          ports: workload.ports.map((port) => ({
            name: portName(port),
            containerPort: port,
            protocol: 'TCP',
          })),
        }
      : {}),
    securityContext:
      workload.os === 'windows'
        ? windowsSecurityContext()
        : linuxContainerSecurityContext(platform, plan),
    resources: {
      requests: {
        cpu: workload.resources.cpu,
        memory: workload.resources.memory,
        'ephemeral-storage': EPHEMERAL_STORAGE.request,
      },
      limits: {
        memory: workload.resources.memory,
        'ephemeral-storage': EPHEMERAL_STORAGE.limit,
      },
    },
    ...probes,
    ...(mounts.length > 0
      ? { volumeMounts: mounts.map((m) => ({ name: m.volume, mountPath: m.path })) }
      : {}),
  }
}
