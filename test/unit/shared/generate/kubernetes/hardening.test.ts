import { describe, expect, it } from 'vitest'
import { ALL_CHECK_IDS, runHardeningChecks } from '../../../../support/k8s-hardening'
import { parseManifests, type ParsedObject } from '../../../../support/k8s-manifests'
import { verifyKubernetesTree } from '../../../../support/k8s-verify'
import { allDesigns } from './examples'
import { testDesign } from './designs'
import { generate } from './helpers'

const LABELS = { 'app.kubernetes.io/name': 'bad' }

/** A Deployment that breaks nearly every recommendation. */
const badDeployment: ParsedObject = {
  file: 'bad.yaml',
  obj: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'bad', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'other' } },
      template: {
        metadata: { labels: LABELS },
        spec: {
          hostNetwork: true,
          hostPID: true,
          hostIPC: true,
          volumes: [{ name: 'root', hostPath: { path: '/etc' } }],
          containers: [
            {
              name: 'bad',
              image: 'nginx',
              ports: [{ name: 'http_port', containerPort: 80, hostPort: 80 }],
              securityContext: {
                privileged: true,
                allowPrivilegeEscalation: true,
                runAsUser: 0,
                capabilities: { add: ['SYS_ADMIN', 'NET_RAW'] },
              },
              livenessProbe: { tcpSocket: { port: 9999 } },
            },
          ],
        },
      },
    },
  },
}

const service: ParsedObject = {
  file: 'bad.yaml',
  obj: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'svc', namespace: 'default' },
    spec: { type: 'NodePort', selector: { app: 'nothing' } },
  },
}
const pdb: ParsedObject = {
  file: 'bad.yaml',
  obj: {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'p', namespace: 'default' },
    spec: { minAvailable: 3, selector: { matchLabels: LABELS } },
  },
}

describe('the linter-equivalent checks', () => {
  const results = runHardeningChecks([badDeployment, service, pdb])
  const failed = new Set(results.filter((r) => r.status === 'fail').map((r) => r.check))

  it('fail a Deployment that breaks the recommendations, check by check', () => {
    const expected = ALL_CHECK_IDS.filter(
      (id) =>
        ![
          // Not triggered by this object: it has a security context, a liveness probe but no readiness
          // probe, valid labels, an untagged image without pull policy (kube-score lets the default
          // Always stand), a matching PDB, and it is no StatefulSet.
          'kube-score/container-security-context-readonlyrootfilesystem',
          'kube-score/container-image-pull-policy',
          'kube-linter/no-liveness-probe',
          'kube-linter/readiness-port',
          'polaris/livenessProbeMissing',
          'kube-score/label-values',
          'kube-score/statefulset-has-poddisruptionbudget',
          'kube-score/statefulset-has-host-podantiaffinity',
          'kube-score/statefulset-has-servicename',
          'kube-score/networkpolicy-targets-pod',
          'kube-score/stable-version',
          'kube-score/deployment-has-poddisruptionbudget',
          'kubesec/VolumeClaimAccessModeReadWriteOnce',
          'kubesec/VolumeClaimRequestsStorage',
          'kube-linter/pdb-max-unavailable',
          'kube-linter/non-existent-service-account',
          'kube-score/pod-probes',
        ].includes(id),
    )
    expect(expected.filter((id) => !failed.has(id))).toEqual([])
  })

  it('skip what the linters skip, and count a matching PDB', () => {
    const byId = (id: string) => results.filter((r) => r.check === id).map((r) => r.status)
    expect(byId('kube-score/statefulset-has-servicename')).toEqual(['skip'])
    expect(byId('kube-score/deployment-has-poddisruptionbudget')).toEqual(['pass'])
    expect(byId('kube-linter/pdb-min-available')).toEqual(['fail'])
  })

  it('report every check the generator cites, under the same name', () => {
    for (const [, design] of allDesigns())
      for (const c of generate(design).controls)
        for (const check of c.checks.linters ?? []) expect(ALL_CHECK_IDS).toContain(check)
  })
})

describe('generated trees meet every check or waive it', () => {
  for (const [label, design] of allDesigns()) {
    it(`${label}: failures are exactly the waived (check, file) pairs`, () => {
      const report = verifyKubernetesTree(design, generate(design))
      expect(
        report.hardening.unwaived.map((r) => `${r.check} ${r.object}: ${r.messages.join('; ')}`),
      ).toEqual([])
      expect(report.hardening.ran).toBeGreaterThan(0)
    })
  }

  it('fails the waived checks for real (the waivers are needed)', () => {
    const results = runHardeningChecks(
      parseManifests(generate(testDesign('windows-mixed')).artifacts),
    )
    const fails = new Set(
      results.filter((r) => r.status === 'fail').map((r) => `${r.check} ${r.file}`),
    )
    expect(fails).toContain('polaris/cpuLimitsMissing kubernetes/workloads/orders.yaml')
    expect(fails).toContain('kube-score/pod-probes kubernetes/workloads/orders.yaml')
    expect(fails).toContain('kube-linter/latest-tag kubernetes/workloads/orders.yaml')
    expect(fails).toContain('kubesec/SeccompAny kubernetes/workloads/legacy-iis.yaml')
    expect(fails).not.toContain('kubesec/SeccompAny kubernetes/workloads/orders.yaml')
  })
})
