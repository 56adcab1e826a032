// Metamorphic tests of the v2 Kubernetes generator (issue 9): change one thing in a design and check
// that exactly the corresponding objects change, in exactly the expected way, and nothing else.
//
// Facts encoded here, checked 2026-12:
// - RuntimeClass `scheduling.nodeSelector` "is merged with a pod's existing nodeSelector" and its
//   tolerations "are appended ... to pods running with this RuntimeClass during admission"
//   (Kubernetes API reference, io.k8s.api.node.v1.Scheduling; e.g.
//   https://docs.rs/k8s-openapi/latest/src/k8s_openapi/v1_34/api/node/v1/scheduling.rs.html).
// - Pod Security Admission namespace labels `pod-security.kubernetes.io/enforce: <level>` and
//   `pod-security.kubernetes.io/enforce-version` (Kubernetes docs, "Enforce Pod Security Standards
//   with Namespace Labels", https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/).
// - HostPath volumes are a Baseline control, so a pod with one is admitted only at `privileged`
//   (Kubernetes docs, "Pod Security Standards", https://kubernetes.io/docs/concepts/security/pod-security-standards).
// - IRSA: the ServiceAccount carries the role ARN "as an annotation (eks.amazonaws.com/role-arn)"
//   (eksctl user guide, https://docs.aws.amazon.com/eks/latest/eksctl/iamserviceaccounts.html).
// - GKE Workload Identity: ServiceAccount annotation `iam.gke.io/gcp-service-account`
//   (https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity).
// - Azure Workload Identity: ServiceAccount annotation `azure.workload.identity/client-id`; the pod label
//   `azure.workload.identity/use` "is required in the pod template spec. Only pods with this label will
//   be mutated" (https://azure.github.io/azure-workload-identity/docs/topics/service-account-labels-and-annotations.html).
import { describe, expect, it } from 'vitest'
import { designSchema, type Design } from '../../../../../shared/model/schema'
import {
  arr,
  at,
  kindOf,
  labelsOf,
  nameOf,
  namespaceOf,
  podTemplateOf,
  type Obj,
} from '../../../../support/k8s-manifests'
import { objectKey } from '../../../../support/k8s-kustomize-build'
import { v2Design } from './designs-v2'
import { find, generate, objectsOf, ofKind } from './helpers'

type RawDesign = Record<string, unknown> & { workloads: Record<string, unknown>[] }

/** A v2 test design with `change` applied to a plain copy, parsed again with the schema. */
function changed(name: string, change: (raw: RawDesign) => void): Design {
  const raw = structuredClone(v2Design(name)) as unknown as RawDesign
  change(raw)
  return designSchema.parse(raw)
}

function workload(raw: RawDesign, name: string): Record<string, unknown> {
  const w = raw.workloads.find((x) => x.name === name)
  if (w === undefined) throw new Error(`no workload ${name}`)
  return w
}

const objects = (design: Design): Obj[] => objectsOf(generate(design))

/** Objects by `Kind namespace/name`, the README and kustomization left out. */
function byKey(list: readonly Obj[]): Map<string, Obj> {
  return new Map(list.filter((o) => kindOf(o) !== 'Kustomization').map((o) => [objectKey(o), o]))
}

/** Keys of objects added, removed or changed between two trees. */
function difference(before: readonly Obj[], after: readonly Obj[]) {
  const a = byKey(before)
  const b = byKey(after)
  return {
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
    removed: [...a.keys()].filter((k) => !b.has(k)).sort(),
    changed: [...a.keys()]
      .filter((k) => b.has(k) && JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k)))
      .sort(),
  }
}

function podSpec(list: readonly Obj[], name: string): Obj {
  const controller = list.find(
    (o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(kindOf(o)) && nameOf(o) === name,
  )
  const spec = at(podTemplateOf(controller ?? {}), 'spec')
  if (spec === undefined) throw new Error(`no pod spec for ${name}`)
  return spec as Obj
}

function egressRules(policy: Obj): unknown[] {
  return arr(at(policy, 'spec', 'egress'))
}

describe('an external endpoint with a CIDR', () => {
  for (const [design, who] of [
    ['ci-sandbox', 'scheduler'],
    ['payments-edge', 'gateway'],
  ] as const) {
    it(`${design}: adds exactly one ipBlock egress rule, with that CIDR and port, to ${who}'s policy and nothing else`, () => {
      const before = objects(v2Design(design))
      const after = objects(
        changed(design, (raw) => {
          raw.endpoints = [
            ...(raw.endpoints as unknown[]),
            { name: 'backup', kind: 'external', cidrs: ['203.0.113.0/24'], ports: [9443] },
          ]
          const w = workload(raw, who)
          w.talksTo = [...(w.talksTo as string[]), 'backup']
        }),
      )
      const egressName = `${who}-egress`
      const diff = difference(before, after)
      const key = (list: readonly Obj[]) =>
        objectKey(list.find((o) => kindOf(o) === 'NetworkPolicy' && nameOf(o) === egressName) ?? {})
      // The workload's egress policy is new (it had no egress) or changed; nothing else moves.
      const hadEgress = before.some(
        (o) => kindOf(o) === 'NetworkPolicy' && nameOf(o) === egressName,
      )
      expect(diff.removed).toEqual([])
      expect(hadEgress ? diff.changed : diff.added).toEqual([key(after)])
      expect(hadEgress ? diff.added : diff.changed).toEqual([])

      const rulesBefore = hadEgress
        ? egressRules(find(before, 'NetworkPolicy', egressName)).map((r) => JSON.stringify(r))
        : []
      const rulesAfter = egressRules(find(after, 'NetworkPolicy', egressName))
      const added = rulesAfter.filter((r) => !rulesBefore.includes(JSON.stringify(r)))
      expect(rulesAfter).toHaveLength(rulesBefore.length + 1)
      expect(added).toEqual([
        { to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ protocol: 'TCP', port: 9443 }] },
      ])
    })
  }
})

describe('a justified hostPath', () => {
  const base = v2Design('ci-sandbox')
  const withHostPath = changed('ci-sandbox', (raw) => {
    workload(raw, 'reporter').needs = {
      hostPaths: [{ path: '/var/log', readOnly: true }],
      justification: 'Reads the node logs it reports on.',
    }
  })
  const before = objects(base)
  const after = objects(withHostPath)
  const EXCEPTION = 'ci-sandbox-reporter-exception'
  const level = (ns: Obj) =>
    labelsOf(at(ns, 'metadata', 'labels'))['pod-security.kubernetes.io/enforce']

  it('moves the workload alone into its own exception namespace, labelled privileged with the justification', () => {
    const ns = find(after, 'Namespace', EXCEPTION)
    expect(level(ns)).toBe('privileged')
    expect(labelsOf(at(ns, 'metadata', 'annotations'))).toMatchObject({
      'stackwright.dev/pod-security-exception-for': 'reporter',
      'stackwright.dev/pod-security-justification': 'Reads the node logs it reports on.',
    })
    // Besides the namespace-wide default deny and DNS egress, everything in it belongs to reporter.
    const inside = after.filter((o) => namespaceOf(o) === EXCEPTION)
    const owners = inside.flatMap((o) => {
      const owner = labelsOf(at(o, 'metadata', 'labels'))['app.kubernetes.io/name']
      return owner === undefined ? [nameOf(o)] : [owner]
    })
    expect(new Set(owners)).toEqual(new Set(['reporter', 'default-deny', 'allow-dns-egress']))
    expect(before.some((o) => namespaceOf(o) === EXCEPTION)).toBe(false)
    const spec = podSpec(after, 'reporter')
    expect(arr(spec.volumes)).toContainEqual(
      expect.objectContaining({ hostPath: expect.objectContaining({ path: '/var/log' }) }),
    )
  })

  it('keeps the team namespace and every other namespace at their level: no downgrade', () => {
    const namespaces = (list: readonly Obj[]) =>
      new Map(ofKind(list, 'Namespace').map((n) => [nameOf(n), level(n)]))
    const was = namespaces(before)
    const now = namespaces(after)
    expect(now.get('ci-sandbox-default')).toBe('restricted')
    for (const [name, l] of was) expect(now.get(name), name).toBe(l)
    expect([...now.keys()].filter((n) => !was.has(n))).toEqual([EXCEPTION])
  })
})

describe('placement on pools', () => {
  it('Windows pods select kubernetes.io/os: windows, tolerate their pool and name no RuntimeClass, even when untrusted', () => {
    for (const design of [
      v2Design('shop-windows'),
      changed('shop-windows', (raw) => {
        workload(raw, 'storefront').trust = 'untrusted'
      }),
    ]) {
      const spec = podSpec(objects(design), 'storefront')
      expect(at(spec, 'nodeSelector', 'kubernetes.io/os')).toBe('windows')
      expect(spec.runtimeClassName).toBeUndefined()
      expect(arr(spec.tolerations)).toContainEqual({
        key: 'os',
        operator: 'Equal',
        value: 'windows',
        effect: 'NoSchedule',
      })
    }
  })

  it('untrusted Linux workloads on a sandbox pool name a RuntimeClass whose scheduling selects that pool and tolerates its taints', () => {
    const list = objects(v2Design('ci-sandbox'))
    for (const [name, runtimeClass, pool] of [
      ['builder', 'kata', 'kata-metal'],
      ['linter', 'gvisor', 'gvisor'],
    ] as const) {
      const spec = podSpec(list, name)
      expect(spec.runtimeClassName).toBe(runtimeClass)
      const rc = find(list, 'RuntimeClass', runtimeClass)
      // The pod's own selector and the RuntimeClass's agree, so admission never rejects the merge.
      expect(at(rc, 'scheduling', 'nodeSelector')).toEqual(spec.nodeSelector)
      expect(at(rc, 'scheduling', 'nodeSelector', 'stackwright.dev/pool')).toBe(pool)
      expect(at(rc, 'scheduling', 'tolerations')).toEqual(spec.tolerations)
    }
    // A trusted workload stays off the sandbox pools and names no RuntimeClass.
    const scheduler = podSpec(list, 'scheduler')
    expect(scheduler.runtimeClassName).toBeUndefined()
    expect(scheduler.tolerations).toBeUndefined()
  })

  it('an untrusted workload moved off its sandbox (sandbox: none) loses the RuntimeClass, and an unused RuntimeClass goes away', () => {
    const list = objects(
      changed('ci-sandbox', (raw) => {
        workload(raw, 'linter').sandbox = 'none'
      }),
    )
    expect(podSpec(list, 'linter').runtimeClassName).toBeUndefined()
    expect(ofKind(list, 'RuntimeClass').map(nameOf)).toEqual(['kata'])
  })
})

describe('orchestrator API access', () => {
  const rulesOf = (list: readonly Obj[], kind: string, name: string) => find(list, kind, name).rules

  it('becomes a Role with exactly the declared rules, bound to the workload alone', () => {
    const list = objects(
      changed('ci-sandbox', (raw) => {
        workload(raw, 'reporter').identity = {
          orchestratorApi: [
            { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get'] },
            { apiGroups: [''], resources: ['pods/log'], verbs: ['get', 'list'] },
          ],
        }
      }),
    )
    expect(rulesOf(list, 'Role', 'reporter')).toEqual([
      { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get', 'list'] },
    ])
    const binding = find(list, 'RoleBinding', 'reporter')
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'reporter', namespace: 'ci-sandbox-default' },
    ])
    expect(at(binding, 'roleRef')).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: 'reporter',
    })
    expect(ofKind(list, 'ClusterRole')).toEqual([])
  })

  it('cluster scope becomes a ClusterRole instead; no access means no RBAC, no token and no API-server egress', () => {
    const cluster = objects(
      changed('ci-sandbox', (raw) => {
        workload(raw, 'reporter').identity = {
          orchestratorApi: [
            { apiGroups: [''], resources: ['nodes'], verbs: ['list'], scope: 'cluster' },
          ],
        }
      }),
    )
    expect(ofKind(cluster, 'Role')).toEqual([])
    expect(ofKind(cluster, 'ClusterRole').map((r) => r.rules)).toEqual([
      [{ apiGroups: [''], resources: ['nodes'], verbs: ['list'] }],
    ])
    const none = objects(
      changed('ci-sandbox', (raw) => {
        workload(raw, 'reporter').identity = { orchestratorApi: [] }
      }),
    )
    for (const kind of ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'])
      expect(ofKind(none, kind), kind).toEqual([])
    expect(find(none, 'ServiceAccount', 'reporter').automountServiceAccountToken).toBe(false)
    expect(
      none.filter(
        (o) => kindOf(o) === 'NetworkPolicy' && nameOf(o) === 'reporter-apiserver-egress',
      ),
    ).toEqual([])
  })
})

describe('workload identity', () => {
  for (const [design, who, annotation, podLabels] of [
    ['shop-windows', 'catalog', 'eks.amazonaws.com/role-arn', {}],
    ['analytics', 'query', 'iam.gke.io/gcp-service-account', {}],
    [
      'payments-edge',
      'payments',
      'azure.workload.identity/client-id',
      { 'azure.workload.identity/use': 'true' },
    ],
  ] as const) {
    it(`${design}: the cloud role is the ServiceAccount's ${annotation} annotation; removing it removes exactly that`, () => {
      const base = v2Design(design)
      const role = base.workloads.find((w) => w.name === who)?.identity.cloudRole
      const before = objects(base)
      const sa = find(before, 'ServiceAccount', who)
      expect(labelsOf(at(sa, 'metadata', 'annotations'))).toEqual({ [annotation]: role })
      const template = podTemplateOf(
        before.find((o) => kindOf(o) === 'Deployment' && nameOf(o) === who) ?? {},
      )
      expect(labelsOf(at(template, 'metadata', 'labels'))).toMatchObject(podLabels)

      const after = objects(
        changed(design, (raw) => {
          const w = workload(raw, who)
          w.identity = { ...(w.identity as object), cloudRole: undefined }
        }),
      )
      const saAfter = find(after, 'ServiceAccount', who)
      expect(at(saAfter, 'metadata', 'annotations')).toBeUndefined()
      const templateAfter = podTemplateOf(
        after.find((o) => kindOf(o) === 'Deployment' && nameOf(o) === who) ?? {},
      )
      for (const label of Object.keys(podLabels))
        expect(labelsOf(at(templateAfter, 'metadata', 'labels'))[label]).toBeUndefined()
      // Only the ServiceAccount (and, for Azure, the pod template's label) changed.
      const diff = difference(before, after)
      expect(diff.added).toEqual([])
      expect(diff.removed).toEqual([])
      const expected = [objectKey(sa)]
      if (Object.keys(podLabels).length > 0)
        expected.push(
          objectKey(before.find((o) => kindOf(o) === 'Deployment' && nameOf(o) === who) ?? {}),
        )
      expect(diff.changed).toEqual(expected.sort())
    })
  }
})
