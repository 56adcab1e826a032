import { describe, expect, it } from 'vitest'
import { at, arr, labelsOf, nameOf, namespaceOf, type Obj } from '../../../../support/k8s-manifests'
import { makeDesign } from '../../../../support/designs'
import { testDesign } from './designs'
import { find, generate, objectsOf, ofKind, readmeOf } from './helpers'

const podSpec = (controller: Obj): Obj => at(controller, 'spec', 'template', 'spec') as Obj
const container = (controller: Obj): Obj => at(podSpec(controller), 'containers', 0) as Obj

describe('generateKubernetes: the tree', () => {
  it('returns nothing for an orchestrator outside the Kubernetes family', () => {
    const out = generate(
      makeDesign({ choices: { orchestrator: 'ecs-fargate', runtime: 'fargate', plugins: [] } }),
    )
    expect(out.artifacts).toEqual([])
    expect(out.controls).toEqual([])
  })

  it('writes only under kubernetes/, with unique paths, a kustomization and a README', () => {
    const out = generate(testDesign('payments-platform'))
    const paths = out.artifacts.map((a) => a.path)
    expect(paths.every((p) => p.startsWith('kubernetes/') && !p.includes('..'))).toBe(true)
    expect(new Set(paths).size).toBe(paths.length)
    expect(paths).toContain('kubernetes/kustomization.yaml')
    expect(paths).toContain('kubernetes/README.md')
    const kustomization = find(objectsOf(out), 'Kustomization', 'stackwright')
    const yaml = paths.filter((p) => p.endsWith('.yaml') && p !== 'kubernetes/kustomization.yaml')
    expect([...arr(kustomization.resources)].sort()).toEqual(
      yaml.map((p) => p.slice('kubernetes/'.length)).sort(),
    )
  })

  it('writes an empty tree, and no cluster-wide policy, for a design without workloads', () => {
    const out = generate(
      makeDesign({ workloads: [], choices: { plugins: ['kyverno', 'gatekeeper'] } }),
    )
    expect(out.artifacts.map((a) => a.path)).toEqual([
      'kubernetes/kustomization.yaml',
      'kubernetes/README.md',
    ])
    expect(find(objectsOf(out), 'Kustomization', 'stackwright').resources).toEqual([])
    expect(out.controls).toEqual([])
  })

  it('names every controller after its workload with the recommended labels', () => {
    const design = testDesign('sandboxed-saas')
    const objects = objectsOf(generate(design))
    for (const w of design.workloads) {
      const controller = find(objects, w.stateful ? 'StatefulSet' : 'Deployment', w.name)
      const expected = {
        'app.kubernetes.io/name': w.name,
        'app.kubernetes.io/part-of': 'sandboxed-saas',
        'app.kubernetes.io/component': w.role,
        'app.kubernetes.io/managed-by': 'stackwright',
      }
      expect(labelsOf(at(controller, 'metadata', 'labels'))).toEqual(expected)
      expect(labelsOf(at(controller, 'spec', 'template', 'metadata', 'labels'))).toEqual(expected)
    }
  })
})

describe('generateKubernetes: namespaces', () => {
  const namespacesFor = (strategy: string): string[] =>
    ofKind(
      objectsOf(
        generate(
          makeDesign({
            metadata: { name: 'acme' },
            isolation: { namespaces: strategy },
            workloads: [
              { name: 'web', image: 'a/web:1', team: 'shop', ports: [80] },
              { name: 'api', image: 'a/api:1', team: 'shop' },
              { name: 'job', image: 'a/job:1' },
            ],
          }),
        ),
      ),
      'Namespace',
    ).map(nameOf)

  it('follows the strategy, prefixed with the design name so no workload lands in a system namespace', () => {
    expect(namespacesFor('per-workload')).toEqual(['acme-api', 'acme-job', 'acme-web'])
    expect(namespacesFor('per-team')).toEqual(['acme-default', 'acme-shop'])
    expect(namespacesFor('shared')).toEqual(['acme'])
  })

  it('labels each namespace for Pod Security Admission: enforce pinned, audit and warn at latest', () => {
    for (const level of ['restricted', 'baseline', 'privileged']) {
      const ns = ofKind(
        objectsOf(generate(makeDesign({ isolation: { podSecurity: level } }))),
        'Namespace',
      )
      expect(ns.length).toBeGreaterThan(0)
      for (const n of ns)
        expect(labelsOf(at(n, 'metadata', 'labels'))).toMatchObject({
          'pod-security.kubernetes.io/enforce': level,
          'pod-security.kubernetes.io/enforce-version': 'v1.34',
          'pod-security.kubernetes.io/audit': level,
          'pod-security.kubernetes.io/audit-version': 'latest',
          'pod-security.kubernetes.io/warn': level,
          'pod-security.kubernetes.io/warn-version': 'latest',
        })
    }
  })

  it('places each workload in its namespace', () => {
    const objects = objectsOf(generate(testDesign('payments-platform')))
    expect(namespaceOf(find(objects, 'Deployment', 'web'))).toBe('payments-platform-storefront')
    expect(namespaceOf(find(objects, 'Deployment', 'db'))).toBe('payments-platform-payments')
    expect(namespaceOf(find(objects, 'Deployment', 'metrics-agent'))).toBe(
      'payments-platform-default',
    )
  })
})

describe('generateKubernetes: workloads', () => {
  const objects = objectsOf(generate(testDesign('sandboxed-saas')))

  it('gives every workload its own ServiceAccount, token mounted only for API access', () => {
    for (const name of ['gateway', 'runner', 'store', 'operator']) {
      const sa = find(objects, 'ServiceAccount', name)
      const controller = objects.find(
        (o) => nameOf(o) === name && at(o, 'spec', 'template') !== undefined,
      ) as Obj
      expect(at(podSpec(controller), 'serviceAccountName')).toBe(name)
      const mounted = name === 'operator'
      expect(sa.automountServiceAccountToken).toBe(mounted)
      expect(at(podSpec(controller), 'automountServiceAccountToken')).toBe(mounted)
    }
  })

  it('runs stateful workloads as a StatefulSet with a claim for the first writable path and emptyDir for the rest', () => {
    const store = find(objects, 'StatefulSet', 'store')
    expect(at(store, 'spec', 'serviceName')).toBe('store')
    expect(at(store, 'spec', 'volumeClaimTemplates', 0, 'metadata', 'name')).toBe('data')
    expect(at(store, 'spec', 'volumeClaimTemplates', 0, 'spec', 'accessModes')).toEqual([
      'ReadWriteOnce',
    ])
    expect(at(container(store), 'volumeMounts')).toEqual([
      { name: 'data', mountPath: '/data' },
      { name: 'tmp', mountPath: '/tmp' },
    ])
    expect(at(podSpec(store), 'volumes')).toEqual([{ name: 'tmp', emptyDir: {} }])
    expect(at(find(objects, 'Service', 'store'), 'spec', 'clusterIP')).toBe('None')
  })

  it('creates Services only for workloads with ports (and headless ones for StatefulSets)', () => {
    expect(ofKind(objects, 'Service').map(nameOf).sort()).toEqual(['gateway', 'runner', 'store'])
    const ports = at(find(objects, 'Service', 'gateway'), 'spec', 'ports')
    expect(ports).toEqual([
      { name: 'tcp-443', port: 443, targetPort: 'tcp-443', protocol: 'TCP' },
      { name: 'tcp-8443', port: 8443, targetPort: 'tcp-8443', protocol: 'TCP' },
    ])
  })

  it('adds a PodDisruptionBudget and pod anti-affinity exactly where replicas > 1', () => {
    expect(ofKind(objects, 'PodDisruptionBudget').map(nameOf).sort()).toEqual(['gateway', 'store'])
    expect(at(find(objects, 'PodDisruptionBudget', 'gateway'), 'spec')).toMatchObject({
      maxUnavailable: 1,
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    })
    expect(
      at(podSpec(find(objects, 'Deployment', 'gateway')), 'affinity', 'podAntiAffinity'),
    ).toBeDefined()
    expect(at(podSpec(find(objects, 'Deployment', 'runner')), 'affinity')).toBeUndefined()
  })

  it('hardens every Linux container and its pod', () => {
    const gateway = find(objects, 'Deployment', 'gateway')
    expect(at(podSpec(gateway), 'securityContext')).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    })
    expect(at(container(gateway), 'securityContext')).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      seccompProfile: { type: 'RuntimeDefault' },
    })
    expect(at(podSpec(gateway), 'nodeSelector')).toEqual({
      'kubernetes.io/os': 'linux',
      'cloud.google.com/gke-nodepool': 'workers',
    })
    expect(at(podSpec(gateway), 'os', 'name')).toBe('linux')
  })

  it('sets requests from the design, a memory limit equal to the request and no CPU limit', () => {
    const resources = at(container(find(objects, 'StatefulSet', 'store')), 'resources')
    expect(resources).toEqual({
      requests: { cpu: '0.5', memory: '1Gi', 'ephemeral-storage': '64Mi' },
      limits: { memory: '1Gi', 'ephemeral-storage': '1Gi' },
    })
  })

  it('probes the first declared port, and leaves portless workloads without probes', () => {
    const gateway = container(find(objects, 'Deployment', 'gateway'))
    expect(at(gateway, 'readinessProbe', 'tcpSocket', 'port')).toBe('tcp-443')
    expect(at(gateway, 'livenessProbe', 'tcpSocket', 'port')).toBe('tcp-443')
    const operator = container(find(objects, 'Deployment', 'operator'))
    expect(operator.readinessProbe).toBeUndefined()
    expect(operator.livenessProbe).toBeUndefined()
  })

  it('writes images as given, always pulled, and waives only the unpinned ones', () => {
    const out = generate(testDesign('sandboxed-saas'))
    expect(at(container(find(objects, 'Deployment', 'runner')), 'image')).toBe(
      'ghcr.io/customers/code-runner',
    )
    expect(
      ofKind(objects, 'Deployment').every((d) => at(container(d), 'imagePullPolicy') === 'Always'),
    ).toBe(true)
    const waiver = out.controls.find((c) => c.id === 'K8S-WAIVER-IMAGE-TAG')
    expect(waiver?.where).toEqual(['kubernetes/workloads/runner.yaml'])
  })
})

describe('generateKubernetes: refused and platform-specific requests', () => {
  const out = generate(testDesign('windows-mixed'))
  const objects = objectsOf(out)

  it('gives Windows pods only the fields Windows accepts, and an unplaceable one an OS selector only', () => {
    const iis = find(objects, 'Deployment', 'legacy-iis')
    const spec = podSpec(iis)
    expect(at(spec, 'os', 'name')).toBe('windows')
    // Untrusted, and no Windows pool offers a sandbox: the posture cannot place it (a design violation).
    expect(at(spec, 'nodeSelector')).toEqual({ 'kubernetes.io/os': 'windows' })
    expect(at(spec, 'tolerations')).toBeUndefined()
    expect(readmeOf(out)).toMatch(/`legacy-iis` could not be placed/)
    expect(at(spec, 'securityContext')).toEqual({
      runAsNonRoot: true,
      windowsOptions: { runAsUserName: 'ContainerUser' },
    })
    expect(at(container(iis), 'securityContext')).toEqual({
      runAsNonRoot: true,
      windowsOptions: { runAsUserName: 'ContainerUser' },
    })
    expect(at(spec, 'runtimeClassName')).toBeUndefined()
    const waiver = out.controls.find((c) => c.id === 'K8S-WAIVER-WINDOWS-LINUX-ONLY-FIELDS')
    expect(waiver?.where).toEqual(['kubernetes/workloads/legacy-iis.yaml'])
    expect(readmeOf(out)).toContain('K8S-WAIVER-WINDOWS-LINUX-ONLY-FIELDS')
  })

  it('runs workloads whose needs exceed Restricted as exceptions with exactly those needs', () => {
    const probe = find(objects, 'Deployment', 'node-probe')
    expect(namespaceOf(probe)).toBe('windows-mixed-node-probe-exception')
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC'])
      expect(podSpec(probe)[field]).toBeUndefined()
    expect(at(container(probe), 'securityContext', 'privileged')).toBe(true)
    expect(at(container(probe), 'securityContext', 'allowPrivilegeEscalation')).toBeUndefined()
    const orders = find(objects, 'Deployment', 'orders')
    expect(namespaceOf(orders)).toBe('windows-mixed-orders-exception')
    expect(at(container(orders), 'securityContext', 'capabilities')).toEqual({
      drop: ['ALL'],
      add: ['NET_ADMIN', 'NET_BIND_SERVICE'],
    })
    const ids = out.controls.map((c) => c.id)
    expect(ids).toContain('K8S-WAIVER-PSS-EXCEPTION-NODE-PROBE')
    expect(ids).toContain('K8S-WAIVER-PSS-EXCEPTION-ORDERS')
    expect(ids).not.toContain('K8S-REFUSED-CAPABILITIES')
    expect(readmeOf(out)).toMatch(/Justification: reads host metrics/)
  })

  it('references the AKS-provided kata-vm-isolation RuntimeClass for untrusted Linux workloads', () => {
    const orders = podSpec(find(objects, 'Deployment', 'orders'))
    expect(at(orders, 'runtimeClassName')).toBe('kata-vm-isolation')
    expect(at(orders, 'nodeSelector')).toEqual({
      'kubernetes.io/os': 'linux',
      'kubernetes.azure.com/agentpool': 'sandboxed',
    })
    expect(at(orders, 'tolerations')).toEqual([
      { key: 'stackwright.dev/sandbox', operator: 'Equal', value: 'kata', effect: 'NoSchedule' },
    ])
    expect(ofKind(objects, 'RuntimeClass')).toEqual([])
    expect(out.controls.find((c) => c.id === 'K8S-WAIVER-NO-SANDBOX')?.where).toEqual([
      'kubernetes/workloads/legacy-iis.yaml',
    ])
  })

  it.each([
    ['gke', 'gvisor', 'gvisor', undefined],
    ['gke-autopilot', 'gvisor', 'gvisor', undefined],
    ['aks', 'kata', 'kata-vm-isolation', undefined],
    ['openshift', 'kata', 'kata', undefined],
    ['kubernetes', 'kata', 'kata', 'kata'],
    ['kubernetes', 'gvisor', 'gvisor', 'runsc'],
    ['kubernetes', 'firecracker', 'kata-fc', 'kata-fc'],
    ['eks', 'kata', 'kata', 'kata'],
  ])(
    'on %s with %s: runtimeClassName %s, created handler %s',
    (orchestrator, runtime, name, handler) => {
      const objs = objectsOf(
        generate(
          makeDesign({
            // AKS Pod Sandboxing runs on Azure Linux pools only.
            choices: { orchestrator, ...(orchestrator === 'aks' ? { os: 'azure-linux' } : {}) },
            isolation: { runtimeClassForUntrusted: runtime },
            workloads: [
              { name: 'sandboxed', image: 'a/b:1', trust: 'untrusted' },
              { name: 'plain', image: 'a/c:1' },
            ],
          }),
        ),
      )
      expect(at(podSpec(find(objs, 'Deployment', 'sandboxed')), 'runtimeClassName')).toBe(name)
      expect(at(podSpec(find(objs, 'Deployment', 'plain')), 'runtimeClassName')).toBeUndefined()
      const created = ofKind(objs, 'RuntimeClass')
      expect(created.map((r) => [nameOf(r), r.handler])).toEqual(
        handler === undefined ? [] : [[name, handler]],
      )
    },
  )

  it('uses no sandbox when the runtime is not one, and waives it', () => {
    const out2 = generate(
      makeDesign({
        isolation: { runtimeClassForUntrusted: 'containerd' },
        workloads: [{ name: 'x', image: 'a/b:1', trust: 'untrusted' }],
      }),
    )
    expect(
      at(podSpec(find(objectsOf(out2), 'Deployment', 'x')), 'runtimeClassName'),
    ).toBeUndefined()
    expect(out2.controls.map((c) => c.id)).toContain('K8S-WAIVER-NO-SANDBOX')
  })

  it('leaves user and group IDs to the SCC on OpenShift, and says so', () => {
    const os = generate(testDesign('clinic-records'))
    const text = os.artifacts
      .filter((a) => a.path.endsWith('.yaml'))
      .map((a) => a.content)
      .join('\n')
    expect(text).not.toMatch(/runAsUser|runAsGroup|fsGroup/)
    expect(readmeOf(os)).toContain('restricted-v2')
    const ids = os.controls.map((c) => c.id)
    expect(ids).toContain('K8S-OPENSHIFT-SCC-IDS')
    expect(ids).not.toContain('K8S-HIGH-UID-GID')
    const nsLabels = labelsOf(at(ofKind(objectsOf(os), 'Namespace')[0], 'metadata', 'labels'))
    expect(nsLabels['security.openshift.io/scc.podSecurityLabelSync']).toBe('false')
  })

  it('notes GKE Autopilot resource adjustments in the README', () => {
    expect(readmeOf(generate(testDesign('shop-autopilot')))).toMatch(
      /Autopilot makes resource requests mandatory/,
    )
  })

  it('emits no NetworkPolicy for a flat network, and waives the checks that wants', () => {
    const flat = generate(testDesign('lab-cluster'))
    expect(ofKind(objectsOf(flat), 'NetworkPolicy')).toEqual([])
    expect(flat.controls.map((c) => c.id)).toContain('K8S-WAIVER-NETWORK-ALLOW-ALL')
  })
})

describe('generateKubernetes: policy engines', () => {
  it('writes seven Kyverno ClusterPolicies in Enforce mode, scoped to the design namespaces', () => {
    const objs = objectsOf(generate(testDesign('payments-platform')))
    const policies = ofKind(objs, 'ClusterPolicy')
    expect(policies.map(nameOf)).toEqual([
      'payments-platform-run-as-non-root',
      'payments-platform-read-only-root-filesystem',
      'payments-platform-drop-all-capabilities',
      'payments-platform-disallow-privilege-escalation',
      'payments-platform-seccomp-runtime-default',
      'payments-platform-disallow-latest-tag',
      'payments-platform-require-resources',
    ])
    const namespaces = ofKind(objs, 'Namespace').map(nameOf)
    for (const p of policies) {
      expect(at(p, 'apiVersion')).toBe('kyverno.io/v1')
      expect(at(p, 'spec', 'validationFailureAction')).toBe('Enforce')
      for (const rule of arr(at(p, 'spec', 'rules')))
        expect(at(rule, 'match', 'any', 0, 'resources', 'namespaces')).toEqual(namespaces)
    }
  })

  it('writes a Gatekeeper ConstraintTemplate and Constraint per posture rule', () => {
    const objs = objectsOf(generate(testDesign('sandboxed-saas')))
    const templates = ofKind(objs, 'ConstraintTemplate')
    expect(templates).toHaveLength(7)
    const kinds = templates.map((t) => at(t, 'spec', 'crd', 'spec', 'names', 'kind'))
    const constraints = objs.filter((o) =>
      String(o.apiVersion).startsWith('constraints.gatekeeper.sh/'),
    )
    expect(constraints.map((c) => c.kind)).toEqual(kinds)
    const caps = constraints.find((c) => c.kind === 'K8sStackwrightDropAllCapabilities')
    expect(at(caps, 'spec', 'parameters')).toEqual({ allowedCapabilities: ['NET_BIND_SERVICE'] })
  })
})

describe('generateKubernetes: controls', () => {
  for (const name of [
    'payments-platform',
    'sandboxed-saas',
    'windows-mixed',
    'clinic-records',
    'lab-cluster',
    'shop-autopilot',
  ]) {
    it(`${name}: every control is unique, traced to a cause and placed in generated files`, () => {
      const out = generate(testDesign(name))
      const paths = new Set(out.artifacts.map((a) => a.path))
      const ids = out.controls.map((c) => c.id)
      expect(new Set(ids).size).toBe(ids.length)
      for (const c of out.controls) {
        expect(c.causedBy).not.toBe('')
        expect(c.where.length).toBeGreaterThan(0)
        for (const w of c.where) expect(paths.has(w.split('#')[0] ?? '')).toBe(true)
      }
      const readme = readmeOf(out)
      for (const id of ids) expect(readme).toContain(id)
    })
  }
})
