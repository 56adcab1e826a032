import { describe, expect, it } from 'vitest'
import { kindOf, nameOf, podTemplateOf, type Obj } from '../../../../support/k8s-manifests'
import { checkPodSecurity, PSS_CONTROLS } from '../../../../support/pod-security'
import { catalog } from '../../../../../shared/catalog/index'
import { hostNeedsOf, postureOf } from '../../../../../shared/engine/posture/index'
import { verifyKubernetesTree } from '../../../../support/k8s-verify'
import { allDesigns } from './examples'
import { generate, objectsOf } from './helpers'

/** A pod that meets every Restricted control. */
function goodPod(): Obj {
  return {
    metadata: {},
    spec: {
      os: { name: 'linux' },
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 10001,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      volumes: [{ name: 'tmp', emptyDir: {} }],
      containers: [
        {
          name: 'app',
          image: 'a/b:1',
          ports: [{ containerPort: 8080 }],
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
          },
        },
      ],
    },
  }
}

type Change = (
  pod: { spec: Record<string, unknown>; metadata: Record<string, unknown> },
  c: Record<string, unknown>,
) => void

const withChange = (change: Change): Obj => {
  const pod = goodPod() as { spec: Record<string, unknown>; metadata: Record<string, unknown> }
  const container = (pod.spec.containers as Record<string, unknown>[])[0] as Record<string, unknown>
  change(pod, container)
  return pod
}
const sc = (c: Record<string, unknown>): Record<string, unknown> =>
  c.securityContext as Record<string, unknown>
const podSc = (p: { spec: Record<string, unknown> }): Record<string, unknown> =>
  p.spec.securityContext as Record<string, unknown>

const BAD: [string, 'baseline' | 'restricted', string, Change][] = [
  [
    'hostProcess container',
    'baseline',
    'HostProcess',
    (_p, c) => {
      sc(c).windowsOptions = { hostProcess: true }
    },
  ],
  [
    'hostNetwork',
    'baseline',
    'Host Namespaces',
    (p) => {
      p.spec.hostNetwork = true
    },
  ],
  [
    'hostPID',
    'baseline',
    'Host Namespaces',
    (p) => {
      p.spec.hostPID = true
    },
  ],
  [
    'hostIPC',
    'baseline',
    'Host Namespaces',
    (p) => {
      p.spec.hostIPC = true
    },
  ],
  [
    'privileged',
    'baseline',
    'Privileged Containers',
    (_p, c) => {
      sc(c).privileged = true
    },
  ],
  [
    'SYS_ADMIN added',
    'baseline',
    'Capabilities',
    (_p, c) => {
      sc(c).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] }
    },
  ],
  [
    'hostPath volume',
    'baseline',
    'HostPath Volumes',
    (p) => {
      p.spec.volumes = [{ name: 'h', hostPath: { path: '/var' } }]
    },
  ],
  [
    'hostPort',
    'baseline',
    'Host Ports',
    (_p, c) => {
      c.ports = [{ containerPort: 80, hostPort: 80 }]
    },
  ],
  [
    'probe host',
    'baseline',
    'Host Probes / Lifecycle Hooks',
    (_p, c) => {
      c.livenessProbe = { tcpSocket: { port: 80, host: '10.0.0.1' } }
    },
  ],
  [
    'lifecycle host',
    'baseline',
    'Host Probes / Lifecycle Hooks',
    (_p, c) => {
      c.lifecycle = { preStop: { httpGet: { port: 80, host: 'x' } } }
    },
  ],
  [
    'AppArmor unconfined',
    'baseline',
    'AppArmor',
    (_p, c) => {
      sc(c).appArmorProfile = { type: 'Unconfined' }
    },
  ],
  [
    'AppArmor annotation',
    'baseline',
    'AppArmor',
    (p) => {
      p.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/app': 'unconfined',
      }
    },
  ],
  [
    'SELinux type',
    'baseline',
    'SELinux',
    (p) => {
      podSc(p).seLinuxOptions = { type: 'spc_t' }
    },
  ],
  [
    'SELinux user',
    'baseline',
    'SELinux',
    (_p, c) => {
      sc(c).seLinuxOptions = { user: 'system_u' }
    },
  ],
  [
    'Unmasked /proc',
    'baseline',
    '/proc Mount Type',
    (_p, c) => {
      sc(c).procMount = 'Unmasked'
    },
  ],
  [
    'seccomp Unconfined',
    'baseline',
    'Seccomp',
    (_p, c) => {
      sc(c).seccompProfile = { type: 'Unconfined' }
    },
  ],
  [
    'unsafe sysctl',
    'baseline',
    'Sysctls',
    (p) => {
      podSc(p).sysctls = [{ name: 'kernel.msgmax', value: '1' }]
    },
  ],
  [
    'nfs volume',
    'restricted',
    'Volume Types',
    (p) => {
      p.spec.volumes = [{ name: 'n', nfs: { server: 's', path: '/' } }]
    },
  ],
  [
    'privilege escalation unset',
    'restricted',
    'Privilege Escalation',
    (_p, c) => {
      delete sc(c).allowPrivilegeEscalation
    },
  ],
  [
    'runAsNonRoot missing',
    'restricted',
    'Running as Non-root',
    (p) => {
      delete podSc(p).runAsNonRoot
    },
  ],
  [
    'container runAsNonRoot false',
    'restricted',
    'Running as Non-root',
    (_p, c) => {
      sc(c).runAsNonRoot = false
    },
  ],
  [
    'runAsUser 0',
    'restricted',
    'Running as Non-root user',
    (_p, c) => {
      sc(c).runAsUser = 0
    },
  ],
  [
    'no seccomp profile',
    'restricted',
    'Seccomp',
    (p) => {
      delete podSc(p).seccompProfile
    },
  ],
  [
    'capabilities not dropped',
    'restricted',
    'Capabilities',
    (_p, c) => {
      sc(c).capabilities = { add: ['NET_BIND_SERVICE'] }
    },
  ],
  [
    'CHOWN added',
    'restricted',
    'Capabilities',
    (_p, c) => {
      sc(c).capabilities = { drop: ['ALL'], add: ['CHOWN'] }
    },
  ],
]

describe('the Pod Security Standards checker', () => {
  it('passes a pod meeting every Restricted control', () => {
    expect(checkPodSecurity(goodPod(), 'restricted')).toEqual([])
  })

  it('implements every Baseline and Restricted control of the page', () => {
    expect(PSS_CONTROLS.baseline).toEqual([
      'HostProcess',
      'Host Namespaces',
      'Privileged Containers',
      'Capabilities',
      'HostPath Volumes',
      'Host Ports',
      'Host Probes / Lifecycle Hooks',
      'AppArmor',
      'SELinux',
      '/proc Mount Type',
      'Seccomp',
      'Sysctls',
    ])
    expect(PSS_CONTROLS.restricted).toEqual([
      'Volume Types',
      'Privilege Escalation',
      'Running as Non-root',
      'Running as Non-root user',
      'Seccomp',
      'Capabilities',
    ])
  })

  it.each(BAD)('flags %s under %s / %s', (_name, level, control, change) => {
    const violations = checkPodSecurity(withChange(change), 'restricted')
    expect(violations.map((v) => `${v.level}/${v.control}`)).toContain(`${level}/${control}`)
    // Restricted-only controls are not Baseline violations; Privileged checks nothing.
    expect(checkPodSecurity(withChange(change), 'baseline').length > 0).toBe(level === 'baseline')
    expect(checkPodSecurity(withChange(change), 'privileged')).toEqual([])
  })

  it('accepts a container without runAsNonRoot when the pod sets it, and Localhost seccomp', () => {
    expect(
      checkPodSecurity(
        withChange((_p, c) => {
          sc(c).seccompProfile = { type: 'Localhost', localhostProfile: 'p.json' }
        }),
        'restricted',
      ),
    ).toEqual([])
  })

  it('exempts Windows pods from Privilege Escalation, Seccomp and Capabilities, but not from running as non-root', () => {
    const windowsPod = (runAsNonRoot: boolean): Obj => ({
      spec: {
        os: { name: 'windows' },
        securityContext: { runAsNonRoot, windowsOptions: { runAsUserName: 'ContainerUser' } },
        containers: [{ name: 'iis', image: 'iis:1' }],
      },
    })
    expect(checkPodSecurity(windowsPod(true), 'restricted')).toEqual([])
    expect(checkPodSecurity(windowsPod(false), 'restricted').map((v) => v.control)).toEqual([
      'Running as Non-root',
      'Running as Non-root',
    ])
    const asLinux = windowsPod(true) as { spec: Record<string, unknown> }
    asLinux.spec.os = { name: 'linux' }
    expect(checkPodSecurity(asLinux, 'restricted').map((v) => v.control)).toEqual([
      'Privilege Escalation',
      'Seccomp',
      'Capabilities',
    ])
  })
})

describe('every generated pod passes Pod Security Standards', () => {
  for (const [label, design] of allDesigns()) {
    it(`${label}: Restricted outside exceptions; exceptions at their own namespace's level`, () => {
      const out = generate(design)
      const objects = objectsOf(out)
      const pods = objects.filter(
        (o) => kindOf(o) !== 'Kustomization' && podTemplateOf(o) !== undefined,
      )
      expect(pods.length).toBe(new Set(design.workloads.map((w) => w.name)).size)
      const report = verifyKubernetesTree(design, out)
      expect(report.pss.violations).toEqual([])
      const posture = postureOf(design, catalog)
      for (const o of pods) {
        const i = design.workloads.findIndex((w) => w.name === nameOf(o))
        const w = design.workloads[i]
        if (w === undefined || hostNeedsOf(w).length > 0) continue
        expect(checkPodSecurity(podTemplateOf(o) as Obj, 'restricted'), nameOf(o)).toEqual([])
        expect(posture.podSecurity[i]?.exception).toBe(false)
      }
    })
  }
})
