// The context and decision wording of each decision record, from the catalog and the design.
import { getOrchestrator, getOs, getPlugin, getRuntime } from '../../catalog/index'
import type { DecisionDimension } from '../../model/schema'
import { stackOf } from '../../engine/stack'
import { assertNever } from '../../util/assert-never'
import { kernelPhrase } from '../mermaid/placement'
import type { DocInput } from './input'
import { yesNo } from './input'
import type { Inline } from './model'

export const DIMENSION_TITLES: Readonly<Record<DecisionDimension, string>> = {
  orchestrator: 'Orchestrator',
  nodes: 'Node pools',
  runtime: 'Container runtime',
  os: 'Host operating system',
  plugins: 'Plugins',
  isolation: 'Isolation',
  endpoints: 'Traffic in and out',
}

/** True when a design path belongs to a decision dimension (workload paths count as isolation). */
export function touchesDimension(path: string, dim: DecisionDimension): boolean {
  switch (dim) {
    case 'orchestrator':
      return path === 'choices.orchestrator'
    case 'nodes':
      return (
        path === 'nodePools' ||
        /^nodePools\[\d+\]\.(role|size|labels|taints|virtualization)/.test(path)
      )
    case 'runtime':
      return (
        /^nodePools\[\d+\]\.(runtime|sandboxes)/.test(path) || path === 'isolation.sandboxWorkloads'
      )
    case 'os':
      return /^nodePools\[\d+\]\.os/.test(path)
    case 'plugins':
      return path.startsWith('choices.plugins')
    case 'isolation':
      return (
        (path.startsWith('isolation.') && path !== 'isolation.sandboxWorkloads') ||
        path.startsWith('workloads[')
      )
    case 'endpoints':
      return path.startsWith('endpoints')
    default:
      return assertNever(dim)
  }
}

/** The forces behind a dimension: requirements and what the other choices allow. */
export function decisionContext({ design, catalog }: DocInput, dim: DecisionDimension): Inline[] {
  const { context, choices } = design
  const req = context.requirements
  const o = getOrchestrator(catalog, choices.orchestrator)
  switch (dim) {
    case 'orchestrator':
      return [
        `Cloud ${context.cloud}, ${design.nodePools.reduce((n, p) => n + p.size, 0)} nodes in ${design.nodePools.length} pool(s); the team has ${context.team.kubernetesExperience} Kubernetes experience and ${context.team.opsCapacity} operations capacity; multi-tenant: ${yesNo(req.multiTenant)}. `,
        'The orchestrator does not secure containers by itself, but it sets the default posture and how far a breach can spread. ',
        { ref: 'ARTICLE-ORCHESTRATION' },
      ]
    case 'nodes':
      return [
        `${o.name} ${o.managedControlPlane ? 'runs the control plane for you' : 'needs a control-plane pool of yours'}; Windows workloads: ${yesNo(req.windowsWorkloads)}; untrusted workloads: ${yesNo(req.untrustedWorkloads)}. `,
        'Pools decide which OS, engine and sandbox each workload really gets. ',
        { ref: 'ARTICLE-OS' },
      ]
    case 'endpoints':
      return [
        `${design.endpoints.length} endpoint(s); ${design.workloads.filter((w) => w.exposure === 'public').length} public workload(s). `,
        'Default-deny is honest only when every flow in and out is declared and nothing else is opened. ',
        { ref: 'ARTICLE-ISOLATION' },
      ]
    case 'runtime':
      return [
        `${o.name} can run: ${o.runtimes.map((r) => getRuntime(catalog, r).name).join(', ')}. Untrusted workloads: ${yesNo(req.untrustedWorkloads)}. `,
        'Every mainstream runtime has had serious CVEs; only designs that stop sharing the kernel change the picture. ',
        { ref: 'ARTICLE-RUNTIMES' },
      ]
    case 'os':
      return [
        `${o.name} runs worker nodes on: ${o.os.worker.map((id) => getOs(catalog, id).name).join(', ')}. Windows workloads: ${yesNo(req.windowsWorkloads)}. `,
        'The distribution matters little for container behaviour; a minimal, immutable host shrinks what an attacker can reach. ',
        { ref: 'ARTICLE-OS' },
      ]
    case 'plugins':
      return [
        `${o.name} has modularity ${o.modularity} of 3 and builds in: ${o.provides.join(', ') || 'nothing beyond the basics'}. `,
        'Good plugins add visibility; every plugin adds exposures to track. ',
        { ref: 'ARTICLE-PLUGINS' },
      ]
    case 'isolation':
      return [
        `Multi-tenant: ${yesNo(req.multiTenant)}; untrusted workloads: ${yesNo(req.untrustedWorkloads)}; ${design.workloads.length} workloads. `,
        'Too little isolation magnifies breaches; too much breaks applications. The middle ground is least privilege defined per container. ',
        { ref: 'ARTICLE-ISOLATION' },
      ]
    default:
      return assertNever(dim)
  }
}

/** What was chosen for a dimension, with the catalog's summary of it. */
export function decisionText({ design, catalog }: DocInput, dim: DecisionDimension): Inline[] {
  const { choices, isolation } = design
  switch (dim) {
    case 'orchestrator': {
      const o = getOrchestrator(catalog, choices.orchestrator)
      return [
        { strong: o.name },
        ` (${o.vendor}; ${o.managedControlPlane ? 'managed' : 'self-managed'} control plane). ${o.summary}`,
      ]
    }
    case 'nodes':
      return design.nodePools.length === 0
        ? ['No node pools yet.']
        : design.nodePools
            .flatMap((p, i) => [
              i === 0 ? '' : '; ',
              { strong: p.name },
              ` (${p.role}, ${p.size} × ${getOs(catalog, p.os).name}, ${getRuntime(catalog, p.runtime).name}${
                p.sandboxes.length > 0
                  ? `, sandboxes ${p.sandboxes.map((id) => getRuntime(catalog, id).name).join(', ')}`
                  : ''
              })`,
            ])
            .concat(['.'])
    case 'runtime': {
      const { runtime } = stackOf(design, catalog)
      const r = getRuntime(catalog, runtime)
      const sandboxes = [...new Set(design.nodePools.flatMap((p) => p.sandboxes))]
      return [
        { strong: r.name },
        ` (${kernelPhrase(r.kernel)}). ${r.summary}`,
        sandboxes.length === 0
          ? ''
          : ` Sandboxes offered: ${sandboxes.map((id) => `${getRuntime(catalog, id).name} (${kernelPhrase(getRuntime(catalog, id).kernel)})`).join(', ')}, for ${isolation.sandboxWorkloads === 'all' ? 'every workload' : 'untrusted workloads'}.`,
      ]
    }
    case 'os': {
      const os = getOs(catalog, stackOf(design, catalog).os)
      const traits = [
        os.immutable ? 'immutable' : 'mutable',
        os.minimal ? 'minimal' : 'general-purpose',
        `MAC ${os.mac}`,
        `access ${os.access}`,
      ]
      return [{ strong: os.name }, ` (${traits.join(', ')}). ${os.summary}`]
    }
    case 'plugins':
      return choices.plugins.length === 0
        ? ['No third-party plugins.']
        : choices.plugins
            .flatMap((p, i) => [i === 0 ? '' : ', ', { strong: getPlugin(catalog, p).name }])
            .concat(['.'])
    case 'isolation': {
      const teams = Object.entries(isolation.podSecurityByTeam)
      return [
        `Pod security ${isolation.podSecurity}`,
        teams.length === 0 ? '' : ` (${teams.map(([t, l]) => `${t}: ${l}`).join(', ')})`,
        `, namespaces ${isolation.namespaces}, network ${isolation.network}`,
        '; a security context per workload, exceptions in namespaces of their own (see the isolation model).',
      ]
    }
    case 'endpoints':
      return design.endpoints.length === 0
        ? ['No traffic to or from outside the platform is declared.']
        : design.endpoints
            .flatMap((e, i) => [
              i === 0 ? '' : '; ',
              { strong: e.name },
              ` (${e.kind}${e.ingress !== 'none' ? `, ingress through ${e.ingress}` : ''}${
                e.hosts.length + e.cidrs.length > 0
                  ? `: ${[...e.hosts, ...e.cidrs].join(', ')}`
                  : ''
              }, ports ${e.ports.join(', ')})`,
            ])
            .concat(['.'])
    default:
      return assertNever(dim)
  }
}
