// The context and decision wording of each decision record, from the catalog and the design.
import { getOrchestrator, getOs, getPlugin, getRuntime } from '../../catalog/index'
import type { DecisionDimension } from '../../model/schema'
import { assertNever } from '../../util/assert-never'
import { kernelPhrase } from '../mermaid/placement'
import type { DocInput } from './input'
import { yesNo } from './input'
import type { Inline } from './model'

export const DIMENSION_TITLES: Readonly<Record<DecisionDimension, string>> = {
  orchestrator: 'Orchestrator',
  runtime: 'Container runtime',
  os: 'Host operating system',
  plugins: 'Plugins',
  isolation: 'Isolation',
}

/** True when a design path belongs to a decision dimension (workload paths count as isolation). */
export function touchesDimension(path: string, dim: DecisionDimension): boolean {
  switch (dim) {
    case 'orchestrator':
      return path === 'choices.orchestrator'
    case 'runtime':
      return path === 'choices.runtime' || path === 'isolation.runtimeClassForUntrusted'
    case 'os':
      return path === 'choices.os'
    case 'plugins':
      return path.startsWith('choices.plugins')
    case 'isolation':
      return (
        (path.startsWith('isolation.') && path !== 'isolation.runtimeClassForUntrusted') ||
        path.startsWith('workloads[')
      )
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
        `Cloud ${context.cloud}, about ${context.nodes} worker nodes; the team has ${context.team.kubernetesExperience} Kubernetes experience and ${context.team.opsCapacity} operations capacity; multi-tenant: ${yesNo(req.multiTenant)}. `,
        'The orchestrator does not secure containers by itself, but it sets the default posture and how far a breach can spread. ',
        { ref: 'ARTICLE-ORCHESTRATION' },
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
    case 'runtime': {
      const r = getRuntime(catalog, choices.runtime)
      const sandbox = isolation.runtimeClassForUntrusted
      return [
        { strong: r.name },
        ` (${kernelPhrase(r.kernel)}). ${r.summary}`,
        sandbox === undefined
          ? ''
          : ` Untrusted workloads run on ${getRuntime(catalog, sandbox).name} (${kernelPhrase(getRuntime(catalog, sandbox).kernel)}).`,
      ]
    }
    case 'os': {
      const os = getOs(catalog, choices.os)
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
    case 'isolation':
      return [
        `Pod security ${isolation.podSecurity}, namespaces ${isolation.namespaces}, network ${isolation.network}`,
        isolation.runtimeClassForUntrusted === undefined
          ? ''
          : `, sandbox ${isolation.runtimeClassForUntrusted} for untrusted workloads`,
        '; a security context per workload (see the isolation model).',
      ]
    default:
      return assertNever(dim)
  }
}
