// kube-score checks (zegl/kube-score, score/*), re-implemented from its sources as pass/fail predicates.
// `container-seccomp-profile` follows today's field (seccompProfile) rather than the retired annotation.
import { labelErrors } from './k8s-api-rules'
import { arr, at, isObj, labelsOf, nameOf, namespaceOf, str, type Obj } from './k8s-manifests'
import {
  effective,
  hasQuantity,
  perContainer,
  type ControllerCheck,
  type ObjectCheck,
  type Outcome,
  type PodController,
  type TreeContext,
} from './hardening-common'
import { selectorMatches, serviceSelectorMatches } from './label-selector'

/** kube-score's containerTag: the text after the last ':' ('' when there is none). */
function kubeScoreTag(image: string): string {
  const parts = image.split(':')
  return parts.length > 1 ? (parts[parts.length - 1] ?? '') : ''
}

function hasPdb(w: PodController, ctx: TreeContext): Outcome {
  if (w.replicas < 2) return 'skip'
  const match = ctx
    .inNamespace(w.ns, 'PodDisruptionBudget')
    .some((p) => selectorMatches(at(p, 'spec', 'selector'), w.labels))
  return match ? [] : ['no matching PodDisruptionBudget']
}

function hasHostAntiAffinity(w: PodController): Outcome {
  if (w.replicas < 2) return 'skip'
  const anti = at(w.spec, 'affinity', 'podAntiAffinity')
  const terms = [
    ...arr(at(anti, 'requiredDuringSchedulingIgnoredDuringExecution')),
    ...arr(at(anti, 'preferredDuringSchedulingIgnoredDuringExecution')).map((t) =>
      at(t, 'podAffinityTerm'),
    ),
  ]
  const ok = terms.some(
    (t) =>
      at(t, 'topologyKey') === 'kubernetes.io/hostname' &&
      selectorMatches(at(t, 'labelSelector'), w.labels),
  )
  return ok ? [] : ['no podAntiAffinity on kubernetes.io/hostname selecting its own pods']
}

function probesIdentical(c: Obj): boolean {
  const r = at(c, 'readinessProbe')
  const l = at(c, 'livenessProbe')
  if (!isObj(r) || !isObj(l)) return false
  if (isObj(r.httpGet) && isObj(l.httpGet))
    return (
      at(r, 'httpGet', 'path') === at(l, 'httpGet', 'path') &&
      at(r, 'httpGet', 'port') === at(l, 'httpGet', 'port')
    )
  if (isObj(r.tcpSocket) && isObj(l.tcpSocket))
    return at(r, 'tcpSocket', 'port') === at(l, 'tcpSocket', 'port')
  if (isObj(r.exec) && isObj(l.exec))
    return JSON.stringify(at(r, 'exec', 'command')) === JSON.stringify(at(l, 'exec', 'command'))
  return false
}

export const KUBE_SCORE_CONTROLLER_CHECKS: readonly ControllerCheck[] = [
  {
    id: 'kube-score/container-security-context-user-group-id',
    run: (w) =>
      perContainer(w, (c) => {
        if (at(c, 'securityContext') === undefined && at(w.spec, 'securityContext') === undefined)
          return 'no security context'
        const uid = effective(w, c, 'runAsUser')
        const gid = effective(w, c, 'runAsGroup')
        if (typeof uid !== 'number' || uid < 10000) return 'runAsUser below 10000 or unset'
        if (typeof gid !== 'number' || gid < 10000) return 'runAsGroup below 10000 or unset'
        return false
      }),
  },
  {
    id: 'kube-score/container-security-context-privileged',
    run: (w) =>
      perContainer(w, (c) => at(c, 'securityContext', 'privileged') === true && 'privileged'),
  },
  {
    id: 'kube-score/container-security-context-readonlyrootfilesystem',
    run: (w) =>
      perContainer(w, (c) =>
        at(c, 'securityContext') === undefined
          ? 'no security context'
          : at(c, 'securityContext', 'readOnlyRootFilesystem') !== true &&
            'writable root filesystem',
      ),
  },
  {
    id: 'kube-score/container-seccomp-profile',
    run: (w) =>
      perContainer(
        w,
        (c) => effective(w, c, 'seccompProfile') === undefined && 'no seccomp profile',
      ),
  },
  {
    id: 'kube-score/container-resources',
    run: (w) =>
      perContainer(w, (c) => {
        const missing = [
          ['limits', 'cpu'],
          ['limits', 'memory'],
          ['requests', 'cpu'],
          ['requests', 'memory'],
        ].filter(([k, r]) => !hasQuantity(c, k as 'limits' | 'requests', r as string))
        return missing.length > 0 && `missing ${missing.map((m) => m.join('.')).join(', ')}`
      }),
  },
  {
    id: 'kube-score/container-ephemeral-storage-request-and-limit',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          (!hasQuantity(c, 'limits', 'ephemeral-storage') ||
            !hasQuantity(c, 'requests', 'ephemeral-storage')) &&
          'ephemeral-storage request or limit missing',
      ),
  },
  {
    id: 'kube-score/container-image-tag',
    run: (w) =>
      perContainer(
        w,
        (c) =>
          ['', 'latest'].includes(kubeScoreTag(String(c.image))) &&
          `image ${String(c.image)} is not pinned`,
      ),
  },
  {
    id: 'kube-score/container-image-pull-policy',
    run: (w) =>
      perContainer(w, (c) => {
        const tag = kubeScoreTag(String(c.image))
        if (c.imagePullPolicy === undefined && (tag === '' || tag === 'latest')) return false
        return c.imagePullPolicy !== 'Always' && 'imagePullPolicy is not Always'
      }),
  },
  {
    id: 'kube-score/pod-networkpolicy',
    run: (w, ctx) => {
      const selecting = ctx
        .inNamespace(w.ns, 'NetworkPolicy')
        .filter((p) => selectorMatches(at(p, 'spec', 'podSelector'), w.labels))
      const types = selecting.flatMap((p) => arr(at(p, 'spec', 'policyTypes')).map(String))
      return [
        ...(types.includes('Ingress')
          ? []
          : ['no NetworkPolicy with ingress rules selects the pod']),
        ...(types.includes('Egress') ? [] : ['no NetworkPolicy with egress rules selects the pod']),
      ]
    },
  },
  {
    id: 'kube-score/pod-probes',
    run: (w, ctx) => {
      if (w.containers.some(probesIdentical)) return ['readiness and liveness probes are identical']
      const targeted =
        ctx
          .inNamespace(w.ns, 'Service')
          .some((s) => serviceSelectorMatches(at(s, 'spec', 'selector'), w.labels)) ||
        (str(w.spec.serviceAccountName) ?? '') !== ''
      if (!targeted) return 'skip'
      return w.containers.some((c) => at(c, 'readinessProbe') !== undefined)
        ? []
        : ['no readinessProbe']
    },
  },
  {
    id: 'kube-score/deployment-has-poddisruptionbudget',
    run: (w, ctx) => (w.kind === 'Deployment' ? hasPdb(w, ctx) : 'skip'),
  },
  {
    id: 'kube-score/statefulset-has-poddisruptionbudget',
    run: (w, ctx) => (w.kind === 'StatefulSet' ? hasPdb(w, ctx) : 'skip'),
  },
  {
    id: 'kube-score/deployment-has-host-podantiaffinity',
    run: (w) => (w.kind === 'Deployment' ? hasHostAntiAffinity(w) : 'skip'),
  },
  {
    id: 'kube-score/statefulset-has-host-podantiaffinity',
    run: (w) => (w.kind === 'StatefulSet' ? hasHostAntiAffinity(w) : 'skip'),
  },
  {
    id: 'kube-score/statefulset-has-servicename',
    run: (w, ctx) => {
      if (w.kind !== 'StatefulSet') return 'skip'
      const name = str(at(w.o, 'spec', 'serviceName'))
      const svc = ctx.inNamespace(w.ns, 'Service').find((s) => nameOf(s) === name)
      if (!svc) return ['serviceName does not name a Service in the namespace']
      if (at(svc, 'spec', 'clusterIP') !== 'None') return ['the governing Service is not headless']
      return serviceSelectorMatches(at(svc, 'spec', 'selector'), w.labels)
        ? []
        : ['the governing Service does not select the pods']
    },
  },
]

export const KUBE_SCORE_OBJECT_CHECKS: readonly ObjectCheck[] = [
  {
    id: 'kube-score/label-values',
    kinds: ['*'],
    run: (o) => labelErrors(at(o, 'metadata', 'labels'), 'metadata.labels'),
  },
  {
    id: 'kube-score/service-targets-pod',
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
        : ['the Service selects no pod'],
  },
  {
    id: 'kube-score/service-type',
    kinds: ['Service'],
    run: (o) => (at(o, 'spec', 'type') === 'NodePort' ? ['NodePort Service'] : []),
  },
  {
    id: 'kube-score/networkpolicy-targets-pod',
    kinds: ['NetworkPolicy'],
    run: (o, ctx) =>
      ctx.objects.some(
        ({ obj }) =>
          namespaceOf(obj) === namespaceOf(o) &&
          selectorMatches(
            at(o, 'spec', 'podSelector'),
            labelsOf(at(obj, 'spec', 'template', 'metadata', 'labels')),
          ),
      )
        ? []
        : ['the NetworkPolicy selects no pod'],
  },
  {
    id: 'kube-score/stable-version',
    kinds: ['*'],
    run: (o) =>
      [
        'extensions/v1beta1',
        'apps/v1beta1',
        'apps/v1beta2',
        'policy/v1beta1',
        'networking.k8s.io/v1beta1',
        'batch/v1beta1',
      ].includes(String(o.apiVersion))
        ? [`deprecated apiVersion ${String(o.apiVersion)}`]
        : [],
  },
]
