// The pod template of a workload: hardened per pod and per container, Linux or Windows, placed on
// its pool; an exception workload also gets exactly the host access it declared, nothing more.
import type { Design, Workload } from '../../model/schema'
import { DATA_VOLUME, portName, volumeNames } from './names'
import { EPHEMERAL_STORAGE, PROBE_TIMING, RUN_AS_ID, WINDOWS_USER } from './defaults'
import { selectorLabels, workloadLabels } from './labels'
import type { KubernetesPlatform } from './platform'
import { tolerationObject } from './runtime-class'
import type { JsonObject, WorkloadPlan } from './types'

/** Where each mounted path comes from: the stateful data claim, an emptyDir, or a declared host path. */
export interface PodMount {
  readonly path: string
  readonly volume: string
  readonly source: 'claim' | 'emptyDir' | 'hostPath'
  readonly readOnly: boolean
}

/** Host paths the pod really mounts: declared ones, for workloads the posture admits them for. */
function hostPathsOf(plan: WorkloadPlan): Workload['needs']['hostPaths'] {
  return plan.podSecurity.level === 'privileged' ? plan.workload.needs.hostPaths : []
}

/**
 * Writable paths become mounts so the root filesystem can stay read-only; declared host paths (only
 * for an exception workload, whose namespace admits them) are mounted read-only unless declared otherwise.
 */
export function podMounts(plan: WorkloadPlan): PodMount[] {
  const paths = plan.workload.needs.writablePaths
  const claimed = plan.controller === 'StatefulSet' ? paths.slice(0, 1) : []
  const ephemeral = paths.slice(claimed.length)
  const names = volumeNames(ephemeral, [DATA_VOLUME])
  const hostPaths = hostPathsOf(plan)
  const hostNames = volumeNames(
    hostPaths.map((h) => `host${h.path}`),
    [DATA_VOLUME, ...names],
  )
  return [
    ...claimed.map((path) => ({
      path,
      volume: DATA_VOLUME,
      source: 'claim' as const,
      readOnly: false,
    })),
    ...ephemeral.map((path, i) => ({
      path,
      volume: names[i] ?? DATA_VOLUME,
      source: 'emptyDir' as const,
      readOnly: false,
    })),
    ...hostPaths.map((h, i) => ({
      path: h.path,
      volume: hostNames[i] ?? 'host',
      source: 'hostPath' as const,
      readOnly: h.readOnly,
    })),
  ]
}

/** The host namespaces and privilege the pod really gets: declared, admitted, and possible on its OS. */
export function hostAccessOf(plan: WorkloadPlan): {
  hostNetwork: boolean
  hostPID: boolean
  privileged: boolean
} {
  const admitted = plan.podSecurity.level === 'privileged' && plan.workload.os === 'linux'
  const needs = plan.workload.needs
  return {
    hostNetwork: admitted && needs.hostNetwork,
    hostPID: admitted && needs.hostPID,
    privileged: admitted && needs.privileged,
  }
}

function volume(m: PodMount): JsonObject {
  if (m.source === 'hostPath') return { name: m.volume, hostPath: { path: m.path } }
  return { name: m.volume, emptyDir: {} }
}

/** The pod template (labels + spec) for a workload's controller. */
export function podTemplate(
  design: Design,
  platform: KubernetesPlatform,
  plan: WorkloadPlan,
): JsonObject {
  const { workload, placement } = plan
  const windows = workload.os === 'windows'
  const mounts = podMounts(plan)
  const volumes = mounts.filter((m) => m.source !== 'claim')
  const host = hostAccessOf(plan)
  return {
    metadata: { labels: { ...workloadLabels(design, workload), ...plan.identity.podLabels } },
    spec: {
      serviceAccountName: workload.name,
      automountServiceAccountToken: plan.identity.automountToken,
      ...(plan.runtimeClassName === undefined ? {} : { runtimeClassName: plan.runtimeClassName }),
      os: { name: workload.os },
      nodeSelector: { ...placement.nodeSelector },
      ...(placement.tolerations.length > 0
        ? { tolerations: placement.tolerations.map(tolerationObject) }
        : {}),
      ...(host.hostNetwork
        ? // A host-network pod still resolves cluster names through the cluster DNS.
          { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }
        : {}),
      ...(host.hostPID ? { hostPID: true } : {}),
      ...(workload.replicas > 1 ? { affinity: antiAffinity(design, plan) } : {}),
      securityContext: windows ? windowsSecurityContext() : linuxPodSecurityContext(platform),
      containers: [container(platform, plan, mounts)],
      ...(volumes.length > 0 ? { volumes: volumes.map(volume) } : {}),
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
  const { privileged } = hostAccessOf(plan)
  return {
    runAsNonRoot: true,
    ...ids(platform),
    readOnlyRootFilesystem: true,
    // The API rejects allowPrivilegeEscalation: false on a privileged container.
    ...(privileged ? {} : { allowPrivilegeEscalation: false }),
    privileged,
    capabilities: { drop: ['ALL'], ...(added.length > 0 ? { add: [...added] } : {}) },
    seccompProfile: { type: 'RuntimeDefault' },
  }
}

function container(
  platform: KubernetesPlatform,
  plan: WorkloadPlan,
  mounts: readonly PodMount[],
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
      ? {
          volumeMounts: mounts.map((m) => ({
            name: m.volume,
            mountPath: m.path,
            ...(m.readOnly ? { readOnly: true } : {}),
          })),
        }
      : {}),
  }
}
