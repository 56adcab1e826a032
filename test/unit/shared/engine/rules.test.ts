import { describe, expect, it } from 'vitest'
import { catalog, getReference } from '../../../../shared/catalog/index'
import type { Catalog } from '../../../../shared/catalog/types'
import { evaluate } from '../../../../shared/engine/evaluate'
import { ruleIndex } from '../../../../shared/engine/rules/index'
import type { Evaluation } from '../../../../shared/engine/types'
import { CRITERIA } from '../../../../shared/engine/types'
import type { Design } from '../../../../shared/model/schema'
import { BASE_DESIGN, makeDesign, makeV2Design } from '../../../support/designs'

type V1Patch = NonNullable<Parameters<typeof makeDesign>[0]>
/** A patch in v1 terms (migrated), or one in v2 terms applied to the migrated base. */
type Patch = V1Patch | { readonly v2: V1Patch }
const v2 = (patch: V1Patch): Patch => ({ v2: patch })
const build = (patch: Patch): Design =>
  'v2' in patch ? makeV2Design(patch.v2 as V1Patch) : makeDesign(patch)

const pool = (name: string, role: string, os: string, runtime: string, more: object = {}) => ({
  name,
  role,
  os,
  runtime,
  ...more,
})
const controlPlane = pool('control-plane', 'control-plane', 'ubuntu', 'containerd')
const linuxWorkers = pool('workers', 'workers', 'ubuntu', 'containerd')
const windowsWorkers = pool('windows', 'workers', 'windows-server', 'containerd')
/** GKE Autopilot with `api` given these needs. */
const autopilotApi = (needs: object): Patch =>
  v2({
    context: { cloud: 'gcp' },
    choices: { orchestrator: 'gke-autopilot', plugins: [] },
    nodePools: [pool('workers', 'workers', 'cos', 'containerd')],
    workloads: [web, { ...api, needs }],
  })
const windowsApp = { name: 'legacy', image: 'ghcr.io/acme/legacy:1.0.0', os: 'windows' }

const web = BASE_DESIGN.workloads![0]!
const api = BASE_DESIGN.workloads![1]!
/** BASE_DESIGN's workloads with `api` changed. */
const apiWith = (change: object): Patch => ({ workloads: [web, { ...api, ...change }] })
/** BASE_DESIGN's workloads plus one more. */
const plus = (extra: object): Patch => ({ workloads: [web, api, extra] })
const monitor = (change: object = {}) => ({
  name: 'agent',
  image: 'prom/agent:1.0.0',
  role: 'monitoring',
  ...change,
})
const swarm: Patch = {
  choices: { orchestrator: 'swarm', runtime: 'docker', os: 'ubuntu', plugins: [] },
}
const eks: Patch = {
  context: { cloud: 'aws' },
  choices: { orchestrator: 'eks', runtime: 'containerd', os: 'bottlerocket', plugins: ['cilium'] },
}
const eksWith = (...plugins: string[]): Patch => ({
  context: { cloud: 'aws' },
  choices: { orchestrator: 'eks', runtime: 'containerd', os: 'bottlerocket', plugins },
})
const kata: Patch = { choices: { runtime: 'kata' } }
const noPlugins: Patch = { choices: { plugins: [] }, isolation: { network: 'allow-all' } }
const plugins = (...ids: string[]): Patch => ({ choices: { plugins: ['cilium', ...ids] } })
const untrusted = apiWith({ trust: 'untrusted' })
const fargateEcs: Patch = {
  context: { cloud: 'aws' },
  choices: { orchestrator: 'ecs-fargate', runtime: 'fargate', os: 'amazon-linux', plugins: [] },
}

interface Case {
  readonly fires: Patch
  /** A design where the rule does not apply ... */
  readonly quiet?: Patch
  /** ... or, for rules that always apply, one where it gives other points. */
  readonly alt?: Patch
  /** Another design where it must not apply. */
  readonly alsoQuiet?: Patch
  /** Another design where it must apply. */
  readonly alsoFires?: Patch
  readonly catalog?: Catalog
}

const archivedCatalog: Catalog = {
  ...catalog,
  plugins: catalog.plugins.map((p) => (p.id === 'kyverno' ? { ...p, maturity: 'archived' } : p)),
}

const CASES: Record<string, Case> = {
  // violations
  'COMPAT-NO-POOLS': { fires: v2({ nodePools: [] }), quiet: {} },
  'COMPAT-RUNTIME-ORCHESTRATOR': {
    fires: v2({ nodePools: [controlPlane, pool('workers', 'workers', 'ubuntu', 'fargate')] }),
    quiet: {},
    alsoQuiet: v2({ nodePools: [controlPlane, pool('workers', 'workers', 'ubuntu', 'cri-o')] }),
  },
  'COMPAT-OS-ORCHESTRATOR': {
    fires: {
      context: { cloud: 'gcp' },
      choices: { orchestrator: 'gke-autopilot', os: 'ubuntu', plugins: [] },
    },
    quiet: {},
  },
  'COMPAT-CONTROL-PLANE-MISSING': {
    fires: v2({ nodePools: [linuxWorkers] }),
    quiet: {},
    alsoQuiet: { context: { cloud: 'aws' }, choices: { orchestrator: 'eks', os: 'bottlerocket' } },
  },
  'COMPAT-WINDOWS-UNSUPPORTED': {
    fires: {
      context: { cloud: 'gcp', requirements: { windowsWorkloads: true } },
      choices: { orchestrator: 'gke-autopilot', os: 'cos', plugins: [] },
    },
    quiet: {
      context: { cloud: 'gcp' },
      choices: { orchestrator: 'gke-autopilot', os: 'cos', plugins: [] },
    },
  },
  'COMPAT-RUNTIME-OS': {
    fires: v2({ nodePools: [controlPlane, pool('workers', 'workers', 'windows-server', 'cri-o')] }),
    quiet: v2({ nodePools: [controlPlane, linuxWorkers, windowsWorkers] }),
  },
  'COMPAT-LINUX-POOL-REQUIRED': {
    fires: v2({
      context: { cloud: 'aws' },
      choices: { orchestrator: 'eks', plugins: ['aws-vpc-cni'] },
      nodePools: [windowsWorkers],
      workloads: [windowsApp],
      endpoints: [],
    }),
    quiet: v2({
      context: { cloud: 'aws' },
      choices: { orchestrator: 'eks', plugins: ['aws-vpc-cni'] },
      nodePools: [pool('linux', 'workers', 'bottlerocket', 'containerd'), windowsWorkers],
      workloads: [windowsApp],
      endpoints: [],
    }),
  },
  'COMPAT-OS-CLOUD': {
    fires: v2({
      context: { cloud: 'gcp' },
      nodePools: [controlPlane, pool('workers', 'workers', 'bottlerocket', 'containerd')],
    }),
    quiet: v2({
      context: { cloud: 'aws' },
      nodePools: [controlPlane, pool('workers', 'workers', 'bottlerocket', 'containerd')],
    }),
  },
  'COMPAT-WORKLOAD-PLACEMENT': {
    fires: v2({
      nodePools: [
        controlPlane,
        pool('workers', 'workers', 'ubuntu', 'containerd', { sandboxes: ['gvisor'] }),
        windowsWorkers,
      ],
      workloads: [...BASE_DESIGN.workloads!, { ...windowsApp, trust: 'untrusted' }],
    }),
    quiet: v2({
      nodePools: [
        controlPlane,
        pool('workers', 'workers', 'ubuntu', 'containerd', { sandboxes: ['gvisor'] }),
        windowsWorkers,
      ],
      workloads: [...BASE_DESIGN.workloads!, windowsApp],
    }),
    alsoFires: v2({ workloads: [web, { ...api, pool: 'control-plane' }] }),
  },
  'COMPAT-PLATFORM-POD-LIMITS': {
    // GKE Autopilot: read-only host paths under /var/log/ only (GKE-AUTOPILOT-WARDEN).
    fires: autopilotApi({ hostPaths: [{ path: '/proc' }], justification: 'Reads node stats.' }),
    quiet: autopilotApi({
      hostPaths: [{ path: '/var/log/pods', readOnly: true }],
      justification: 'Ships pod logs.',
    }),
    alsoFires: autopilotApi({
      hostPaths: [{ path: '/var/log', readOnly: false }],
      justification: 'Writes.',
    }),
  },
  'COMPAT-EXCEPTION-UNJUSTIFIED': {
    fires: v2({ workloads: [web, { ...api, needs: { hostNetwork: true } }] }),
    quiet: v2({
      workloads: [web, { ...api, needs: { hostNetwork: true, justification: 'CNI agent.' } }],
    }),
    alsoFires: v2({ workloads: [web, { ...api, needs: { capabilities: ['NET_ADMIN'] } }] }),
    alsoQuiet: v2({ workloads: [web, { ...api, needs: { capabilities: ['NET_BIND_SERVICE'] } }] }),
  },
  'COMPAT-PUBLIC-NO-INGRESS': { fires: v2({ endpoints: [] }), quiet: {} },
  'COMPAT-PLUGIN-OS': {
    fires: v2({
      nodePools: [controlPlane, windowsWorkers],
      workloads: [windowsApp],
      endpoints: [],
    }),
    quiet: v2({
      nodePools: [controlPlane, linuxWorkers, windowsWorkers],
      workloads: [windowsApp],
      endpoints: [],
    }),
  },
  'COMPAT-SANDBOX-UNSUPPORTED': {
    fires: v2({
      nodePools: [
        controlPlane,
        pool('workers', 'workers', 'ubuntu', 'containerd', { sandboxes: ['containerd'] }),
      ],
    }),
    quiet: { isolation: { runtimeClassForUntrusted: 'kata' } },
    // AKS Pod Sandboxing (Kata) runs on Azure Linux node pools only (S15).
    alsoFires: {
      context: { cloud: 'azure' },
      choices: { orchestrator: 'aks', os: 'ubuntu', plugins: ['cilium'] },
      isolation: { runtimeClassForUntrusted: 'kata' },
    },
    alsoQuiet: {
      context: { cloud: 'azure' },
      choices: { orchestrator: 'aks', os: 'azure-linux', plugins: ['cilium'] },
      isolation: { runtimeClassForUntrusted: 'kata' },
    },
  },
  'COMPAT-HOST-ACCESS-RUNTIME': {
    fires: { ...kata, ...apiWith({ needs: { hostAccess: true } }) },
    quiet: apiWith({ needs: { hostAccess: true } }),
  },
  'COMPAT-PLUGIN-ORCHESTRATOR': { fires: plugins('aws-vpc-cni'), quiet: {} },
  'COMPAT-PLUGIN-DAEMONSET-FARGATE': {
    fires: {
      context: { cloud: 'aws' },
      choices: { orchestrator: 'eks', runtime: 'fargate', os: 'amazon-linux', plugins: ['cilium'] },
    },
    quiet: {
      context: { cloud: 'aws' },
      choices: {
        orchestrator: 'eks',
        runtime: 'fargate',
        os: 'amazon-linux',
        plugins: ['aws-vpc-cni', 'kyverno'],
      },
    },
  },
  'COMPAT-PLUGIN-EXCLUSIVE': {
    fires: plugins('calico'),
    quiet: {},
    // Documented combinations: Calico policy-only and Cilium chaining on the AWS VPC CNI.
    alsoQuiet: eksWith('aws-vpc-cni', 'calico'),
  },
  'RISK-TEAM-OVERLOAD': {
    fires: { context: { team: { kubernetesExperience: 'none', opsCapacity: 'low' } } },
    quiet: { context: { team: { kubernetesExperience: 'expert', opsCapacity: 'high' } } },
    alsoQuiet: {
      context: { cloud: 'aws', team: { kubernetesExperience: 'none', opsCapacity: 'low' } },
      choices: { orchestrator: 'ecs-fargate', runtime: 'fargate', os: 'amazon-linux', plugins: [] },
    },
  },
  'RISK-OVERLAPPING-PLUGINS': {
    fires: plugins('kyverno', 'gatekeeper'),
    quiet: plugins('kyverno'),
    alsoFires: eksWith('aws-vpc-cni', 'cilium'),
  },
  'COMPAT-NETWORK-POLICY-UNENFORCED': { fires: { choices: { plugins: [] } }, quiet: {} },
  'COMPAT-CLOUD-ORCHESTRATOR': {
    fires: { choices: { orchestrator: 'eks', os: 'bottlerocket' } },
    quiet: {},
  },
  'COMPAT-FLOW-UNKNOWN': { fires: apiWith({ talksTo: ['ghost'] }), quiet: {} },
  // isolation
  'ISO-KERNEL-SHARED': { fires: {}, alt: kata },
  'ISO-UNTRUSTED-SANDBOX': { fires: untrusted, quiet: {} },
  'ISO-POD-SECURITY': { fires: {}, alt: { isolation: { podSecurity: 'privileged' } } },
  'ISO-NETWORK-POSTURE': { fires: {}, alt: { isolation: { network: 'allow-all' } } },
  'ISO-NAMESPACES': { fires: {}, alt: { isolation: { namespaces: 'shared' } } },
  'ISO-OS-HARDENING': { fires: {}, alt: { choices: { os: 'fedora-coreos' } } },
  'ISO-HOST-ACCESS': { fires: apiWith({ needs: { hostAccess: true } }), quiet: {} },
  'ISO-TRANSIT-ENCRYPTION': {
    fires: plugins('linkerd'),
    quiet: { ...noPlugins, choices: { plugins: ['kyverno'] } },
  },
  // least privilege
  'LP-GRANULAR-CONTEXTS': { fires: {}, alt: swarm },
  'LP-POD-SECURITY': { fires: {}, alt: { isolation: { podSecurity: 'baseline' } } },
  'LP-HOST-ACCESS': { fires: apiWith({ needs: { hostAccess: true } }), quiet: {} },
  'LP-ADDED-CAPABILITIES': { fires: {}, alt: apiWith({ needs: { capabilities: ['SYS_ADMIN'] } }) },
  'LP-SERVICE-ACCOUNT-TOKENS': { fires: {}, quiet: swarm },
  'LP-ADMISSION-ENFORCEMENT': { fires: plugins('kyverno'), quiet: {} },
  'LP-ACCESS-CONTROL': { fires: swarm, quiet: {} },
  'LP-SECRETS-MANAGEMENT': { fires: plugins('external-secrets'), quiet: {} },
  // attack surface
  'AS-PLUGIN-EXPOSURE': { fires: {}, quiet: noPlugins },
  'AS-OS-FOOTPRINT': { fires: {}, alt: { choices: { os: 'flatcar' } } },
  'AS-RUNTIME-CVES': { fires: {}, alt: {} },
  'AS-ROOT-DAEMON': { fires: swarm, quiet: {} },
  'AS-PUBLIC-EXPOSURE': {
    fires: {},
    quiet: { workloads: [{ ...web, exposure: 'internal' }, api] },
  },
  'AS-MANAGED-CONTROL-PLANE': { fires: eks, quiet: {} },
  'AS-SUPPLY-CHAIN': { fires: plugins('trivy-operator'), quiet: {} },
  // operability
  'OP-COMPLEXITY': { fires: {}, alt: swarm },
  'OP-EXPERIENCE-GAP': {
    fires: { context: { team: { kubernetesExperience: 'none' } } },
    quiet: { context: { team: { kubernetesExperience: 'expert' } } },
  },
  'OP-OPS-CAPACITY': { fires: { context: { team: { opsCapacity: 'low' } } }, quiet: {} },
  'OP-MANAGED-CONTROL-PLANE': { fires: eks, quiet: {} },
  'OP-PLUGIN-UPKEEP': { fires: {}, quiet: noPlugins },
  'OP-OS-UPDATES': { fires: {}, alt: { choices: { os: 'flatcar' } } },
  'OP-SANDBOX-REQUIREMENTS': { fires: kata, quiet: {} },
  'OP-WINDOWS-NODES': { fires: apiWith({ os: 'windows' }), quiet: {} },
  // visibility
  'VIS-RUNTIME-DETECTION': { fires: plugins('falco'), quiet: {} },
  'VIS-TELEMETRY': { fires: plugins('prometheus'), quiet: {} },
  'VIS-AUDIT-LOG': {
    fires: {},
    alt: { context: { cloud: 'gcp' }, choices: { orchestrator: 'gke', os: 'cos' } },
  },
  'VIS-L7-FLOWS': { fires: plugins('linkerd'), quiet: { choices: { plugins: ['calico'] } } },
  'VIS-MONITORING-REACH': { fires: plus(monitor({ observes: ['api'] })), quiet: {} },
  'VIS-SANDBOX-BLIND-SPOT': { fires: kata, quiet: {} },
  // portability
  'PORT-LOCK-IN': { fires: {}, alt: eks },
  'PORT-STANDARD-API': { fires: {}, quiet: swarm },
  'PORT-RUNTIME-CHOICE': {
    fires: {},
    alt: {
      context: { cloud: 'aws' },
      choices: { orchestrator: 'ecs-fargate', runtime: 'fargate', os: 'amazon-linux', plugins: [] },
    },
  },
  'PORT-WINDOWS-OPTION': {
    fires: {},
    quiet: {
      context: { cloud: 'gcp' },
      choices: { orchestrator: 'gke-autopilot', os: 'cos', plugins: [] },
    },
  },
  'PORT-SANDBOX-HARDWARE': { fires: kata, quiet: {} },
  'PORT-SINGLE-PLATFORM-PLUGIN': {
    fires: {
      context: { cloud: 'aws' },
      choices: {
        orchestrator: 'eks',
        runtime: 'containerd',
        os: 'bottlerocket',
        plugins: ['aws-vpc-cni'],
      },
    },
    quiet: {},
  },
  // cost
  'COST-PLATFORM-FEES': { fires: eks, quiet: {} },
  'COST-RUNTIME-OVERHEAD': { fires: kata, quiet: {} },
  'COST-VIRTUALISATION': { fires: kata, quiet: {} },
  'COST-OS-LICENCE': { fires: { choices: { os: 'rhel' } }, quiet: {} },
  'COST-PLUGIN-RESOURCES': { fires: {}, quiet: noPlugins },
  'COST-SCALE': { fires: { context: { nodes: 200 } }, quiet: {} },
  // findings
  'RISK-FLAT-NETWORK': { fires: { isolation: { network: 'allow-all' } }, quiet: {} },
  'RISK-PRIVILEGED-POD-SECURITY': { fires: { isolation: { podSecurity: 'baseline' } }, quiet: {} },
  'RISK-SHARED-NAMESPACE-TENANTS': {
    fires: {
      context: { requirements: { multiTenant: true } },
      isolation: { namespaces: 'shared' },
    },
    quiet: {},
  },
  'RISK-HOST-ACCESS': { fires: apiWith({ needs: { hostAccess: true } }), quiet: {} },
  'RISK-DANGEROUS-CAPABILITIES': {
    fires: apiWith({ needs: { capabilities: ['SYS_ADMIN'] } }),
    quiet: apiWith({ needs: { capabilities: ['NET_BIND_SERVICE'] } }),
  },
  'RISK-IMAGE-UNPINNED': { fires: apiWith({ image: 'nginx' }), quiet: {} },
  'RISK-API-TOKEN-MOUNTED': { fires: apiWith({ needs: { apiAccess: true } }), quiet: {} },
  'RISK-MONITOR-UNREACHABLE': {
    fires: { workloads: [web, { ...api, ports: [] }, monitor({ observes: ['api'] })] },
    quiet: plus(monitor({ observes: ['api'] })),
  },
  'RISK-WINDOWS-WEAK-ARGUMENT': { fires: apiWith({ os: 'windows' }), quiet: {} },
  'RISK-UNTRUSTED-SHARED-KERNEL': {
    fires: untrusted,
    quiet: { ...untrusted, isolation: { runtimeClassForUntrusted: 'kata' } },
  },
  'RISK-SECRETS-PLAINTEXT': {
    fires: {},
    quiet: { context: { cloud: 'gcp' }, choices: { orchestrator: 'gke', os: 'cos' } },
  },
  'RISK-AUDIT-OFF': {
    fires: {},
    quiet: { context: { cloud: 'gcp' }, choices: { orchestrator: 'gke', os: 'cos' } },
  },
  'RISK-NO-RUNTIME-DETECTION': { fires: {}, quiet: plugins('falco') },
  'RISK-NO-ADMISSION-POLICY': { fires: {}, quiet: plugins('kyverno') },
  'RISK-SWARM-IGNORED-OPTIONS': { fires: swarm, quiet: {} },
  'RISK-WINDOWS-OVERLAY-UNENCRYPTED': {
    fires: { ...swarm, ...apiWith({ os: 'windows' }) },
    quiet: swarm,
  },
  'RISK-NO-ACCESS-CONTROL': { fires: swarm, quiet: {} },
  'RISK-API-TLS-OFF': {
    fires: { choices: { orchestrator: 'nomad', runtime: 'docker', os: 'ubuntu', plugins: [] } },
    quiet: {},
  },
  'RISK-RUNTIME-CVES': {
    fires: {},
    quiet: v2({
      nodePools: [
        controlPlane,
        pool('workers', 'workers', 'ubuntu', 'containerd', {
          sandboxes: ['kata'],
          virtualization: 'nested',
        }),
      ],
      isolation: { sandboxWorkloads: 'all' },
    }),
    alsoQuiet: fargateEcs,
  },
  'RISK-PRIVILEGED-PLUGINS': { fires: plugins('falco'), quiet: noPlugins },
  'RISK-ARCHIVED-PLUGIN': {
    fires: plugins('kyverno'),
    quiet: plugins('kyverno'),
    catalog: archivedCatalog,
  },
  'RISK-MANY-PLUGINS': {
    fires: plugins(
      'kyverno',
      'falco',
      'external-secrets',
      'prometheus',
      'fluent-bit',
      'trivy-operator',
    ),
    quiet: {},
  },
  'RISK-NO-IMAGE-VERIFICATION': { fires: {}, quiet: plugins('cosign-policy-controller') },
  'RISK-OS-GENERAL-PURPOSE': {
    fires: {},
    quiet: { choices: { os: 'flatcar' } },
    alsoQuiet: fargateEcs,
  },
  'RISK-SANDBOX-NESTED-VIRT': { fires: kata, quiet: {} },
  'RISK-AIR-GAP-MANAGED': {
    fires: { ...eks, context: { cloud: 'aws', requirements: { airGapped: true } } },
    quiet: eks,
  },
  'RISK-COMPLIANCE-TRANSIT-ENCRYPTION': {
    fires: {
      context: { requirements: { compliance: ['pci-dss'] } },
      choices: { plugins: ['kyverno'] },
    },
    quiet: {
      context: { requirements: { compliance: ['pci-dss'] } },
      choices: { plugins: ['cilium', 'linkerd'] },
    },
  },
  // isolation balance
  'BAL-UNTRUSTED-SHARED-KERNEL': {
    fires: untrusted,
    quiet: { ...untrusted, isolation: { runtimeClassForUntrusted: 'gvisor' } },
  },
  'BAL-FLAT-NETWORK': { fires: { isolation: { network: 'allow-all' } }, quiet: {} },
  'BAL-PERMISSIVE-POD-SECURITY': { fires: { isolation: { podSecurity: 'privileged' } }, quiet: {} },
  'BAL-HOST-ACCESS': { fires: apiWith({ needs: { hostAccess: true } }), quiet: {} },
  'BAL-DANGEROUS-CAPABILITIES': {
    fires: apiWith({ needs: { capabilities: ['NET_ADMIN'] } }),
    quiet: {},
  },
  'BAL-SHARED-NAMESPACE-TENANTS': {
    fires: {
      context: { requirements: { multiTenant: true } },
      isolation: { namespaces: 'shared' },
    },
    quiet: { isolation: { namespaces: 'shared' } },
  },
  'BAL-IGNORED-SECURITY-OPTIONS': { fires: swarm, quiet: {} },
  'BAL-MONITOR-CUT-OFF': { fires: plus(monitor()), quiet: plus(monitor({ observes: ['api'] })) },
  'BAL-STATEFUL-NO-WRITABLE-PATH': {
    fires: apiWith({ stateful: true }),
    quiet: apiWith({ stateful: true, needs: { writablePaths: ['/data'] } }),
  },
  'BAL-ISOLATED-WORKLOAD': {
    fires: plus({ name: 'batch', image: 'ghcr.io/acme/batch:1.0.0' }),
    quiet: {},
  },
  'BAL-SANDBOX-TRUSTED': { fires: kata, quiet: { ...kata, ...untrusted }, alsoQuiet: fargateEcs },
}

/** The points a rule contributed (undefined when it did not fire), or 1 for non-score rules that fired. */
function firing(evaluation: Evaluation, id: string): number | undefined {
  for (const c of CRITERIA) {
    const hits = evaluation.scores.criteria[c].contributions.filter((x) => x.rule === id)
    if (hits.length > 0) return hits.reduce((s, x) => s + x.points, 0)
  }
  const balance = [...evaluation.isolationBalance.tooLittle, ...evaluation.isolationBalance.tooMuch]
  const fired =
    evaluation.violations.some((v) => v.id === id) ||
    evaluation.findings.some((f) => f.id === id) ||
    balance.some((b) => b.rule === id)
  return fired ? 1 : undefined
}

const BASELINES = ruleIndex().filter((r) => r.id.endsWith('-BASELINE'))

describe('rules', () => {
  it('have unique ids and every reference resolves to the catalog', () => {
    const ids = ruleIndex().map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of ruleIndex())
      for (const ref of rule.references)
        expect(getReference(catalog, ref), `${rule.id} cites ${ref}`).toBeDefined()
  })

  it('each has a fire/quiet case in this test', () => {
    const covered = new Set([...Object.keys(CASES), ...BASELINES.map((r) => r.id)])
    expect(
      ruleIndex()
        .map((r) => r.id)
        .filter((id) => !covered.has(id)),
    ).toEqual([])
  })

  it.each(BASELINES.map((r) => r.id))('%s always contributes', (id) => {
    expect(firing(evaluate(makeDesign(), catalog), id)).toBeGreaterThan(0)
  })

  it.each(Object.entries(CASES))('%s fires and does not fire', (id, testCase) => {
    const data = testCase.catalog ?? catalog
    const fired = firing(evaluate(build(testCase.fires), data), id)
    expect(fired, `${id} should fire`).toBeDefined()
    if (testCase.quiet) {
      const quietCatalog = testCase.catalog ? catalog : data
      expect(
        firing(evaluate(build(testCase.quiet), quietCatalog), id),
        `${id} should stay quiet`,
      ).toBeUndefined()
    }
    if (testCase.alsoQuiet)
      expect(
        firing(evaluate(build(testCase.alsoQuiet), catalog), id),
        `${id} also quiet`,
      ).toBeUndefined()
    if (testCase.alsoFires)
      expect(
        firing(evaluate(build(testCase.alsoFires), catalog), id),
        `${id} also fires`,
      ).toBeDefined()
    if (testCase.alt) {
      const other = firing(evaluate(build(testCase.alt), data), id)
      if (id === 'AS-RUNTIME-CVES') expect(other).toBeDefined()
      else expect(other, `${id} should give other points`).not.toBe(fired)
    }
  })
})
