// kube-linter checks (stackrox/kube-linter docs/generated/checks.md and its templates) as predicates,
// including the ones not enabled by default that this tree aims to meet.
import { isIanaSvcName } from './k8s-api-rules'
import { arr, at, isObj, labelsOf, nameOf, namespaceOf, str, type Obj } from './k8s-manifests'
import {
  capabilityList,
  effective,
  hasQuantity,
  perContainer,
  type ControllerCheck,
  type ObjectCheck,
  type PodController,
} from './hardening-common'
import { selectorMatches, serviceSelectorMatches } from './label-selector'

const LATEST_TAG_BLOCKLIST = [/.*:(latest)$/, /^[^:]*$/, /(.*\/[^:]+)$/]
const SENSITIVE_HOST_DIRS = [
  /^\/$/,
  /^\/boot$/,
  /^\/dev$/,
  /^\/etc$/,
  /^\/lib$/,
  /^\/proc$/,
  /^\/sys$/,
  /^\/usr$/,
]

function probePortExposed(c: Obj, probe: string): string | false {
  const handler = at(c, probe, 'tcpSocket') ?? at(c, probe, 'httpGet') ?? at(c, probe, 'grpc')
  if (!isObj(handler)) return false
  const port = handler.port
  const ports = arr(c.ports)
  const exposed = ports.some((p) =>
    typeof port === 'string' ? at(p, 'name') === port : at(p, 'containerPort') === port,
  )
  return !exposed && `${probe} targets port ${String(port)}, which the container does not expose`
}

function hostAntiAffinity(w: PodController): boolean {
  const anti = at(w.spec, 'affinity', 'podAntiAffinity')
  return [
    ...arr(at(anti, 'requiredDuringSchedulingIgnoredDuringExecution')),
    ...arr(at(anti, 'preferredDuringSchedulingIgnoredDuringExecution')).map((t) =>
      at(t, 'podAffinityTerm'),
    ),
  ].some(
    (t) =>
      at(t, 'topologyKey') === 'kubernetes.io/hostname' &&
      selectorMatches(at(t, 'labelSelector'), w.labels),
  )
}

export const KUBE_LINTER_CONTROLLER_CHECKS: readonly ControllerCheck[] = [
  {
    id: 'kube-linter/run-as-non-root',
    run: (w) =>
      perContainer(w, (c) => {
        const uid = effective(w, c, 'runAsUser')
        if (typeof uid === 'number' && uid > 0) return false
        return (
          !(effective(w, c, 'runAsNonRoot') === true && uid !== 0) && 'not set to run as non-root'
        )
      }),
  },
  {
    id: 'kube-linter/no-read-only-root-fs',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          at(c, 'securityContext', 'readOnlyRootFilesystem') !== true &&
          'root filesystem is writable',
      ),
  },
  {
    id: 'kube-linter/privilege-escalation-container',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          (at(c, 'securityContext', 'allowPrivilegeEscalation') === true ||
            at(c, 'securityContext', 'privileged') === true ||
            capabilityList(c, 'add').includes('SYS_ADMIN')) &&
          'can escalate privileges',
      ),
  },
  {
    id: 'kube-linter/privileged-container',
    run: (w) =>
      perContainer(w, (c) => at(c, 'securityContext', 'privileged') === true && 'privileged'),
  },
  {
    id: 'kube-linter/unset-cpu-requirements',
    run: (w) => perContainer(w, (c) => !hasQuantity(c, 'requests', 'cpu') && 'no CPU request'),
  },
  {
    id: 'kube-linter/unset-memory-requirements',
    run: (w) => perContainer(w, (c) => !hasQuantity(c, 'limits', 'memory') && 'no memory limit'),
  },
  {
    id: 'kube-linter/no-liveness-probe',
    run: (w) => perContainer(w, (c) => at(c, 'livenessProbe') === undefined && 'no liveness probe'),
  },
  {
    id: 'kube-linter/no-readiness-probe',
    run: (w) =>
      perContainer(w, (c) => at(c, 'readinessProbe') === undefined && 'no readiness probe'),
  },
  {
    id: 'kube-linter/liveness-port',
    run: (w) => perContainer(w, (c) => probePortExposed(c, 'livenessProbe')),
  },
  {
    id: 'kube-linter/readiness-port',
    run: (w) => perContainer(w, (c) => probePortExposed(c, 'readinessProbe')),
  },
  {
    id: 'kube-linter/latest-tag',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          LATEST_TAG_BLOCKLIST.some((re) => re.test(String(c.image))) &&
          `image ${String(c.image)} is not pinned`,
      ),
  },
  {
    id: 'kube-linter/default-service-account',
    run: (w) =>
      ['', 'default'].includes(str(w.spec.serviceAccountName) ?? '')
        ? ['uses the default service account']
        : [],
  },
  {
    id: 'kube-linter/non-existent-service-account',
    run: (w, ctx) => {
      const name = str(w.spec.serviceAccountName) ?? ''
      if (name === '' || name === 'default') return []
      return ctx.inNamespace(w.ns, 'ServiceAccount').some((sa) => nameOf(sa) === name)
        ? []
        : [`ServiceAccount ${name} is not defined`]
    },
  },
  {
    id: 'kube-linter/no-anti-affinity',
    run: (w) =>
      w.replicas < 2 ? 'skip' : hostAntiAffinity(w) ? [] : ['replicas may share a node'],
  },
  {
    id: 'kube-linter/mismatching-selector',
    run: (w) =>
      selectorMatches(at(w.o, 'spec', 'selector'), w.labels)
        ? []
        : ['selector does not match the pod labels'],
  },
  {
    id: 'kube-linter/drop-net-raw-capability',
    run: (w) =>
      perContainer(w, (c) => {
        const drop = capabilityList(c, 'drop')
        if (capabilityList(c, 'add').includes('NET_RAW')) return 'adds NET_RAW'
        return !drop.includes('NET_RAW') && !drop.includes('ALL') && 'does not drop NET_RAW'
      }),
  },
  {
    id: 'kube-linter/host-network',
    run: (w) => (w.spec.hostNetwork === true ? ['hostNetwork'] : []),
  },
  { id: 'kube-linter/host-pid', run: (w) => (w.spec.hostPID === true ? ['hostPID'] : []) },
  { id: 'kube-linter/host-ipc', run: (w) => (w.spec.hostIPC === true ? ['hostIPC'] : []) },
  {
    id: 'kube-linter/sensitive-host-mounts',
    run: (w) =>
      arr(w.spec.volumes)
        .map((v) => str(at(v, 'hostPath', 'path')))
        .filter((p): p is string => p !== undefined && SENSITIVE_HOST_DIRS.some((re) => re.test(p)))
        .map((p) => `mounts host path ${p}`),
  },
  {
    id: 'kube-linter/use-namespace',
    run: (w) => (['', 'default'].includes(w.ns) ? ['deployed to the default namespace'] : []),
  },
  {
    id: 'kube-linter/non-isolated-pod',
    run: (w, ctx) =>
      ctx
        .inNamespace(w.ns, 'NetworkPolicy')
        .some((p) => selectorMatches(at(p, 'spec', 'podSelector'), w.labels))
        ? []
        : ['no NetworkPolicy selects the pods'],
  },
  {
    id: 'kube-linter/invalid-target-ports',
    run: (w) =>
      perContainer(w, (c) => {
        const bad = arr(c.ports)
          .map((p) => at(p, 'name'))
          .filter((n) => n !== undefined && !isIanaSvcName(String(n)))
        return bad.length > 0 && `invalid port names ${bad.join(', ')}`
      }),
  },
]

function pdbTargets(o: Obj, objects: readonly { obj: Obj }[]): number[] {
  return objects
    .map((p) => p.obj)
    .filter(
      (c) =>
        namespaceOf(c) === namespaceOf(o) &&
        selectorMatches(
          at(o, 'spec', 'selector'),
          labelsOf(at(c, 'spec', 'template', 'metadata', 'labels')),
        ),
    )
    .map((c) =>
      typeof at(c, 'spec', 'replicas') === 'number' ? (at(c, 'spec', 'replicas') as number) : 1,
    )
}

export const KUBE_LINTER_OBJECT_CHECKS: readonly ObjectCheck[] = [
  {
    id: 'kube-linter/dangling-service',
    kinds: ['Service'],
    run: (o, ctx) =>
      ctx.objects.some(
        ({ obj }) =>
          namespaceOf(obj) === namespaceOf(o) &&
          serviceSelectorMatches(
            at(o, 'spec', 'selector'),
            labelsOf(at(obj, 'spec', 'template', 'metadata', 'labels')),
          ),
      )
        ? []
        : ['the Service matches no workload'],
  },
  {
    id: 'kube-linter/pdb-max-unavailable',
    kinds: ['PodDisruptionBudget'],
    run: (o) => {
      const max = at(o, 'spec', 'maxUnavailable')
      return max === 0 || max === '0%' ? ['maxUnavailable 0 blocks every disruption'] : []
    },
  },
  {
    id: 'kube-linter/pdb-min-available',
    kinds: ['PodDisruptionBudget'],
    run: (o, ctx) => {
      const min = at(o, 'spec', 'minAvailable')
      if (typeof min !== 'number') return min === '100%' ? ['minAvailable 100%'] : []
      return pdbTargets(o, ctx.objects).some((replicas) => min >= replicas)
        ? ['minAvailable leaves no disruption possible']
        : []
    },
  },
  {
    id: 'kube-linter/pdb-unhealthy-pod-eviction-policy',
    kinds: ['PodDisruptionBudget'],
    run: (o) =>
      at(o, 'spec', 'unhealthyPodEvictionPolicy') === undefined
        ? ['unhealthyPodEvictionPolicy not set']
        : [],
  },
]
