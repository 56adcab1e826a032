// Score rules for the security criteria: isolation, least privilege, attack surface.
import type { PluginFootprint, Maturity } from '../../catalog/types'
import type { EngineContext } from '../context'
import type { ScoreHit, ScoreRule } from './types'
import { capped, nameList } from './types'

const POD_SECURITY_ISOLATION = { restricted: 12, baseline: 0, privileged: -20 } as const
const POD_SECURITY_PRIVILEGE = { restricted: 10, baseline: 0, privileged: -25 } as const
const NAMESPACE_POINTS = { 'per-workload': 10, 'per-team': 6, shared: -4 } as const
const KERNEL_POINTS = { shared: -10, 'userspace-kernel': 14, microvm: 20, vm: 20 } as const
const FOOTPRINT_COST: Record<PluginFootprint, number> = {
  'privileged-daemonset': -6,
  daemonset: -4,
  'admission-webhook': -3,
  sidecar: -3,
  controller: -2,
  agent: -2,
}
const MATURITY_COST: Record<Maturity, number> = {
  graduated: 0,
  incubating: -1,
  sandbox: -2,
  vendor: -1,
  archived: -10,
}

export const ISOLATION_RULES: readonly ScoreRule[] = [
  {
    id: 'ISO-BASELINE',
    criterion: 'isolation',
    references: ['ARTICLE-ISOLATION'],
    apply: () => ({ points: 50, reason: 'Starting point before the design’s choices.' }),
  },
  {
    id: 'ISO-KERNEL-SHARED',
    criterion: 'isolation',
    references: ['ARTICLE-RUNTIMES', 'NIST SP 800-190 4.5.2'],
    apply: (c) => {
      const kernels = appliedKernels(c)
      const points = Math.round(
        kernels.reduce((sum, k) => sum + KERNEL_POINTS[k], 0) / Math.max(1, kernels.length),
      )
      const apart = kernels.filter((k) => k !== 'shared').length
      if (apart === 0)
        return {
          points,
          reason: `${c.runtime.name} shares the host kernel with every container on the node: one kernel exploit reaches them all.`,
        }
      if (apart === kernels.length)
        return {
          points,
          reason: `Every workload runs behind its own kernel boundary (${[...new Set(kernels)].join(', ')}), as the generated files place it.`,
        }
      return {
        points,
        reason: `${apart} of ${kernels.length} workloads run behind their own kernel boundary; the others share the node kernel.`,
      }
    },
  },
  {
    id: 'ISO-UNTRUSTED-SANDBOX',
    criterion: 'isolation',
    references: ['ARTICLE-RUNTIMES', 'NIST SP 800-190 4.3.4', 'S2'],
    apply: (c) => {
      const untrusted = c.workloads.untrusted
      if (untrusted.length === 0) return undefined
      const apart = untrusted.filter(
        ({ index }) => (c.placements[index]?.kernel ?? 'shared') !== 'shared',
      )
      const shared = untrusted.length - apart.length
      // Untrusted code costs isolation in proportion to its share of the workloads; a sandbox cuts
      // the cost (escapes from sandboxes exist too). A sandboxed workload costs what its own kernel
      // boundary adds to ISO-KERNEL-SHARED (-10 -> +20, KERNEL_POINTS), so marking code untrusted
      // never raises the score, and sandboxing it always does.
      const total = Math.max(1, c.design.workloads.length)
      const points = -Math.round((30 * apart.length + 50 * shared) / total)
      if (shared === 0)
        return {
          points,
          reason: `${untrusted.length} untrusted workload(s) run apart from the host kernel (${nameList([...new Set(apart.map(({ index }) => c.placements[index]?.sandbox?.name ?? c.placements[index]?.pool?.runtime.name ?? ''))])}).`,
        }
      return {
        points,
        reason: `${shared} of ${untrusted.length} untrusted workload(s) share the host kernel with trusted ones: workloads of different sensitivity are mixed.`,
      }
    },
  },
  {
    id: 'ISO-POD-SECURITY',
    criterion: 'isolation',
    references: ['PSS', 'CIS Kubernetes 5.2.2'],
    // Enforcement comes from the orchestrator or an admission-policy plugin (capabilities).
    readsPlugins: 'capabilities',
    apply: (c) => podSecurityPoints(c, POD_SECURITY_ISOLATION),
  },
  {
    id: 'ISO-NETWORK-POSTURE',
    criterion: 'isolation',
    references: ['ARTICLE-ISOLATION', 'NIST SP 800-190 4.3.3', 'CIS Kubernetes 5.3.2'],
    apply: (c) => {
      if (c.design.isolation.network === 'allow-all')
        return {
          points: -20,
          reason:
            'Flat network: every container can reach every other, so a breach spreads freely.',
        }
      if (c.orchestrator.networkPolicy === 'segmentation')
        return {
          points: 8,
          reason: `${c.orchestrator.name} segments by network membership: only declared pairs share a network, but ports are not filtered.`,
        }
      return {
        points: 15,
        reason: 'Default-deny network: only declared flows are allowed.',
      }
    },
  },
  {
    id: 'ISO-NAMESPACES',
    criterion: 'isolation',
    references: ['CIS Kubernetes 5.7.1', 'NIST SP 800-190 4.3.4'],
    apply: (c) => {
      const strategy = c.design.isolation.namespaces
      if (c.orchestrator.family === 'swarm' || c.orchestrator.family === 'ecs')
        return {
          points: 0,
          reason: `${c.orchestrator.name} has no namespaces: the namespace strategy is not enforced.`,
        }
      const multiTenantShared = strategy === 'shared' && c.design.context.requirements.multiTenant
      return {
        points: multiTenantShared ? -12 : NAMESPACE_POINTS[strategy],
        reason: multiTenantShared
          ? 'Several tenants share one namespace: no administrative boundary between them.'
          : `Namespaces ${strategy}: administrative boundaries between workloads.`,
      }
    },
  },
  {
    id: 'ISO-OS-HARDENING',
    criterion: 'isolation',
    references: ['NIST SP 800-190 4.5.5', 'S55', 'S56'],
    apply: (c) => {
      if (c.providerRunNodes)
        return {
          points: 5,
          reason: `${c.runtime.name}: the provider hardens the hosts; no node OS of yours to harden.`,
        }
      const immutable = c.os.immutable ? 5 : 0
      const mac = { 'selinux-enforcing': 5, apparmor: 3, 'selinux-permissive': -2, none: -3 }[
        c.os.mac
      ]
      return {
        points: immutable + mac,
        reason: `${c.os.name}: ${c.os.immutable ? 'immutable root' : 'mutable root'}, mandatory access control ${c.os.mac}.`,
      }
    },
  },
  {
    id: 'ISO-HOST-ACCESS',
    criterion: 'isolation',
    references: ['NIST SP 800-190 4.4.3', 'CIS Kubernetes 5.2.5'],
    apply: (c) => {
      const n = c.workloads.hostAccess.length
      if (n === 0) return undefined
      return {
        points: capped(-8 * n, 30),
        reason: `Host access (host network, host paths or privileged) for ${nameList(c.workloads.hostAccess.map((e) => e.workload.name))}.`,
      }
    },
  },
  {
    id: 'ISO-TRANSIT-ENCRYPTION',
    readsPlugins: 'capabilities',
    criterion: 'isolation',
    references: ['NIST SP 800-190 4.3.3'],
    apply: (c) => {
      if (c.capabilities.has('mtls'))
        return {
          points: 6,
          reason: 'Mutual TLS authenticates and encrypts traffic between workloads.',
        }
      if (c.capabilities.has('transit-encryption'))
        return { points: 3, reason: 'Traffic between nodes is encrypted.' }
      return undefined
    },
  },
]

export const LEAST_PRIVILEGE_RULES: readonly ScoreRule[] = [
  {
    id: 'LP-BASELINE',
    criterion: 'least-privilege',
    references: ['ARTICLE-ISOLATION'],
    apply: () => ({ points: 45, reason: 'Starting point before the design’s choices.' }),
  },
  {
    id: 'LP-SECRETS-MANAGEMENT',
    criterion: 'least-privilege',
    readsPlugins: 'capabilities',
    references: ['CIS Kubernetes 5.4.2', 'K8S-SECRETS-GOOD-PRACTICES', 'NIST SP 800-190 4.1.4'],
    apply: (c) => {
      // Compliance frameworks audit secret handling, so a managed store is worth more there.
      const audited = c.design.context.requirements.compliance.some((f) => f !== 'none') ? 4 : 0
      if (c.capabilities.has('dynamic-secrets'))
        return {
          points: 8 + audited,
          reason: `Secrets are issued short-lived and per workload from a secret store${audited ? ', as the compliance frameworks expect' : ''}.`,
        }
      if (c.capabilities.has('secret-store-sync'))
        return {
          points: 6 + audited,
          reason: `Secrets come from an external store, scoped per workload, not from manifests${audited ? ', as the compliance frameworks expect' : ''}.`,
        }
      if (c.capabilities.has('gitops-secrets'))
        return { points: 2, reason: 'Secrets are committed only encrypted.' }
      return undefined
    },
  },
  {
    id: 'LP-GRANULAR-CONTEXTS',
    criterion: 'least-privilege',
    references: ['ARTICLE-ISOLATION', 'CIS Kubernetes 5.7.3', 'K8S-SECURITY-CONTEXT'],
    apply: (c) => {
      switch (c.orchestrator.securityContext) {
        case 'full':
          return {
            points: 12,
            reason:
              'Each workload gets its own security context, not one generic context per namespace.',
          }
        case 'partial':
          return {
            points: 8,
            reason: `${c.orchestrator.name} supports per-container settings for only part of the controls.`,
          }
        case 'ignored-in-stack':
          return {
            points: -10,
            reason: `${c.orchestrator.name} ignores per-service security options in stacks (privileged, security_opt).`,
          }
      }
    },
  },
  {
    id: 'LP-POD-SECURITY',
    criterion: 'least-privilege',
    references: ['PSS', 'CIS Kubernetes 5.2.6', 'CIS Kubernetes 5.2.7'],
    // Enforcement comes from the orchestrator or an admission-policy plugin (capabilities).
    readsPlugins: 'capabilities',
    apply: (c) => podSecurityPoints(c, POD_SECURITY_PRIVILEGE),
  },
  {
    id: 'LP-HOST-ACCESS',
    criterion: 'least-privilege',
    references: ['CIS Kubernetes 5.2.5', 'NIST SP 800-190 4.4.3'],
    apply: (c) => {
      const n = c.workloads.hostAccess.length
      if (n === 0) return undefined
      return { points: capped(-10 * n, 30), reason: `${n} workload(s) need host access.` }
    },
  },
  {
    id: 'LP-ADDED-CAPABILITIES',
    criterion: 'least-privilege',
    references: ['CIS Kubernetes 5.2.9', 'CIS Kubernetes 5.2.8'],
    apply: (c) => {
      const { addedCapabilityCount: added, dangerousCapabilityCount: dangerous } = c.workloads
      if (added === 0)
        return { points: 8, reason: 'Every container drops all Linux capabilities and adds none.' }
      return {
        points: capped(-2 * (added - dangerous) - 8 * dangerous, 25),
        reason: `${added} capability grant(s), ${dangerous} of them able to escape or own the node.`,
      }
    },
  },
  {
    id: 'LP-SERVICE-ACCOUNT-TOKENS',
    criterion: 'least-privilege',
    references: ['CIS Kubernetes 5.1.6'],
    apply: (c) => {
      if (c.orchestrator.family !== 'kubernetes') return undefined
      const n = c.workloads.apiAccess.length
      return {
        points: n === 0 ? 5 : capped(5 - 2 * n, 10),
        reason:
          n === 0
            ? 'No workload gets an API token mounted.'
            : `${n} workload(s) talk to the API and get a token mounted.`,
      }
    },
  },
  {
    id: 'LP-ADMISSION-ENFORCEMENT',
    readsPlugins: 'capabilities',
    criterion: 'least-privilege',
    references: ['CIS Kubernetes 5.5.1', 'S13', 'S24'],
    apply: (c) => {
      if (
        c.orchestrator.builtInPodSecurity === 'enforced-restricted' ||
        c.orchestrator.builtInPodSecurity === 'platform-restricted'
      )
        return {
          points: 8,
          reason: `${c.orchestrator.name} enforces a restricted posture by default.`,
        }
      if (c.capabilities.has('admission-policy'))
        return { points: 8, reason: 'A policy engine enforces the same posture at admission.' }
      return undefined
    },
  },
  {
    id: 'LP-ACCESS-CONTROL',
    criterion: 'least-privilege',
    references: ['S34', 'S38', 'K8S-RBAC-GOOD-PRACTICES'],
    apply: (c) =>
      c.orchestrator.defaults.rbac
        ? undefined
        : {
            points: -10,
            reason: `${c.orchestrator.name} has no role-based access control by default: anyone with API access is an administrator.`,
          },
  },
]

export const ATTACK_SURFACE_RULES: readonly ScoreRule[] = [
  {
    id: 'AS-BASELINE',
    criterion: 'attack-surface',
    references: ['ARTICLE-PLUGINS'],
    apply: () => ({ points: 70, reason: 'Starting point before the design’s choices.' }),
  },
  {
    id: 'AS-PLUGIN-EXPOSURE',
    readsPlugins: 'each-plugin',
    criterion: 'attack-surface',
    references: ['ARTICLE-PLUGINS'],
    apply: (c) =>
      c.plugins.map((p) => ({
        points: FOOTPRINT_COST[p.footprint] + MATURITY_COST[p.maturity],
        reason: `${p.name}: ${p.footprint}, ${p.maturity}; one more component whose vulnerabilities you track.`,
      })),
  },
  {
    id: 'AS-OS-FOOTPRINT',
    criterion: 'attack-surface',
    references: ['NIST SP 800-190 4.5.1'],
    apply: (c) =>
      c.providerRunNodes
        ? { points: 10, reason: `${c.runtime.name}: no node OS, shell or SSH of yours to expose.` }
        : {
            points: (c.os.minimal ? 10 : -5) + (c.os.access === 'api-only' ? 5 : 0),
            reason: `${c.os.name}: ${c.os.minimal ? 'minimal, container-optimised' : 'general-purpose'} OS${c.os.access === 'api-only' ? ', no shell or SSH' : ''}.`,
          },
  },
  {
    id: 'AS-RUNTIME-CVES',
    criterion: 'attack-surface',
    references: ['ARTICLE-RUNTIMES', 'NIST SP 800-190 4.4.1'],
    apply: (c) => ({
      points: 0,
      reason:
        c.runtime.cves.length > 0
          ? `${c.runtime.name} has had ${c.runtime.cves.map((v) => v.id).join(', ')}; every mainstream runtime has had serious CVEs, so none scores better for its record.`
          : `No CVE recorded for ${c.runtime.name}; every mainstream runtime has had serious CVEs, so records are not scored.`,
    }),
  },
  {
    id: 'AS-ROOT-DAEMON',
    criterion: 'attack-surface',
    references: ['S25', 'S47'],
    apply: (c) =>
      c.runtime.id === 'docker'
        ? {
            points: -5,
            reason:
              'Docker Engine is a root daemon with a socket that, if reached, controls the node.',
          }
        : undefined,
  },
  {
    id: 'AS-PUBLIC-EXPOSURE',
    criterion: 'attack-surface',
    references: ['NIST SP 800-190 4.4.2'],
    apply: (c) => {
      const n = c.workloads.publicExposure.length
      if (n === 0) return undefined
      return { points: capped(-3 * n, 12), reason: `${n} workload(s) exposed publicly.` }
    },
  },
  {
    id: 'AS-MANAGED-CONTROL-PLANE',
    criterion: 'attack-surface',
    references: ['NIST SP 800-190 4.3.1'],
    apply: (c) =>
      c.orchestrator.managedControlPlane
        ? { points: 5, reason: 'The provider patches and hardens the control plane.' }
        : undefined,
  },
  {
    id: 'AS-SUPPLY-CHAIN',
    readsPlugins: 'capabilities',
    criterion: 'attack-surface',
    references: ['NIST SP 800-190 4.1.1', 'NIST SP 800-190 4.1.5'],
    apply: (c) => {
      const scan = c.capabilities.has('vulnerability-scanning') ? 5 : 0
      const verify = c.capabilities.has('image-verification') ? 5 : 0
      if (scan + verify === 0) return undefined
      return {
        points: scan + verify,
        reason: [
          scan ? 'images are scanned for vulnerabilities' : '',
          verify ? 'image signatures are verified at admission' : '',
        ]
          .filter(Boolean)
          .join('; '),
      }
    },
  },
]

/** The kernel boundary each workload actually gets; with no workloads, what the primary pool gives. */
function appliedKernels(c: EngineContext) {
  if (c.placements.length > 0) return c.placements.map((p) => p.kernel)
  const pool = c.primaryPool
  const sandbox = c.design.isolation.sandboxWorkloads === 'all' ? pool?.sandboxes[0] : undefined
  return [sandbox?.kernel ?? c.runtime.kernel]
}

/**
 * Pod security points from the level each workload's namespace enforces (exceptions count at their
 * own namespace's level); nothing when no admission control enforces a level at all.
 */
export function podSecurityPoints(
  c: EngineContext,
  table: Readonly<Record<'restricted' | 'baseline' | 'privileged', number>>,
): ScoreHit {
  const enforced =
    c.orchestrator.builtInPodSecurity !== 'none' || c.capabilities.has('admission-policy')
  if (!enforced)
    return {
      points: 0,
      reason: `${c.orchestrator.name} has no admission control for pod security: the level "${c.design.isolation.podSecurity}" is written into the files but nothing refuses a looser container.`,
    }
  const levels =
    c.podSecurity.length > 0 ? c.podSecurity.map((p) => p.level) : [c.design.isolation.podSecurity]
  const points = Math.round(levels.reduce((sum, l) => sum + table[l], 0) / levels.length)
  const exceptions = c.podSecurity.filter((p) => p.exception).length
  const teamLevels = new Set(Object.values(c.design.isolation.podSecurityByTeam))
  return {
    points,
    reason:
      exceptions > 0 || teamLevels.size > 0
        ? `Pod security "${c.design.isolation.podSecurity}" by default${teamLevels.size > 0 ? `, per team ${[...teamLevels].join('/')}` : ''}; ${exceptions} workload(s) in exception namespaces of their own.`
        : `Pod security level "${c.design.isolation.podSecurity}" in every namespace.`,
  }
}
