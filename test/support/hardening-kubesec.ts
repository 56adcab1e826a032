// kubesec rules (controlplaneio/kubesec pkg/ruler/ruleset.go): positive rules pass when every container
// meets them; negative (critical) rules pass when none triggers. Seccomp follows today's field.
import { arr, at } from './k8s-manifests'
import {
  capabilityList,
  effective,
  hasQuantity,
  perContainer,
  type ControllerCheck,
  type PodController,
} from './hardening-common'

const above10000 =
  (field: string) =>
  (w: PodController): string[] =>
    perContainer(w, (c) => {
      const id = effective(w, c, field)
      return !(typeof id === 'number' && id > 10000) && `${field} is not above 10000`
    })

const podNegative =
  (field: string) =>
  (w: PodController): string[] =>
    w.spec[field] === true ? [`${field} is true`] : []

export const KUBESEC_CONTROLLER_CHECKS: readonly ControllerCheck[] = [
  {
    id: 'kubesec/ReadOnlyRootFilesystem',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          at(c, 'securityContext', 'readOnlyRootFilesystem') !== true && 'writable root filesystem',
      ),
  },
  {
    id: 'kubesec/RunAsNonRoot',
    run: (w) =>
      perContainer(w, (c) => effective(w, c, 'runAsNonRoot') !== true && 'runAsNonRoot not true'),
  },
  { id: 'kubesec/RunAsUser', run: above10000('runAsUser') },
  { id: 'kubesec/RunAsGroup', run: above10000('runAsGroup') },
  {
    id: 'kubesec/CapDropAll',
    run: (w) =>
      perContainer(w, (c) => !capabilityList(c, 'drop').includes('ALL') && 'does not drop ALL'),
  },
  {
    id: 'kubesec/CapDropAny',
    run: (w) => perContainer(w, (c) => capabilityList(c, 'drop').length === 0 && 'drops nothing'),
  },
  {
    id: 'kubesec/CapSysAdmin',
    run: (w) =>
      perContainer(w, (c) => capabilityList(c, 'add').includes('SYS_ADMIN') && 'adds SYS_ADMIN'),
  },
  {
    id: 'kubesec/Privileged',
    run: (w) =>
      perContainer(w, (c) => at(c, 'securityContext', 'privileged') === true && 'privileged'),
  },
  {
    id: 'kubesec/AllowPrivilegeEscalation',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          at(c, 'securityContext', 'allowPrivilegeEscalation') === true &&
          'allows privilege escalation',
      ),
  },
  {
    id: 'kubesec/ServiceAccountName',
    run: (w) =>
      typeof w.spec.serviceAccountName === 'string' && w.spec.serviceAccountName !== ''
        ? []
        : ['no serviceAccountName'],
  },
  {
    id: 'kubesec/AutomountServiceAccountToken',
    run: (w) =>
      w.spec.automountServiceAccountToken === false ? [] : ['token automount not disabled'],
  },
  {
    id: 'kubesec/LimitsMemory',
    run: (w) => perContainer(w, (c) => !hasQuantity(c, 'limits', 'memory') && 'no memory limit'),
  },
  {
    id: 'kubesec/LimitsCPU',
    run: (w) => perContainer(w, (c) => !hasQuantity(c, 'limits', 'cpu') && 'no CPU limit'),
  },
  {
    id: 'kubesec/RequestsCPU',
    run: (w) => perContainer(w, (c) => !hasQuantity(c, 'requests', 'cpu') && 'no CPU request'),
  },
  {
    id: 'kubesec/RequestsMemory',
    run: (w) =>
      perContainer(w, (c) => !hasQuantity(c, 'requests', 'memory') && 'no memory request'),
  },
  {
    id: 'kubesec/SeccompAny',
    run: (w) =>
      perContainer(w, (c) => {
        const type = at(effective(w, c, 'seccompProfile'), 'type')
        return (type === undefined || type === 'Unconfined') && 'no seccomp profile'
      }),
  },
  { id: 'kubesec/HostNetwork', run: podNegative('hostNetwork') },
  { id: 'kubesec/HostPID', run: podNegative('hostPID') },
  { id: 'kubesec/HostIPC', run: podNegative('hostIPC') },
  {
    id: 'kubesec/VolumeClaimAccessModeReadWriteOnce',
    run: (w) =>
      w.kind !== 'StatefulSet'
        ? 'skip'
        : arr(at(w.o, 'spec', 'volumeClaimTemplates')).every((t) =>
              arr(at(t, 'spec', 'accessModes')).includes('ReadWriteOnce'),
            )
          ? []
          : ['a claim is not ReadWriteOnce'],
  },
  {
    id: 'kubesec/VolumeClaimRequestsStorage',
    run: (w) =>
      w.kind !== 'StatefulSet'
        ? 'skip'
        : arr(at(w.o, 'spec', 'volumeClaimTemplates')).every(
              (t) => at(t, 'spec', 'resources', 'requests', 'storage') !== undefined,
            )
          ? []
          : ['a claim requests no storage'],
  },
]
