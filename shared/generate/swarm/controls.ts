// The security controls the Swarm stack puts in place, traced to design paths and the checks they meet.
import { cisDocker, nist } from '../../util/check-ids'
import type { IndexedWorkload } from '../../util/declared-flows'
import type { Control } from '../types'
import { placementOf, type StackPlan } from './stack'

export const STACK_PATH = 'swarm/stack.yaml'

/** Controls in a fixed order: per service (design order), then per network. */
export function swarmControls(plan: StackPlan): Control[] {
  return [...plan.workloads.flatMap((w) => serviceControls(plan, w)), ...networkControls(plan)]
}

function serviceControls(plan: StackPlan, { index, workload: w }: IndexedWorkload): Control[] {
  const at = (field: string) => `${STACK_PATH}#services.${w.name}.${field}`
  const wl = `workloads[${index}]`
  const placement = placementOf(plan, w.name)
  const linux = placement.os === 'linux'
  const controls: Control[] = [
    {
      id: 'SWARM-NON-ROOT-USER',
      title: `${w.name} runs as ${linux ? 'uid/gid 10001' : 'ContainerUser (not ContainerAdministrator)'}`,
      where: [at('user')],
      causedBy: wl,
      checks: { nist: [nist('4.4.3')], cis: [cisDocker('4.1')] },
    },
  ]
  if (linux) {
    controls.push(
      {
        id: 'SWARM-READONLY-ROOTFS',
        title: `${w.name} has a read-only root filesystem; only declared paths are writable`,
        where: [at('read_only'), ...(w.needs.writablePaths.length ? [at('volumes')] : [])],
        causedBy: `${wl}.needs.writablePaths`,
        checks: { nist: [nist('4.4.3'), nist('4.4.4')], cis: [cisDocker('5.13')] },
      },
      {
        id: 'SWARM-DROP-ALL-CAPABILITIES',
        title: `${w.name} drops all capabilities${placement.capAdd.length ? ` and adds only ${placement.capAdd.join(', ')}` : ''}`,
        where: [at('cap_drop'), ...(placement.capAdd.length ? [at('cap_add')] : [])],
        causedBy: `${wl}.needs.capabilities`,
        checks: { nist: [nist('4.4.3')], cis: [cisDocker('5.4')] },
      },
    )
  }
  controls.push({
    id: 'SWARM-RESOURCE-LIMITS',
    title: `${w.name} has CPU and memory limits`,
    where: [at('deploy.resources')],
    causedBy: `${wl}.resources`,
    checks: { nist: [nist('4.4.3')], cis: [cisDocker('5.11'), cisDocker('5.12')] },
  })
  if (placement.pool) {
    controls.push({
      id: 'SWARM-POOL-PLACEMENT',
      title: `${w.name} runs only on nodes of pool ${placement.pool.pool.name} (${placement.nodeLabels.join(', ')})`,
      where: [at('deploy.placement.constraints')],
      causedBy: w.pool === undefined ? `${wl}.os` : `${wl}.pool`,
      checks: { nist: [nist('4.3.4')] },
    })
  }
  if (placement.hyperv) {
    controls.push({
      id: 'SWARM-HYPERV-ISOLATION',
      title: `${w.name} runs in a Hyper-V utility VM, not on the shared Windows kernel`,
      where: [at('isolation')],
      causedBy: w.sandbox === undefined ? `${wl}.trust` : `${wl}.sandbox`,
      checks: { nist: [nist('4.5.2')] },
    })
  }
  if (placement.hostPaths.length > 0) {
    controls.push({
      id: 'SWARM-HOST-EXCEPTION',
      title: `${w.name} alone mounts its justified host paths ${placement.hostPaths.map((h) => h.path).join(', ')}`,
      where: [at('volumes')],
      causedBy: `${wl}.needs.justification`,
      checks: { nist: [nist('4.4.3')] },
    })
  }
  return controls
}

function networkControls(plan: StackPlan): Control[] {
  const controls: Control[] = []
  for (const p of plan.networks.pairs) {
    const where = [`${STACK_PATH}#networks.${p.name}`]
    const causedBy = p.flows[0]?.paths[0] ?? 'isolation.network'
    controls.push({
      id: 'SWARM-FLOW-NETWORK',
      title: `Only ${p.members[0]} and ${p.members[1]} share network ${p.name}`,
      where,
      causedBy,
      checks: { nist: [nist('4.3.3'), nist('4.4.2')] },
    })
    if (p.encrypted) {
      controls.push({
        id: 'SWARM-OVERLAY-ENCRYPTION',
        title: `Traffic on ${p.name} is IPsec-encrypted between nodes`,
        where: [`${STACK_PATH}#networks.${p.name}.driver_opts.encrypted`],
        causedBy,
        checks: { nist: [nist('4.3.3')] },
      })
    }
  }
  for (const [service, name] of plan.networks.egress) {
    const w = plan.workloads.find((x) => x.workload.name === service)
    const flow = plan.endpointFlows.find((f) => f.workload === service && f.direction === 'out')
    controls.push({
      id: 'SWARM-EGRESS-NETWORK',
      title: `Only ${service}, which declares endpoints outside the swarm, has a network with a route out (${name}); every other network is internal`,
      where: [`${STACK_PATH}#networks.${name}`],
      causedBy: flow?.path ?? (w ? `workloads[${w.index}].talksTo` : 'isolation.network'),
      checks: { nist: [nist('4.3.3')] },
    })
  }
  for (const [service, name] of plan.networks.isolated) {
    const w = plan.workloads.find((x) => x.workload.name === service)
    controls.push({
      id: 'SWARM-ISOLATED-NETWORK',
      title: `${service} declares no flows and sits alone on ${name}, not on the stack's default network`,
      where: [`${STACK_PATH}#networks.${name}`],
      causedBy: w ? `workloads[${w.index}].talksTo` : 'isolation.network',
      checks: { nist: [nist('4.3.3'), nist('4.4.2')] },
    })
  }
  return controls
}
