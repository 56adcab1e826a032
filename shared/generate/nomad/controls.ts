// The security controls the Nomad output puts in place, traced to design paths and the checks they meet.
import { cisDocker, nist } from '../../util/check-ids'
import { fileStem } from '../file-names'
import type { Control } from '../types'
import { DEFAULT_DENY_PATH, intentionPath } from './intentions'
import type { GroupPlan, NomadPlan } from './plan'

/** Path of the job file. */
export function jobPath(plan: NomadPlan): string {
  return `nomad/${fileStem(plan.design.metadata.name)}.nomad.hcl`
}

/** Controls in a fixed order: per group (design order), then the intentions. */
export function nomadControls(plan: NomadPlan): Control[] {
  return [...plan.groups.flatMap((g) => groupControls(plan, g)), ...intentionControls(plan)]
}

function groupControls(plan: NomadPlan, g: GroupPlan): Control[] {
  const w = g.workload
  const file = jobPath(plan)
  const groupAt = `${file}#job.${plan.design.metadata.name}.group.${w.name}`
  const task = `${groupAt}.task.${w.name}`
  const wl = `workloads[${g.index}]`
  const controls: Control[] = [
    {
      id: 'NOMAD-NON-ROOT-USER',
      title: `${w.name} runs as ${g.windows ? 'ContainerUser' : 'uid/gid 10001'}`,
      where: [`${task}.user`],
      causedBy: wl,
      checks: { nist: [nist('4.4.3')], cis: [cisDocker('4.1')] },
    },
  ]
  if (!g.windows) {
    controls.push(
      {
        id: 'NOMAD-READONLY-ROOTFS',
        title: `${w.name} has a read-only root filesystem; declared paths are tmpfs mounts`,
        where: [`${task}.config.readonly_rootfs`],
        causedBy: `${wl}.needs.writablePaths`,
        checks: { nist: [nist('4.4.3'), nist('4.4.4')], cis: [cisDocker('5.13')] },
      },
      {
        id: 'NOMAD-DROP-ALL-CAPABILITIES',
        title: `${w.name} drops all capabilities${g.capAdd.length ? ` and adds only ${g.capAdd.join(', ')}` : ''}`,
        where: [`${task}.config.cap_drop`],
        causedBy: `${wl}.needs.capabilities`,
        checks: { nist: [nist('4.4.3')], cis: [cisDocker('5.4')] },
      },
      {
        id: 'NOMAD-NO-NEW-PRIVILEGES',
        title: `${w.name} cannot gain privileges through setuid binaries`,
        where: [`${task}.config.security_opt`],
        causedBy: wl,
        checks: { nist: [nist('4.4.3')], cis: [cisDocker('5.26')] },
      },
      {
        id: 'NOMAD-NETWORK-NAMESPACE',
        title: `${w.name} runs in its own bridge network namespace, reachable only through its sidecar${g.publicServices.length ? ' and its public ports' : ''}`,
        where: [`${groupAt}.network`],
        causedBy: 'isolation.network',
        checks: { nist: [nist('4.3.3'), nist('4.4.2')] },
      },
    )
  }
  controls.push({
    id: 'NOMAD-RESOURCE-LIMITS',
    title: `${w.name} has CPU and memory resources`,
    where: [`${task}.resources`],
    causedBy: `${wl}.resources`,
    checks: { nist: [nist('4.4.3')], cis: [cisDocker('5.11'), cisDocker('5.12')] },
  })
  if (g.runtime) {
    controls.push({
      id: 'NOMAD-SANDBOX-RUNTIME',
      title: `${w.name} runs under the ${g.runtime.name} sandbox runtime its pool offers`,
      where: [`${task}.config.runtime`],
      causedBy: w.sandbox === undefined ? `${wl}.trust` : `${wl}.sandbox`,
      checks: { nist: [nist('4.3.4'), nist('4.5.2')] },
    })
  }
  if (g.hyperv) {
    controls.push({
      id: 'NOMAD-HYPERV-ISOLATION',
      title: `${w.name} runs in a Hyper-V utility VM, not on the shared Windows kernel`,
      where: [`${task}.config.isolation`],
      causedBy: w.sandbox === undefined ? `${wl}.trust` : `${wl}.sandbox`,
      checks: { nist: [nist('4.5.2')] },
    })
  }
  if (g.pool && plan.nodePool !== undefined) {
    controls.push({
      id: 'NOMAD-POOL-PLACEMENT',
      title: `${w.name} runs only on clients of node pool ${g.pool.pool.name}`,
      where: [
        plan.nodePool === 'all'
          ? `${groupAt}.constraint`
          : `${file}#job.${plan.design.metadata.name}.node_pool`,
      ],
      causedBy: w.pool === undefined ? `${wl}.os` : `${wl}.pool`,
      checks: { nist: [nist('4.3.4')] },
    })
  }
  if (g.privileged || g.hostPid || g.hostPaths.length > 0) {
    controls.push({
      id: 'NOMAD-HOST-EXCEPTION',
      title: `${w.name} alone gets its justified host access`,
      where: [`${task}.config`],
      causedBy: `${wl}.needs.justification`,
      checks: { nist: [nist('4.4.3')] },
    })
  }
  if (g.vaultRole) {
    controls.push({
      id: 'NOMAD-VAULT-WORKLOAD-IDENTITY',
      title: `${w.name} gets Vault tokens for its own role ${g.vaultRole} through workload identity`,
      where: [`${task}.vault`],
      causedBy: 'choices.plugins',
      checks: { nist: [nist('4.1.4')] },
    })
  }
  return controls
}

function intentionControls(plan: NomadPlan): Control[] {
  return [
    {
      id: 'NOMAD-INTENTIONS-DEFAULT-DENY',
      title: 'Consul denies every service-to-service connection that no intention allows',
      where: [DEFAULT_DENY_PATH],
      causedBy: 'isolation.network',
      checks: { nist: [nist('4.3.3'), nist('4.4.2')] },
    },
    ...plan.intentions.map((i) => ({
      id: 'NOMAD-INTENTION-ALLOW',
      title: `${i.source} may connect to ${i.destination} through the mesh (mutual TLS)`,
      where: [intentionPath(i.destination)],
      causedBy: i.flow.paths[0] ?? 'isolation.network',
      checks: { nist: [nist('4.3.3'), nist('4.4.2')] },
    })),
  ]
}
