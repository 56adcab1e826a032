// The isolation balance: reasons a design isolates too little (breaches spread) or too much (apps break).
import type { BalanceRule } from './types'
import { capped, nameList } from './types'

export const BALANCE_RULES: readonly BalanceRule[] = [
  {
    id: 'BAL-UNTRUSTED-SHARED-KERNEL',
    side: 'tooLittle',
    references: ['ARTICLE-RUNTIMES', 'NIST SP 800-190 4.3.4'],
    detect: (c) =>
      !c.workloads.untrusted.some(({ index }) => c.placements[index]?.kernel === 'shared')
        ? undefined
        : { weight: 40, reason: 'Untrusted code runs on a kernel shared with trusted workloads.' },
  },
  {
    id: 'BAL-FLAT-NETWORK',
    side: 'tooLittle',
    references: ['ARTICLE-ISOLATION', 'NIST SP 800-190 4.3.3'],
    detect: (c) =>
      c.design.isolation.network === 'allow-all'
        ? { weight: 30, reason: 'Flat network: a breach can reach every container.' }
        : undefined,
  },
  {
    id: 'BAL-PERMISSIVE-POD-SECURITY',
    side: 'tooLittle',
    references: ['PSS'],
    detect: (c) => {
      const level = c.design.isolation.podSecurity
      if (level === 'restricted') return undefined
      return {
        weight: level === 'privileged' ? 30 : 10,
        reason: `Pod security "${level}" lets containers ask for more than they need.`,
      }
    },
  },
  {
    id: 'BAL-HOST-ACCESS',
    side: 'tooLittle',
    references: ['CIS Kubernetes 5.2.5'],
    detect: (c) => {
      const items = c.workloads.hostAccess
      if (items.length === 0) return undefined
      return {
        weight: -capped(-10 * items.length, 30),
        reason: `Host access for ${nameList(items.map((e) => e.workload.name))}.`,
      }
    },
  },
  {
    id: 'BAL-DANGEROUS-CAPABILITIES',
    side: 'tooLittle',
    references: ['CIS Kubernetes 5.2.9'],
    detect: (c) =>
      c.workloads.dangerousCapabilityCount === 0
        ? undefined
        : {
            weight: -capped(-5 * c.workloads.dangerousCapabilityCount, 20),
            reason: `${c.workloads.dangerousCapabilityCount} escape-prone capability grant(s).`,
          },
  },
  {
    id: 'BAL-SHARED-NAMESPACE-TENANTS',
    side: 'tooLittle',
    references: ['CIS Kubernetes 5.7.1'],
    detect: (c) =>
      c.design.isolation.namespaces === 'shared' && c.design.context.requirements.multiTenant
        ? { weight: 20, reason: 'Tenants share one namespace.' }
        : undefined,
  },
  {
    id: 'BAL-IGNORED-SECURITY-OPTIONS',
    side: 'tooLittle',
    references: ['S72'],
    detect: (c) =>
      c.orchestrator.securityContext === 'ignored-in-stack'
        ? { weight: 10, reason: `${c.orchestrator.name} ignores per-service security options.` }
        : undefined,
  },
  {
    id: 'BAL-MONITOR-CUT-OFF',
    side: 'tooMuch',
    references: ['ARTICLE-ISOLATION'],
    detect: (c) => {
      if (c.design.isolation.network !== 'default-deny') return undefined
      const blind = c.workloads.monitorsObservingNothing
      const unreachable = c.workloads.unreachableObservations
      if (blind.length + unreachable.length === 0) return undefined
      const names = [
        ...blind.map((e) => `${e.workload.name} (observes nothing)`),
        ...unreachable.map((u) => `${u.from.workload.name} → ${u.target} (no port)`),
      ]
      return {
        weight: capped(15 * (blind.length + unreachable.length), 40),
        reason: `Default-deny cuts monitoring agents off from their targets: ${nameList(names)}.`,
      }
    },
  },
  {
    id: 'BAL-STATEFUL-NO-WRITABLE-PATH',
    side: 'tooMuch',
    references: ['K8S-SECURITY-CONTEXT'],
    detect: (c) => {
      const items = c.workloads.statefulWithoutPaths
      if (items.length === 0) return undefined
      return {
        weight: capped(15 * items.length, 30),
        reason: `${nameList(items.map((e) => e.workload.name))} keep data but declare no writable path: under a read-only root they have nowhere to write.`,
      }
    },
  },
  {
    id: 'BAL-ISOLATED-WORKLOAD',
    side: 'tooMuch',
    references: ['ARTICLE-ISOLATION'],
    detect: (c) => {
      const items = c.workloads.isolatedWorkloads
      if (
        c.design.isolation.network !== 'default-deny' ||
        items.length === 0 ||
        c.workloads.count < 2
      )
        return undefined
      return {
        weight: capped(5 * items.length, 20),
        reason: `${nameList(items.map((e) => e.workload.name))} talk to nothing and nothing talks to them: under default-deny they are cut off (missing talksTo?).`,
      }
    },
  },
  {
    id: 'BAL-SANDBOX-TRUSTED',
    side: 'tooMuch',
    references: ['S15', 'S50'],
    detect: (c) =>
      c.everythingSandboxed &&
      !c.providerRunNodes &&
      c.workloads.untrusted.length === 0 &&
      !c.design.context.requirements.untrustedWorkloads
        ? {
            weight: 15,
            reason: `Every workload runs in ${nameList(c.appliedSandboxes.map((s) => s.name)) || 'a sandbox'} though none is untrusted: overhead and compatibility limits (no host networking, syscall gaps) for no threat that needs it.`,
          }
        : undefined,
  },
]
