// What an option adds and what it costs, in words, from the catalog's structured facts.
import type { OperatingSystem, Orchestrator, Plugin, Runtime } from '../../shared/catalog/types'
import { capabilityLabel } from './format'

/** Strengths and costs of one option, for its card. */
export interface Traits {
  readonly adds: readonly string[]
  readonly costs: readonly string[]
}

const scale = ['none', 'low', 'medium', 'high'] as const

/** Traits of an orchestrator. */
export function orchestratorTraits(o: Orchestrator): Traits {
  const adds: string[] = []
  const costs: string[] = []
  if (o.managedControlPlane) adds.push('Managed control plane')
  if (o.provides.length > 0) adds.push(`Built in: ${o.provides.map(capabilityLabel).join(', ')}`)
  if (o.windowsRuntimes.length > 0) adds.push('Windows containers')
  if (o.builtInPodSecurity !== 'none') adds.push('Pod security enforced without plugins')
  if (o.modularity >= 2) adds.push('Extensible with plugins')
  if (o.complexity >= 4) costs.push(`High day-2 complexity (${o.complexity}/5)`)
  else if (o.complexity <= 2) adds.push(`Simple to run (${o.complexity}/5)`)
  if (o.experienceNeeded === 'expert') costs.push('Needs Kubernetes experts')
  if (o.lockIn >= 2) costs.push(`Vendor lock-in: ${scale[o.lockIn]}`)
  if (o.cost >= 2) costs.push(`Fees or licence: ${scale[o.cost]}`)
  if (o.networkPolicy === 'cni') costs.push('Network policy needs a CNI plugin')
  if (o.networkPolicy === 'segmentation') costs.push('Network segmentation only (no policies)')
  if (o.securityContext !== 'full') costs.push('Per-container security context is limited')
  return { adds, costs }
}

/** Traits of a runtime. */
export function runtimeTraits(r: Runtime): Traits {
  const adds: string[] = []
  const costs: string[] = []
  switch (r.kernel) {
    case 'shared':
      costs.push('Shares the host kernel')
      break
    case 'userspace-kernel':
      adds.push('User-space kernel intercepts syscalls')
      break
    case 'microvm':
      adds.push('Own kernel per pod (micro-VM)')
      break
    case 'vm':
      adds.push('Own VM per task')
      break
  }
  if (r.kind === 'sandbox') adds.push('Can sandbox untrusted workloads')
  if (r.overhead >= 1) costs.push(`Overhead: ${scale[r.overhead]}`)
  if (r.needsVirtualization) costs.push('Needs /dev/kvm: bare metal or nested virtualisation')
  if (!r.hostNetwork) costs.push('No host networking')
  if (r.cves.length > 0) costs.push(`${r.cves.length} notable CVEs on record`)
  if (r.hostOs.includes('windows')) adds.push('Runs Windows containers')
  return { adds, costs }
}

/** Traits of a host OS. */
export function osTraits(os: OperatingSystem): Traits {
  const adds: string[] = []
  const costs: string[] = []
  if (os.immutable) adds.push('Immutable root filesystem')
  if (os.minimal) adds.push('Minimal, container-only package set')
  else costs.push('General-purpose package set')
  if (os.autoUpdates) adds.push('Automatic updates')
  if (os.mac === 'selinux-enforcing') adds.push('SELinux enforcing')
  else if (os.mac === 'apparmor') adds.push('AppArmor')
  else if (os.mac === 'none') costs.push('No mandatory access control')
  if (os.access === 'api-only') adds.push('No SSH: API-only access')
  else costs.push(os.access === 'rdp-ssh' ? 'RDP/SSH access to nodes' : 'SSH access to nodes')
  if (os.licenceCost >= 1) costs.push(`Licence cost: ${scale[os.licenceCost]}`)
  return { adds, costs }
}

/** Traits of a plugin: what it provides and what it exposes. */
export function pluginTraits(p: Plugin): Traits {
  const adds = p.provides.map((c) => capabilityLabel(c))
  const costs = [...p.exposes]
  if (p.maturity === 'sandbox' || p.maturity === 'archived') costs.push(`Maturity: ${p.maturity}`)
  return { adds, costs }
}
