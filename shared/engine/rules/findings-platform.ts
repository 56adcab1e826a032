// Findings about the platform choices: orchestrator defaults, runtime, OS, plugins, compliance.
import { documentedTogether } from '../../catalog/combinations'
import { controlPlaneDefault } from '../posture/platform-defaults'
import { EXCLUSIVE_CATEGORIES, SINGLE_OWNER_CATEGORIES } from '../../catalog/types'
import type { FindingRule } from './types'
import { nameList } from './types'

const hasCompliance = (c: {
  design: { context: { requirements: { compliance: readonly string[] } } }
}) => c.design.context.requirements.compliance.some((f) => f !== 'none')

/** Frameworks that expect encryption in transit, with the reference each is cited by. */
const TRANSIT_FRAMEWORKS: Partial<Record<string, string>> = {
  'pci-dss': 'PCI-DSS-4.0',
  hipaa: 'HIPAA-SECURITY-RULE',
  fedramp: 'FEDRAMP-MODERATE',
}

export const PLATFORM_FINDINGS: readonly FindingRule[] = [
  {
    id: 'RISK-UNTRUSTED-SHARED-KERNEL',
    title: 'Untrusted code shares the host kernel',
    references: ['ARTICLE-RUNTIMES', 'NIST SP 800-190 4.3.4', 'NIST SP 800-190 4.5.2'],
    detect: (c) => {
      const untrusted = c.workloads.untrusted
      const requirement = c.design.context.requirements.untrustedWorkloads
      const exposed = untrusted.filter(({ index }) => c.placements[index]?.kernel === 'shared')
      const requirementMet = untrusted.length > 0 || c.offeredSandboxes.length > 0
      if (exposed.length === 0 && (!requirement || requirementMet)) return undefined
      return {
        severity: 'high',
        why: 'A container escape from third-party or customer code lands on a kernel shared with your own workloads.',
        fix: 'Offer a sandbox the orchestrator supports (Kata, gVisor) on a node pool the untrusted workloads run on, and mark third-party workloads trust: untrusted.',
        paths:
          exposed.length > 0
            ? exposed.map((e) => `workloads[${e.index}].trust`)
            : ['context.requirements.untrustedWorkloads'],
      }
    },
  },
  {
    id: 'RISK-SECRETS-PLAINTEXT',
    readsPlugins: true,
    title: 'Secrets are stored unencrypted by default',
    references: ['S5', 'CIS Kubernetes 5.4.2', 'K8S-SECRETS-GOOD-PRACTICES', 'TALOS-GEN-CONFIG'],
    detect: (c) =>
      controlPlaneDefault(c.design, c.orchestrator, c.catalog, 'secretsEncryptedAtRest').on
        ? undefined
        : {
            severity: c.capabilities.has('dynamic-secrets') ? 'low' : 'medium',
            why: `${c.orchestrator.name} keeps secrets in plain text in its datastore unless encryption at rest is configured${c.capabilities.has('secret-store-sync') ? '; synced secrets land there too' : ''}.`,
            fix:
              c.orchestrator.family === 'kubernetes'
                ? 'Enable encryption at rest with a KMS provider (or a control-plane OS that configures it, such as Talos); prefer an external secret store.'
                : 'Enable encryption at rest with a KMS provider; prefer an external secret store.',
            paths: ['choices.orchestrator'],
            references: ['S5', 'CIS Kubernetes 5.4.2', 'K8S-SECRETS-GOOD-PRACTICES'],
          },
  },
  {
    id: 'RISK-AUDIT-OFF',
    title: 'API audit logging is off by default',
    references: [
      'K8S-AUDIT',
      'S7',
      'NIST SP 800-53 AU-2',
      'MOBY-API-AUDIT-CLOSED',
      'CIS-DOCKER-AUDITD',
    ],
    detect: (c) => {
      if (controlPlaneDefault(c.design, c.orchestrator, c.catalog, 'auditLogging').on)
        return undefined
      const severity = hasCompliance(c) ? 'high' : 'medium'
      if (c.orchestrator.family === 'swarm')
        return {
          severity,
          title: 'Docker Engine has no API audit log',
          why: 'Docker Engine records no audit trail of API calls (who ran, changed or exec’d into what), so after an incident you cannot tell who did it.',
          fix: 'Audit the daemon, its socket and its files with auditd (CIS Docker Benchmark 1.1.x: dockerd, docker.sock, containerd.sock, /etc/docker/daemon.json, /var/lib/docker), and put an authorization plugin or an authenticating proxy in front of the API.',
          paths: ['choices.orchestrator'],
          references: ['MOBY-API-AUDIT-CLOSED', 'CIS-DOCKER-AUDITD', 'NIST SP 800-53 AU-2'],
        }
      return {
        severity,
        why: 'Without an audit log you cannot tell who changed what in the cluster after an incident.',
        fix: `Enable ${c.orchestrator.name}’s API audit log and ship it off the cluster.`,
        paths: ['choices.orchestrator'],
        references: ['K8S-AUDIT', 'S7', 'NIST SP 800-53 AU-2'],
      }
    },
  },
  {
    id: 'RISK-NO-RUNTIME-DETECTION',
    readsPlugins: true,
    title: 'No runtime threat detection',
    references: ['NIST SP 800-53 SI-4', 'ARTICLE-PLUGINS'],
    detect: (c) => {
      if (c.capabilities.has('runtime-detection')) return undefined
      const sensitive = c.workloads.untrusted.length > 0 || hasCompliance(c)
      return {
        severity: sensitive ? 'high' : 'medium',
        why: 'Nothing watches what containers do at run time, so an exploited container goes unnoticed.',
        fix: 'Add runtime detection (Falco or Tetragon where the orchestrator supports them; GuardDuty runtime monitoring on ECS).',
        paths: ['choices.plugins'],
      }
    },
  },
  {
    id: 'RISK-NO-ADMISSION-POLICY',
    readsPlugins: true,
    title: 'No policy engine enforces the posture',
    references: ['CIS Kubernetes 5.5.1', 'PSS'],
    detect: (c) => {
      if (c.orchestrator.family !== 'kubernetes' || c.capabilities.has('admission-policy'))
        return undefined
      if (c.orchestrator.builtInPodSecurity !== 'admission') return undefined
      return {
        severity: 'low',
        why: 'Pod Security Admission checks pod fields only; image provenance, tags and resource limits go unchecked.',
        fix: 'Add Kyverno or Gatekeeper; Stackwright generates policies that enforce the same posture.',
        paths: ['choices.plugins'],
      }
    },
  },
  {
    id: 'RISK-SWARM-IGNORED-OPTIONS',
    title: 'docker stack deploy ignores privileged and security_opt',
    references: ['S72', 'SWARM-STACK-IGNORED'],
    detect: (c) =>
      c.orchestrator.securityContext !== 'ignored-in-stack'
        ? undefined
        : {
            severity: 'medium',
            why: 'Swarm services silently drop privileged, security_opt (no-new-privileges, seccomp, AppArmor) and devices: the stack file cannot set them.',
            fix: 'Set no-new-privileges and seccomp defaults in each node’s daemon.json; rely on read_only, user and cap_drop, which Swarm honours.',
            paths: ['choices.orchestrator'],
          },
  },
  {
    id: 'RISK-WINDOWS-OVERLAY-UNENCRYPTED',
    title: 'Encrypted overlay networks do not work on Windows nodes',
    references: ['S30'],
    detect: (c) => {
      if (c.orchestrator.family !== 'swarm' || c.workloads.flowsTouchingWindows === 0)
        return undefined
      return {
        severity: 'high',
        why: 'Swarm’s overlay encryption is not supported on Windows: traffic between Windows and Linux breaks and Windows-to-Windows traffic is silently unencrypted.',
        fix: 'Keep encrypted networks Linux-only (Stackwright does), and protect Windows flows with TLS in the application.',
        paths: c.workloads.windows.map((e) => `workloads[${e.index}].os`),
      }
    },
  },
  {
    id: 'RISK-NO-ACCESS-CONTROL',
    title: 'No role-based access control',
    references: ['S34', 'S37', 'S38'],
    detect: (c) =>
      c.orchestrator.defaults.rbac
        ? undefined
        : {
            severity: c.design.context.requirements.multiTenant ? 'high' : 'medium',
            why: `${c.orchestrator.name} has no RBAC by default: whoever reaches the API controls every workload.`,
            fix:
              c.orchestrator.family === 'nomad'
                ? 'Bootstrap Nomad ACLs (deny by default once enabled) and give each team a scoped policy.'
                : 'Restrict who can reach the manager API (mutual TLS client certificates), or use an orchestrator with RBAC.',
            paths: ['choices.orchestrator'],
          },
  },
  {
    id: 'RISK-API-TLS-OFF',
    title: 'API traffic is not encrypted by default',
    references: ['S37'],
    detect: (c) =>
      c.orchestrator.defaults.apiTls
        ? undefined
        : {
            severity: 'high',
            why: `${c.orchestrator.name} ships with TLS off: tokens and job specs cross the network in clear text.`,
            fix: 'Enable mutual TLS for HTTP and RPC on every server and client.',
            paths: ['choices.orchestrator'],
          },
  },
  {
    id: 'RISK-RUNTIME-CVES',
    title: 'The runtime has a history of container-escape vulnerabilities',
    references: ['ARTICLE-RUNTIMES', 'NIST SP 800-190 4.4.1'],
    detect: (c) => {
      // Only pools where some workload actually runs on the shared-kernel engine count: a
      // workload inside a VM sandbox (Kata, Firecracker, Fargate) is not exposed to runc escapes.
      const exposed = c.pools.filter(
        (p) =>
          p.runtime.cves.length > 0 &&
          c.placements.some((pl) => pl.pool?.index === p.index && pl.kernel === 'shared'),
      )
      if (exposed.length === 0) return undefined
      const runtimes = [...new Set(exposed.map((p) => p.runtime))]
      return {
        severity: 'low',
        why: runtimes
          .map((r) => `${r.name} has had ${r.cves.map((v) => v.id).join(', ')}.`)
          .concat('All mainstream runtimes have; none is fundamentally safer.')
          .join(' '),
        fix: 'Patch the runtime promptly (subscribe to its advisories) and keep nodes on an automatically updated OS.',
        paths: exposed.map((p) => `nodePools[${p.index}].runtime`),
      }
    },
  },
  {
    id: 'RISK-PRIVILEGED-PLUGINS',
    readsPlugins: true,
    title: 'Plugins that run with node privileges',
    references: ['ARTICLE-PLUGINS'],
    detect: (c) => {
      const privileged = c.plugins.filter((p) => p.footprint === 'privileged-daemonset')
      if (privileged.length === 0) return undefined
      return {
        severity: 'low',
        why: `${nameList(privileged.map((p) => p.name))} run as privileged DaemonSets: a flaw in them is a flaw in every node.`,
        fix: 'Track their advisories, pin their versions, and use least-privilege modes where offered (e.g. Falco with modern eBPF).',
        paths: privileged.map((p) => `choices.plugins[${c.design.choices.plugins.indexOf(p.id)}]`),
      }
    },
  },
  {
    id: 'RISK-ARCHIVED-PLUGIN',
    readsPlugins: true,
    title: 'An abandoned plugin',
    references: ['S65'],
    detect: (c) => {
      const archived = c.plugins.filter((p) => p.maturity === 'archived')
      if (archived.length === 0) return undefined
      return {
        severity: 'high',
        why: `${nameList(archived.map((p) => p.name))} no longer receives security fixes.`,
        fix: 'Replace it with a maintained alternative.',
        paths: archived.map((p) => `choices.plugins[${c.design.choices.plugins.indexOf(p.id)}]`),
      }
    },
  },
  {
    id: 'RISK-MANY-PLUGINS',
    readsPlugins: true,
    title: 'Many plugins to keep patched',
    references: ['ARTICLE-PLUGINS'],
    detect: (c) =>
      c.plugins.length <= 6
        ? undefined
        : {
            severity: 'low',
            why: `${c.plugins.length} plugins: each adds exposures and vulnerabilities to track besides the orchestrator itself.`,
            fix: 'Keep plugins that add visibility or enforcement you use; drop overlapping ones.',
            paths: ['choices.plugins'],
          },
  },
  {
    id: 'RISK-OVERLAPPING-PLUGINS',
    readsPlugins: true,
    title: 'Two plugins do one job',
    references: ['K8S-ADMISSION-WEBHOOKS', 'CALICO-EKS-POLICY-ONLY', 'CILIUM-AWS-CNI-CHAINING'],
    detect: (c) => {
      const pairs = EXCLUSIVE_CATEGORIES.flatMap((category) => {
        const members = c.plugins.filter((p) => p.category === category)
        // Fires for every pair, also one that is a violation (COMPAT-PLUGIN-EXCLUSIVE), so that
        // adding a plugin never clears it (the bound recommend relies on, rules/types.ts).
        return members.length < 2 ? [] : [{ category, members }]
      })
      if (pairs.length === 0) return undefined
      const why = ({ category, members }: (typeof pairs)[number]): string => {
        const names = nameList(members.map((p) => p.name))
        if (category === 'policy')
          return `${names} both enforce admission policy: webhooks run in parallel and any deny wins, so every change must pass both rule sets.`
        if (category === 'runtime-security')
          return `${names} both watch the kernel for threats: two eBPF agents to patch, tune and answer alerts from.`
        if (!SINGLE_OWNER_CATEGORIES.includes(category) || !documentedTogether(members))
          return `${names} both want to own the pod network or mesh: that cannot be built (COMPAT-PLUGIN-EXCLUSIVE).`
        const modes = members.flatMap((p) =>
          (p.combinesWith ?? []).map((m) => `${p.name} ${m.mode}`),
        )
        return `${names} run together (${modes.join('; ')}): two data planes to upgrade in step.`
      }
      return {
        severity: 'low',
        why: pairs.map(why).join(' '),
        fix: 'Keep one unless the second adds a control you use; document why both run.',
        paths: pairs.flatMap(({ members }) =>
          members.map((p) => `choices.plugins[${c.design.choices.plugins.indexOf(p.id)}]`),
        ),
      }
    },
  },
  {
    id: 'RISK-TEAM-OVERLOAD',
    readsPlugins: true,
    title: 'More platform than the team can run',
    references: ['ARTICLE-ORCHESTRATION', 'ARTICLE-PLUGINS'],
    detect: (c) => {
      const { kubernetesExperience, opsCapacity } = c.design.context.team
      const selfManaged = !c.orchestrator.managedControlPlane
      const stretched =
        opsCapacity === 'low' ||
        (kubernetesExperience === 'none' && c.orchestrator.experienceNeeded !== 'none')
      const heavy = c.plugins.length >= 5 || (selfManaged && c.orchestrator.complexity >= 3)
      if (!stretched || !heavy) return undefined
      const severe =
        opsCapacity === 'low' &&
        kubernetesExperience === 'none' &&
        (c.plugins.length >= 8 || (selfManaged && c.orchestrator.complexity >= 3))
      return {
        severity: severe ? 'high' : 'medium',
        why: `A team with ${kubernetesExperience} Kubernetes experience and ${opsCapacity} operations capacity would run ${selfManaged ? `a self-managed ${c.orchestrator.name} control plane` : c.orchestrator.name}${c.plugins.length > 0 ? ` and ${c.plugins.length} plugin(s)` : ''}: upgrades and incidents will outpace it, and unpatched platform components are a security risk.`,
        fix: 'Prefer a managed control plane and fewer plugins (keep the ones that enforce or detect), or plan for the operations capacity this needs.',
        paths: ['context.team', 'choices.orchestrator', 'choices.plugins'],
      }
    },
  },
  {
    id: 'RISK-NO-IMAGE-VERIFICATION',
    readsPlugins: true,
    title: 'Image provenance is not verified',
    references: ['NIST SP 800-190 4.1.5', 'CIS Kubernetes 5.5.1'],
    detect: (c) => {
      if (c.capabilities.has('image-verification') || c.orchestrator.family !== 'kubernetes')
        return undefined
      return {
        severity: hasCompliance(c) ? 'medium' : 'low',
        why: 'Any image that matches the name runs, including one pushed by an attacker to your registry.',
        fix: 'Verify signatures at admission (Sigstore policy-controller or Kyverno verifyImages).',
        paths: ['choices.plugins'],
      }
    },
  },
  {
    id: 'RISK-OS-GENERAL-PURPOSE',
    title: 'General-purpose node OS',
    references: ['NIST SP 800-190 4.5.1'],
    detect: (c) =>
      c.os.minimal || c.providerRunNodes
        ? undefined
        : {
            severity: 'low',
            why: `${c.os.name} ships a package manager, shell and services containers do not need: more to patch and more for an attacker to use.`,
            fix: 'Prefer a container-optimised, immutable OS (Bottlerocket, Flatcar, Talos, COS) where the orchestrator supports one.',
            paths: ['choices.os'],
          },
  },
  {
    id: 'RISK-SANDBOX-NESTED-VIRT',
    title: 'The sandbox needs virtualisation on the nodes',
    references: ['S48', 'S53', 'S15'],
    detect: (c) => {
      const sandbox = c.offeredSandboxes.find((s) => s.needsVirtualization)
      if (!sandbox) return undefined
      return {
        severity: 'medium',
        why: `${sandbox.name} needs ${sandbox.hostOs.includes('windows') ? 'the Hyper-V role on the host' : '/dev/kvm'}: bare-metal nodes or nested virtualisation, which not every instance type offers and which lowers IO performance.`,
        fix: 'Plan a dedicated sandbox node pool on instance types that support it, and load-test IO-heavy workloads.',
        paths: c.pools
          .filter((p) => p.sandboxes.includes(sandbox))
          .map((p) => `nodePools[${p.index}].sandboxes`),
      }
    },
  },
  {
    id: 'RISK-AIR-GAP-MANAGED',
    title: 'A managed service in an air-gapped design',
    references: ['ARTICLE-ORCHESTRATION'],
    detect: (c) =>
      !c.design.context.requirements.airGapped || !c.orchestrator.managedControlPlane
        ? undefined
        : {
            severity: 'high',
            why: `${c.orchestrator.name}’s control plane is run by the provider and needs connectivity to it.`,
            fix: 'Use a self-managed orchestrator with a local registry mirror for air-gapped sites.',
            paths: ['context.requirements.airGapped', 'choices.orchestrator'],
          },
  },
  {
    id: 'RISK-COMPLIANCE-TRANSIT-ENCRYPTION',
    readsPlugins: true,
    title: 'Traffic between workloads is not encrypted',
    references: [
      'PCI-DSS-4.0',
      'HIPAA-SECURITY-RULE',
      'FEDRAMP-MODERATE',
      'ECS-SERVICE-CONNECT-TLS',
    ],
    detect: (c) => {
      const frameworks = c.design.context.requirements.compliance.flatMap((f) => {
        const ref = TRANSIT_FRAMEWORKS[f]
        return ref === undefined ? [] : [{ f, ref }]
      })
      if (
        frameworks.length === 0 ||
        c.capabilities.has('mtls') ||
        c.capabilities.has('transit-encryption')
      )
        return undefined
      return {
        severity: 'medium',
        why: `${frameworks.map((x) => x.f).join(', ')} expect sensitive data to be encrypted in transit, also inside the cluster.`,
        fix:
          c.orchestrator.family === 'ecs'
            ? 'Turn on ECS Service Connect TLS (certificates from AWS Private CA), or terminate TLS in each service.'
            : 'Add a service mesh with mTLS (Linkerd, Istio) or CNI transparent encryption (Cilium or Calico WireGuard).',
        paths: ['context.requirements.compliance', 'choices.plugins'],
        references: [
          ...frameworks.map((x) => x.ref),
          ...(c.orchestrator.family === 'ecs' ? ['ECS-SERVICE-CONNECT-TLS'] : []),
        ],
      }
    },
  },
]
