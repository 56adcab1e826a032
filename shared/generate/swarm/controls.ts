// The security controls the Swarm stack puts in place, traced to design paths and the checks they meet.
import { cisDocker, nist } from '../../util/check-ids'
import type { IndexedWorkload } from '../../util/declared-flows'
import type { Control } from '../types'
import type { StackPlan } from './stack'

export const STACK_PATH = 'swarm/stack.yaml'

/** Controls in a fixed order: per service (design order), then per network. */
export function swarmControls(plan: StackPlan): Control[] {
  return [...plan.workloads.flatMap((w) => serviceControls(plan, w)), ...networkControls(plan)]
}

function serviceControls(plan: StackPlan, { index, workload: w }: IndexedWorkload): Control[] {
  const at = (field: string) => `${STACK_PATH}#services.${w.name}.${field}`
  const wl = `workloads[${index}]`
  const linux = w.os === 'linux'
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
        title: `${w.name} drops all capabilities${w.needs.capabilities.length ? ` and adds only ${[...w.needs.capabilities].sort().join(', ')}` : ''}`,
        where: [at('cap_drop'), ...(w.needs.capabilities.length ? [at('cap_add')] : [])],
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
  if (plan.workloads.some((x) => x.workload.trust === 'untrusted')) {
    controls.push({
      id: 'SWARM-TRUST-PLACEMENT',
      title: `${w.name} (${w.trust}) is placed only on nodes ${w.trust === 'untrusted' ? 'reserved for' : 'not reserved for'} untrusted services`,
      where: [at('deploy.placement.constraints')],
      causedBy: `${wl}.trust`,
      checks: { nist: [nist('4.3.4')] },
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
