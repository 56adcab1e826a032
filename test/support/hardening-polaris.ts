// Polaris checks (FairwindsOps/polaris checks/*.yaml): each JSON-schema rule re-stated as a predicate.
import { at, isObj, nameOf, str, type Obj } from './k8s-manifests'
import {
  capabilityList,
  hasQuantity,
  perContainer,
  type ControllerCheck,
  type PodController,
} from './hardening-common'

const INSECURE_CAPABILITIES = [
  'NET_ADMIN',
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
]

/** Polaris' goodSecurityContext: runAsUser >= 1 or runAsNonRoot true, set explicitly. */
function good(sc: unknown): boolean {
  if (!isObj(sc)) return false
  return (typeof sc.runAsUser === 'number' && sc.runAsUser >= 1) || sc.runAsNonRoot === true
}

/** Polaris' notBadSecurityContext: whatever is set is not root. */
function notBad(sc: unknown): boolean {
  if (sc === undefined) return true
  if (!isObj(sc)) return false
  return (
    (sc.runAsUser === undefined || (typeof sc.runAsUser === 'number' && sc.runAsUser >= 1)) &&
    (sc.runAsNonRoot === undefined || sc.runAsNonRoot === true)
  )
}

function runAsRootAllowed(w: PodController): string[] {
  const containers = w.containers
  const podLevel =
    good(w.spec.securityContext) && containers.every((c) => notBad(c.securityContext))
  const containerLevel = containers.every((c) => good(c.securityContext))
  return podLevel || containerLevel ? [] : ['may run as root']
}

const podFlag =
  (field: string) =>
  (w: PodController): string[] =>
    w.spec[field] === true ? [`${field} is set`] : []

export const POLARIS_CONTROLLER_CHECKS: readonly ControllerCheck[] = [
  { id: 'polaris/runAsRootAllowed', run: runAsRootAllowed },
  {
    id: 'polaris/notReadOnlyRootFilesystem',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          at(c, 'securityContext', 'readOnlyRootFilesystem') !== true &&
          'root filesystem is writable',
      ),
  },
  {
    id: 'polaris/privilegeEscalationAllowed',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          at(c, 'securityContext', 'allowPrivilegeEscalation') !== false &&
          'privilege escalation allowed',
      ),
  },
  {
    id: 'polaris/runAsPrivileged',
    run: (w) =>
      perContainer(w, (c) => at(c, 'securityContext', 'privileged') === true && 'privileged'),
  },
  {
    id: 'polaris/insecureCapabilities',
    run: (w) =>
      perContainer(w, (c) => {
        const drop = capabilityList(c, 'drop')
        return (
          !drop.includes('ALL') &&
          !INSECURE_CAPABILITIES.every((cap) => drop.includes(cap)) &&
          'insecure capabilities not dropped'
        )
      }),
  },
  {
    id: 'polaris/dangerousCapabilities',
    run: (w) =>
      perContainer(w, (c) => {
        const add = capabilityList(c, 'add')
        return (
          ['ALL', 'SYS_ADMIN', 'NET_ADMIN'].some((cap) => add.includes(cap)) &&
          `adds ${add.join(', ')}`
        )
      }),
  },
  {
    id: 'polaris/cpuRequestsMissing',
    run: (w) => perContainer(w, (c) => !hasQuantity(c, 'requests', 'cpu') && 'no CPU request'),
  },
  {
    id: 'polaris/cpuLimitsMissing',
    run: (w) => perContainer(w, (c) => !hasQuantity(c, 'limits', 'cpu') && 'no CPU limit'),
  },
  {
    id: 'polaris/memoryRequestsMissing',
    run: (w) =>
      perContainer(w, (c) => !hasQuantity(c, 'requests', 'memory') && 'no memory request'),
  },
  {
    id: 'polaris/memoryLimitsMissing',
    run: (w) => perContainer(w, (c) => !hasQuantity(c, 'limits', 'memory') && 'no memory limit'),
  },
  {
    id: 'polaris/livenessProbeMissing',
    run: (w) => perContainer(w, (c) => c.livenessProbe === undefined && 'no liveness probe'),
  },
  {
    id: 'polaris/readinessProbeMissing',
    run: (w) => perContainer(w, (c) => c.readinessProbe === undefined && 'no readiness probe'),
  },
  {
    id: 'polaris/tagNotSpecified',
    run: (w) =>
      perContainer(w, (c) => {
        const image = String(c.image)
        return (!/^.+:.+$/.test(image) || /^.+:latest$/.test(image)) && `image ${image} has no tag`
      }),
  },
  {
    id: 'polaris/pullPolicyNotAlways',
    run: (w) =>
      perContainer(w, (c) => c.imagePullPolicy !== 'Always' && 'imagePullPolicy is not Always'),
  },
  { id: 'polaris/hostIPCSet', run: podFlag('hostIPC') },
  { id: 'polaris/hostPIDSet', run: podFlag('hostPID') },
  { id: 'polaris/hostNetworkSet', run: podFlag('hostNetwork') },
  {
    id: 'polaris/hostPortSet',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          Array.isArray(c.ports) &&
          c.ports.some((p: unknown) => at(p, 'hostPort') !== undefined) &&
          'hostPort set',
      ),
  },
  {
    id: 'polaris/automountServiceAccountToken',
    run: (w, ctx) => {
      const name = str(w.spec.serviceAccountName)
      if (name === undefined) return ['no serviceAccountName']
      if (w.spec.automountServiceAccountToken === true) return ['the pod mounts its token']
      if (w.spec.automountServiceAccountToken === false) return []
      const sa: Obj | undefined = ctx
        .inNamespace(w.ns, 'ServiceAccount')
        .find((s) => nameOf(s) === name)
      return sa?.automountServiceAccountToken === false
        ? []
        : ['the ServiceAccount token will be mounted']
    },
  },
]
