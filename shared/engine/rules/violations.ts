// Hard incompatibilities: the design cannot be built as written. Each names the paths and a fix.
import { combine } from '../../catalog/combinations'
import { SINGLE_OWNER_CATEGORIES } from '../../catalog/types'
import type { ViolationHit, ViolationRule } from './types'
import { nameList } from './types'

/** Plugins Fargate provides itself (EKS on Fargate uses the VPC CNI only). */
const FARGATE_PROVIDED_PLUGINS: readonly string[] = ['aws-vpc-cni']

export const VIOLATION_RULES_PLATFORM: readonly ViolationRule[] = [
  {
    id: 'COMPAT-PLUGIN-ORCHESTRATOR',
    readsPlugins: true,
    references: ['ARTICLE-PLUGINS'],
    detect: (c) =>
      c.plugins
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => !c.orchestrator.plugins.includes(p.id))
        .map(({ p, i }) => ({
          message: `${p.name} does not apply to ${c.orchestrator.name}.`,
          paths: [`choices.plugins[${i}]`],
          fix: `Remove ${p.name}; plugins for ${c.orchestrator.name}: ${nameList(c.orchestrator.plugins, 6) || 'none'}.`,
        })),
  },
  {
    id: 'COMPAT-PLUGIN-OS',
    readsPlugins: true,
    references: ['S6', 'S62', 'S67'],
    detect: (c) => {
      const linux = c.pools.some((p) => p.runsWorkloads && p.os.family === 'linux')
      if (linux || c.pools.length === 0) return undefined
      return c.plugins
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => p.requires.linuxOnly)
        .map(({ p, i }) => ({
          message: `${p.name} runs on Linux nodes only, and no Linux pool runs workloads: it would cover nothing.`,
          paths: [`choices.plugins[${i}]`, 'nodePools'],
          fix: `Add a Linux pool for ${p.name} to cover, or remove it.`,
        }))
    },
  },
  {
    id: 'COMPAT-PLUGIN-DAEMONSET-FARGATE',
    readsPlugins: true,
    references: ['S9'],
    detect: (c) => {
      const workerPools = c.pools.filter((p) => p.runsWorkloads)
      const allFargate =
        workerPools.length > 0 && workerPools.every((p) => p.runtime.id === 'fargate')
      if (!allFargate || c.orchestrator.family !== 'kubernetes') return undefined
      const nodeAgents = c.plugins.filter(
        (p) =>
          !FARGATE_PROVIDED_PLUGINS.includes(p.id) &&
          (p.footprint === 'daemonset' || p.footprint === 'privileged-daemonset'),
      )
      if (nodeAgents.length === 0) return undefined
      return {
        message: `Fargate runs no DaemonSets and only the VPC CNI, so ${nameList(nodeAgents.map((p) => p.name))} cannot run.`,
        paths: nodeAgents.map((p) => `choices.plugins[${c.design.choices.plugins.indexOf(p.id)}]`),
        fix: 'Use the sidecar variant of the agent, or EC2 node groups for these plugins.',
      }
    },
  },
  {
    id: 'COMPAT-PLUGIN-EXCLUSIVE',
    readsPlugins: true,
    references: ['ARTICLE-PLUGINS', 'CALICO-EKS-POLICY-ONLY', 'CILIUM-AWS-CNI-CHAINING'],
    detect: (c) =>
      SINGLE_OWNER_CATEGORIES.flatMap((category) => {
        const members = c.plugins.filter((p) => p.category === category)
        const clash = members.filter((p) => members.some((q) => q !== p && !combine(p, q)))
        if (clash.length < 2) return []
        const modes = members.flatMap((p) =>
          (p.combinesWith ?? []).map((m) => `${p.name} ${m.mode}`),
        )
        return [
          {
            message: `Only one ${category} plugin can own a pod's network: ${nameList(clash.map((p) => p.name))}.`,
            paths: clash.map((p) => `choices.plugins[${c.plugins.indexOf(p)}]`),
            fix:
              modes.length > 0
                ? `Keep one ${category} plugin, or a documented combination: ${modes.join('; ')}.`
                : `Keep one ${category} plugin.`,
          },
        ]
      }),
  },
  {
    id: 'COMPAT-NETWORK-POLICY-UNENFORCED',
    readsPlugins: true,
    references: ['S4', 'S64', 'CIS Kubernetes 5.3.1'],
    detect: (c) => {
      if (c.design.isolation.network !== 'default-deny') return undefined
      if (c.orchestrator.networkPolicy !== 'cni' || c.capabilities.has('network-policy'))
        return undefined
      return {
        message: `Default-deny needs NetworkPolicy enforcement, and on ${c.orchestrator.name} a NetworkPolicy has no effect unless the CNI enforces it.`,
        paths: ['isolation.network', 'choices.plugins'],
        fix: 'Add a CNI that enforces NetworkPolicy (Cilium or Calico; on EKS the VPC CNI with its network policy agent).',
      }
    },
  },
  {
    id: 'COMPAT-CLOUD-ORCHESTRATOR',
    references: ['ARTICLE-ORCHESTRATION'],
    detect: (c) => {
      const { cloud } = c.design.context
      if (c.orchestrator.clouds.includes(cloud)) return undefined
      return {
        message: `${c.orchestrator.name} is not available on ${cloud}.`,
        paths: ['choices.orchestrator', 'context.cloud'],
        fix: `${c.orchestrator.name} runs on ${c.orchestrator.clouds.join(', ')}.`,
      }
    },
  },
  {
    id: 'COMPAT-FLOW-UNKNOWN',
    references: [],
    detect: (c) =>
      c.workloads.danglingFlows.map((f): ViolationHit => ({
        message: `No workload is named "${f.target}".`,
        paths: [f.path],
        fix: 'Name an existing workload, or add the missing workload.',
      })),
  },
]
