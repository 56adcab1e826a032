// The security controls the ECS output puts in place, each traced to its design path and the checks it meets.
import { fileStem } from '../file-names'
import type { Control } from '../types'
import { cisDocker, nist } from '../../util/check-ids'
import type { EcsPlan, EcsWorkloadPlan } from './plan'
import { flowKey, securityGroupId, type StackRules } from './stack'

/** Path of a workload's task definition artifact. */
export function taskDefinitionPath(name: string): string {
  return `ecs/task-definitions/${fileStem(name)}.json`
}

export const STACK_PATH = 'ecs/stack.cfn.json'

/** Every control emitted for the plan, in a fixed order (workload order, then flows). */
export function ecsControls(plan: EcsPlan, rules: StackRules): Control[] {
  return [...plan.workloads.flatMap((w) => workloadControls(w)), ...flowControls(plan, rules)]
}

function workloadControls(w: EcsWorkloadPlan): Control[] {
  const file = taskDefinitionPath(w.workload.name)
  const at = (field: string) => `${file}#containerDefinitions[0].${field}`
  const wl = `workloads[${w.index}]`
  // CIS Docker items apply where the ECS agent drives Docker Engine (EC2), not on Fargate.
  const cis = (...ids: string[]) => (w.launchType === 'EC2' ? { cis: ids.map(cisDocker) } : {})
  const controls: Control[] = []
  if (!w.windows) {
    controls.push(
      {
        id: 'ECS-NON-ROOT-USER',
        title: `${w.workload.name} runs as uid/gid 10001`,
        where: [at('user')],
        causedBy: wl,
        checks: { nist: [nist('4.4.3')], ...cis('4.1') },
      },
      {
        id: 'ECS-READONLY-ROOTFS',
        title: `${w.workload.name} has a read-only root filesystem; only declared paths are writable volumes`,
        where: [
          at('readonlyRootFilesystem'),
          ...(w.workload.needs.writablePaths.length ? [at('mountPoints')] : []),
        ],
        causedBy: `${wl}.needs.writablePaths`,
        checks: { nist: [nist('4.4.3'), nist('4.4.4')], ...cis('5.13') },
      },
      {
        id: 'ECS-DROP-ALL-CAPABILITIES',
        title: `${w.workload.name} drops all Linux capabilities${w.addCapabilities.length ? ` and adds only ${w.addCapabilities.join(', ')}` : ''}`,
        where: [at('linuxParameters.capabilities')],
        causedBy: `${wl}.needs.capabilities`,
        checks: { nist: [nist('4.4.3')], ...cis('5.4') },
      },
    )
    if (w.launchType === 'EC2') {
      if (!w.privileged)
        controls.push({
          id: 'ECS-NOT-PRIVILEGED',
          title: `${w.workload.name} is not privileged`,
          where: [at('privileged')],
          causedBy: `${wl}.needs.privileged`,
          checks: { nist: [nist('4.4.3')], ...cis('5.5') },
        })
      controls.push({
        id: 'ECS-NO-NEW-PRIVILEGES',
        title: `${w.workload.name} cannot gain privileges through setuid binaries`,
        where: [at('dockerSecurityOptions')],
        causedBy: wl,
        checks: { nist: [nist('4.4.3')], ...cis('5.26') },
      })
    }
  }
  controls.push(
    {
      id: 'ECS-RESOURCE-LIMITS',
      title: `${w.workload.name} has a CPU and memory size (${w.size.cpu} units, ${w.size.memory} MiB)`,
      where: [`${file}#cpu`, `${file}#memory`],
      causedBy: `${wl}.resources`,
      checks: { nist: [nist('4.4.3')], ...cis('5.11', '5.12') },
    },
    w.taskRoleArn === undefined
      ? {
          id: 'ECS-NO-TASK-ROLE',
          title: `${w.workload.name} declares no cloud role, so its task has no task role and no AWS credentials; its execution role is its own`,
          where: [`${file}#executionRoleArn`],
          causedBy: `${wl}.identity`,
          checks: {},
        }
      : {
          id: 'ECS-TASK-ROLE',
          title: `${w.workload.name} assumes only its declared cloud role; its execution role is its own`,
          where: [`${file}#taskRoleArn`, `${file}#executionRoleArn`],
          causedBy: `${wl}.identity.cloudRole`,
          checks: {},
        },
    {
      id: 'ECS-TASK-SECURITY-GROUP',
      title: `${w.workload.name} tasks get their own ENI and security group, no public IP`,
      where: [
        `${file}#networkMode`,
        `${STACK_PATH}#Resources.${securityGroupId(w)}`,
        `${STACK_PATH}#Resources.${w.logicalId}Service.Properties.NetworkConfiguration`,
      ],
      causedBy: 'isolation.network',
      checks: { nist: [nist('4.3.3'), nist('4.4.2')] },
    },
    {
      id: 'ECS-LOGS',
      title: `${w.workload.name} logs to CloudWatch Logs group ${w.logGroup}`,
      where: [at('logConfiguration'), `${STACK_PATH}#Resources.${w.logicalId}LogGroup`],
      causedBy: wl,
      checks: {},
    },
  )
  if (w.privileged || w.hostPid || w.hostPaths.length > 0) {
    controls.push({
      id: 'ECS-HOST-EXCEPTION',
      title: `${w.workload.name} alone gets its justified host access (${[
        ...(w.privileged ? ['privileged'] : []),
        ...(w.hostPid ? ['host PID'] : []),
        ...w.hostPaths.map((h) => `host path ${h.path}`),
      ].join(', ')})`,
      where: [
        ...(w.privileged ? [at('privileged')] : []),
        ...(w.hostPid ? [`${file}#pidMode`] : []),
        ...(w.hostPaths.length > 0 ? [`${file}#volumes`] : []),
      ],
      causedBy: `${wl}.needs.justification`,
      checks: { nist: [nist('4.4.3')] },
    })
  }
  for (const e of w.egress) {
    controls.push({
      id: 'ECS-SG-ENDPOINT-EGRESS',
      title: `${w.workload.name} may reach ${e.endpoint.name} on TCP ${e.ports.join(', ')} ${e.via === 'cidrs' ? `at ${e.cidrs.join(', ')}` : e.via === 'anywhere' ? 'on the internet' : 'through the egress proxy'}`,
      where: [`${STACK_PATH}#Resources.${securityGroupId(w)}.Properties.SecurityGroupEgress`],
      causedBy: e.path,
      checks: { nist: [nist('4.3.3')] },
    })
  }
  if (w.launchType === 'FARGATE' && w.workload.trust === 'untrusted') {
    controls.push({
      id: 'ECS-FARGATE-TASK-ISOLATION',
      title: `${w.workload.name} (untrusted) runs in its own Fargate isolation boundary, no shared kernel`,
      where: [`${file}#requiresCompatibilities`],
      causedBy: `${wl}.trust`,
      checks: { nist: [nist('4.3.4'), nist('4.5.2')] },
    })
  }
  return controls
}

function flowControls(plan: EcsPlan, rules: StackRules): Control[] {
  return plan.flows.map((flow) => ({
    id: 'ECS-SG-FLOW',
    title: `${flow.from} may reach ${flow.to} on TCP ${flow.ports.join(', ')}`,
    where: (rules.get(flowKey(flow.from, flow.to)) ?? []).map(
      (id) => `${STACK_PATH}#Resources.${id}`,
    ),
    causedBy: flow.paths[0] ?? 'isolation.network',
    checks: { nist: [nist('4.3.3'), nist('4.4.2')] },
  }))
}
