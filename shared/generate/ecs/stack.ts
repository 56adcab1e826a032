// The CloudFormation template: a security group per workload, one ingress + egress rule per declared
// flow and port (so the groups allow exactly the design's flows), log groups and ECS services.
import { compare } from '../../util/declared-flows'
import { createNameAllocator } from '../../util/unique-names'
import type { EcsPlan, EcsWorkloadPlan } from './plan'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

/** Parameter names of the template; the README documents each one. */
export const PARAM = {
  cluster: 'ClusterName',
  vpc: 'VpcId',
  vpcCidr: 'VpcCidr',
  subnets: 'SubnetIds',
  httpsCidr: 'HttpsEgressCidr',
  logRetention: 'LogRetentionDays',
  lbSecurityGroup: 'LoadBalancerSecurityGroupId',
} as const

/** CloudWatch Logs accepts only these retention values. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
]

const ref = (name: string): JsonObject => ({ Ref: name })
const groupId = (logicalId: string): JsonObject => ({ 'Fn::GetAtt': [logicalId, 'GroupId'] })

/** Logical id of a workload's security group. */
export function securityGroupId(w: EcsWorkloadPlan): string {
  return `${w.logicalId}SecurityGroup`
}

/** Logical id of the parameter holding a public workload's target group for one port. */
export function targetGroupParam(w: EcsWorkloadPlan, port: number): string {
  return `${w.logicalId}TargetGroup${port}Arn`
}

/** Logical ids of the ingress and egress rules that carry each flow, keyed by `flowKey`. */
export type StackRules = ReadonlyMap<string, readonly string[]>

/** Key of a flow in `StackRules`. */
export function flowKey(from: string, to: string): string {
  return `${from} ${to}`
}

/** The template as JSON-ready data; resource order is fixed (workloads by name, then flows). */
export function buildStack(plan: EcsPlan): { template: JsonObject; rules: StackRules } {
  const rules = new Map<string, string[]>()
  const byName = new Map(plan.workloads.map((w) => [w.workload.name, w]))
  const sorted = [...plan.workloads].sort((a, b) => compare(a.workload.name, b.workload.name))
  const publicWorkloads = sorted.filter(
    (w) => w.workload.exposure === 'public' && w.workload.ports.length > 0,
  )
  const ruleId = createNameAllocator('N')
  const resources: JsonObject = {}

  for (const w of sorted) {
    resources[securityGroupId(w)] = securityGroup(plan, w)
    resources[`${w.logicalId}LogGroup`] = {
      Type: 'AWS::Logs::LogGroup',
      Properties: { LogGroupName: w.logGroup, RetentionInDays: ref(PARAM.logRetention) },
    }
    resources[`${w.logicalId}Service`] = service(plan, w)
  }
  for (const flow of plan.flows) {
    const from = byName.get(flow.from)
    const to = byName.get(flow.to)
    if (!from || !to) continue
    const why = `${flow.from} to ${flow.to} (${flow.paths.join(' ')})`
    const ids: string[] = []
    for (const port of flow.ports) {
      const base = `${from.logicalId}To${to.logicalId}Port${port}`
      const ingress = ruleId(`${base}Ingress`)
      const egress = ruleId(`${base}Egress`)
      resources[ingress] = rule('Ingress', to, port, groupId(securityGroupId(from)), why)
      resources[egress] = rule('Egress', from, port, groupId(securityGroupId(to)), why)
      ids.push(ingress, egress)
    }
    rules.set(flowKey(flow.from, flow.to), ids)
  }
  for (const w of publicWorkloads) {
    for (const port of w.workload.ports) {
      const why = `load balancer to ${w.workload.name} (workloads[${w.index}].exposure)`
      resources[ruleId(`LoadBalancerTo${w.logicalId}Port${port}Ingress`)] = rule(
        'Ingress',
        w,
        port,
        ref(PARAM.lbSecurityGroup),
        why,
      )
    }
  }

  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      `Stackwright: ECS services and security groups for design ${plan.design.metadata.name}. ${plan.design.metadata.title}`.trim(),
    Parameters: parameters(publicWorkloads),
    Resources: resources,
    Outputs: Object.fromEntries(
      sorted.map((w) => [
        `${w.logicalId}SecurityGroupId`,
        { Description: `Security group of ${w.workload.name}`, Value: groupId(securityGroupId(w)) },
      ]),
    ),
  }
  return { template, rules }
}

function parameters(publicWorkloads: readonly EcsWorkloadPlan[]): JsonObject {
  const params: JsonObject = {
    [PARAM.cluster]: { Type: 'String', Description: 'Name of the existing ECS cluster' },
    [PARAM.vpc]: { Type: 'AWS::EC2::VPC::Id', Description: 'VPC of the tasks' },
    [PARAM.vpcCidr]: {
      Type: 'String',
      Description: 'CIDR of the VPC: DNS egress is allowed only to the VPC resolver inside it',
      AllowedPattern: '^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$',
    },
    [PARAM.subnets]: {
      Type: 'List<AWS::EC2::Subnet::Id>',
      Description: 'Private subnets for the tasks (tasks get no public IP)',
    },
    [PARAM.httpsCidr]: {
      Type: 'String',
      Default: '0.0.0.0/0',
      Description:
        'Where tasks may open HTTPS (image pulls, logs, secrets); set to the VPC CIDR when interface VPC endpoints serve those APIs',
      AllowedPattern: '^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$',
    },
    [PARAM.logRetention]: {
      Type: 'Number',
      Default: 365,
      AllowedValues: LOG_RETENTION_DAYS.map(String),
      Description: 'Days CloudWatch Logs keeps container logs',
    },
  }
  if (publicWorkloads.length > 0) {
    params[PARAM.lbSecurityGroup] = {
      Type: 'AWS::EC2::SecurityGroup::Id',
      Description: 'Security group of the load balancer in front of the public workloads',
    }
  }
  for (const w of publicWorkloads) {
    for (const port of w.workload.ports) {
      params[targetGroupParam(w, port)] = {
        Type: 'String',
        Description: `ARN of the target group (target type ip) for ${w.workload.name} port ${port}`,
      }
    }
  }
  return params
}

function securityGroup(plan: EcsPlan, w: EcsWorkloadPlan): JsonObject {
  return {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `Stackwright ${plan.design.metadata.name} ${w.workload.name}: declared flows only`,
      VpcId: ref(PARAM.vpc),
      // Inline egress replaces the default allow-all rule; flow egress to other groups is added by
      // separate resources, because inline cross-references between groups form a cycle.
      SecurityGroupEgress: [
        egressCidr('udp', 53, PARAM.vpcCidr, 'DNS to the VPC resolver'),
        egressCidr('tcp', 53, PARAM.vpcCidr, 'DNS over TCP to the VPC resolver'),
        egressCidr('tcp', 443, PARAM.httpsCidr, 'HTTPS for image pulls, logs and secrets'),
      ],
      Tags: [
        { Key: 'Name', Value: `${plan.design.metadata.name}-${w.workload.name}` },
        { Key: 'stackwright.dev/design', Value: plan.design.metadata.name },
      ],
    },
  }
}

function egressCidr(
  protocol: string,
  port: number,
  cidrParam: string,
  description: string,
): JsonObject {
  return {
    IpProtocol: protocol,
    FromPort: port,
    ToPort: port,
    CidrIp: ref(cidrParam),
    Description: description,
  }
}

function rule(
  direction: 'Ingress' | 'Egress',
  owner: EcsWorkloadPlan,
  port: number,
  peer: JsonObject,
  description: string,
): JsonObject {
  const peerKey = direction === 'Ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId'
  return {
    Type: `AWS::EC2::SecurityGroup${direction}`,
    Properties: {
      GroupId: groupId(securityGroupId(owner)),
      IpProtocol: 'tcp',
      FromPort: port,
      ToPort: port,
      [peerKey]: peer,
      Description: description.slice(0, 255),
    },
  }
}

function service(plan: EcsPlan, w: EcsWorkloadPlan): JsonObject {
  const lb = w.workload.exposure === 'public' && w.workload.ports.length > 0
  return {
    Type: 'AWS::ECS::Service',
    DependsOn: [`${w.logicalId}LogGroup`],
    Properties: {
      Cluster: ref(PARAM.cluster),
      ServiceName: w.workload.name,
      TaskDefinition: w.family,
      LaunchType: plan.launchType,
      DesiredCount: w.workload.replicas,
      EnableExecuteCommand: false,
      EnableECSManagedTags: true,
      PropagateTags: 'SERVICE',
      DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true } },
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          AssignPublicIp: 'DISABLED',
          SecurityGroups: [groupId(securityGroupId(w))],
          Subnets: ref(PARAM.subnets),
        },
      },
      ...(lb
        ? {
            HealthCheckGracePeriodSeconds: 60,
            LoadBalancers: w.workload.ports.map((port) => ({
              ContainerName: w.workload.name,
              ContainerPort: port,
              TargetGroupArn: ref(targetGroupParam(w, port)),
            })),
          }
        : {}),
      Tags: [{ Key: 'stackwright.dev/design', Value: plan.design.metadata.name }],
    },
  }
}
