// Findings about isolation settings and individual workloads.
import { hostNeedsOf } from '../posture/pod-security'
import type { FindingRule } from './types'
import { nameList, workloadPaths } from './types'

export const WORKLOAD_FINDINGS: readonly FindingRule[] = [
  {
    id: 'RISK-FLAT-NETWORK',
    title: 'Flat network: every container can reach every other',
    references: ['ARTICLE-ISOLATION', 'NIST SP 800-190 4.3.3', 'CIS Kubernetes 5.3.2'],
    detect: (c) => {
      if (c.design.isolation.network !== 'allow-all') return undefined
      const { multiTenant, untrustedWorkloads } = c.design.context.requirements
      return {
        severity:
          multiTenant || untrustedWorkloads || c.workloads.untrusted.length > 0 ? 'high' : 'medium',
        why: 'Too little isolation magnifies a breach: one compromised container can probe and attack all others.',
        fix: 'Set isolation.network: default-deny; Stackwright then allows exactly the declared talksTo/observes flows.',
        paths: ['isolation.network'],
      }
    },
  },
  {
    id: 'RISK-PRIVILEGED-POD-SECURITY',
    title: 'Pod security level allows privileged containers',
    references: ['PSS', 'CIS Kubernetes 5.2.2'],
    detect: (c) => {
      const level = c.design.isolation.podSecurity
      if (level === 'restricted') return undefined
      return {
        severity: level === 'privileged' ? 'high' : 'medium',
        ...(level === 'baseline'
          ? { title: 'Pod security baseline allows root users and added capabilities' }
          : {}),
        why:
          level === 'privileged'
            ? 'Any container may run privileged, share host namespaces or mount the host: a single breach owns the node.'
            : 'Baseline blocks known escalations but allows root users, added capabilities and no seccomp profile.',
        fix: 'Use restricted and grant what individual workloads need in their own security context.',
        paths: ['isolation.podSecurity'],
      }
    },
  },
  {
    id: 'RISK-SHARED-NAMESPACE-TENANTS',
    title: 'Tenants share a namespace',
    references: ['CIS Kubernetes 5.7.1', 'NIST SP 800-190 4.3.4'],
    detect: (c) =>
      c.design.isolation.namespaces !== 'shared' ||
      (!c.design.context.requirements.multiTenant && c.workloads.teams.size <= 1)
        ? undefined
        : {
            severity: c.design.context.requirements.multiTenant ? 'high' : 'medium',
            why: 'Teams or customers in one namespace share secrets, service accounts and quotas: no administrative boundary.',
            fix: 'Use isolation.namespaces: per-team (or per-workload).',
            paths: ['isolation.namespaces'],
          },
  },
  {
    id: 'RISK-HOST-ACCESS',
    title: 'Workloads with host access',
    references: ['CIS Kubernetes 5.2.5', 'NIST SP 800-190 4.4.3'],
    detect: (c) => {
      const items = c.workloads.hostAccess
      if (items.length === 0) return undefined
      // An exception without a justification is refused (COMPAT-EXCEPTION-UNJUSTIFIED); a justified
      // one is still a risk to carry.
      return {
        severity: 'medium',
        why: `${nameList(items.map((e) => e.workload.name))} reach the host (network, paths or privileged mode): a breach there is a breach of the node.`,
        fix: 'Remove host access where possible; otherwise isolate these workloads on dedicated nodes and watch them with runtime detection.',
        paths: items.flatMap((e) =>
          hostNeedsOf(e.workload)
            .filter((n) => !n.what.startsWith('capability'))
            .map((n) => `workloads[${e.index}].${n.field}`),
        ),
      }
    },
  },
  {
    id: 'RISK-DANGEROUS-CAPABILITIES',
    title: 'Capabilities that allow escaping the container',
    references: ['CIS Kubernetes 5.2.9', 'CIS Kubernetes 5.2.8'],
    detect: (c) => {
      const items = c.workloads.dangerousCapabilities
      if (items.length === 0) return undefined
      return {
        severity: items.some((e) => e.workload.needs.capabilities.includes('SYS_ADMIN'))
          ? 'high'
          : 'medium',
        why: `${nameList(items.map((e) => e.workload.name))} ask for capabilities such as SYS_ADMIN, NET_ADMIN or SYS_PTRACE that widen what an attacker can do.`,
        fix: 'Grant the narrowest capability (NET_BIND_SERVICE instead of root ports), or move the work to a dedicated, watched workload.',
        paths: workloadPaths(items, 'needs.capabilities'),
      }
    },
  },
  {
    id: 'RISK-IMAGE-UNPINNED',
    title: 'Images not pinned to a version',
    references: ['NIST SP 800-190 4.1.5'],
    detect: (c) => {
      const items = c.workloads.unpinnedImages
      if (items.length === 0) return undefined
      return {
        severity: 'medium',
        why: `${nameList(items.map((e) => e.workload.name))} use no tag or :latest, so what runs changes without review.`,
        fix: 'Pin each image to a version tag or, better, a digest.',
        paths: workloadPaths(items, 'image'),
      }
    },
  },
  {
    id: 'RISK-API-TOKEN-MOUNTED',
    title: 'Workloads with orchestrator API credentials',
    references: ['CIS Kubernetes 5.1.6', 'K8S-RBAC-GOOD-PRACTICES'],
    detect: (c) => {
      const items = c.workloads.apiAccess
      if (items.length === 0 || c.orchestrator.family !== 'kubernetes') return undefined
      return {
        severity: 'low',
        why: `${nameList(items.map((e) => e.workload.name))} get a service-account token: whoever breaks in holds its permissions.`,
        fix: 'Bind each of these service accounts to a Role with the fewest verbs and resources it needs.',
        paths: workloadPaths(items, 'identity.orchestratorApi'),
      }
    },
  },
  {
    id: 'RISK-MONITOR-UNREACHABLE',
    title: 'A monitoring agent cannot reach what it observes',
    references: ['ARTICLE-ISOLATION'],
    detect: (c) => {
      const items = c.workloads.unreachableObservations
      if (items.length === 0) return undefined
      return {
        severity: 'medium',
        why: `${nameList(items.map((i) => `${i.from.workload.name} → ${i.target}`))}: the target declares no port, so no allow rule can be generated and default-deny cuts the agent off.`,
        fix: 'Declare the port the agent scrapes on each observed workload.',
        paths: items.map((i) => `workloads[${i.from.index}].observes`),
      }
    },
  },
  {
    id: 'RISK-WINDOWS-WEAK-ARGUMENT',
    title: 'Windows containers are not a security control',
    references: ['ARTICLE-OS', 'S3', 'S54'],
    detect: (c) => {
      if (c.workloads.windows.length === 0) return undefined
      const processIsolation = !c.orchestrator.windowsRuntimes.includes('windows-hyperv')
      return {
        severity:
          processIsolation && c.workloads.windows.some((e) => e.workload.trust === 'untrusted')
            ? 'high'
            : 'low',
        why: `Windows containers are a less common target, which is a weak argument, not a defence.${processIsolation ? ` On ${c.orchestrator.name} they use process isolation and share the host kernel.` : ''}`,
        fix: 'Harden Windows workloads like Linux ones (non-admin ContainerUser, gMSA instead of stored credentials); use Hyper-V isolation where the orchestrator offers it for untrusted code.',
        paths: workloadPaths(c.workloads.windows, 'os'),
      }
    },
  },
]
