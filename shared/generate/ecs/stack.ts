// The CloudFormation template: a security group per workload, one ingress + egress rule per declared
// flow and port (so the groups allow exactly the design's flows), egress to exactly the declared
// endpoints, load-balancer ingress only for internet endpoints with a load balancer, log groups and
// ECS services on their pool's launch type or capacity provider.
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
  platformCidr: 'FargatePlatformEgressCidr',
  proxyCidr: 'EgressProxyCidr',
  logRetention: 'LogRetentionDays',
  lbSecurityGroup: 'LoadBalancerSecurityGroupId',
} as const

/** CloudWatch Logs accepts only these retention values. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
]

const CIDR_PATTERN = '^[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}$'

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
  const publicWorkloads = sorted.filter((w) => w.loadBalancerPorts.length > 0)
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
    for (const port of w.loadBalancerPorts) {
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
    Parameters: parameters(plan, publicWorkloads),
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

function parameters(plan: EcsPlan, publicWorkloads: readonly EcsWorkloadPlan[]): JsonObject {
  const params: JsonObject = {
    [PARAM.cluster]: { Type: 'String', Description: 'Name of the existing ECS cluster' },
    [PARAM.vpc]: { Type: 'AWS::EC2::VPC::Id', Description: 'VPC of the tasks' },
    [PARAM.vpcCidr]: {
      Type: 'String',
      Description: 'CIDR of the VPC: DNS egress is allowed only to the VPC resolver inside it',
      AllowedPattern: CIDR_PATTERN,
    },
    [PARAM.subnets]: {
      Type: 'List<AWS::EC2::Subnet::Id>',
      Description: 'Private subnets for the tasks (tasks get no public IP)',
    },
    [PARAM.logRetention]: {
      Type: 'Number',
      Default: 365,
      AllowedValues: LOG_RETENTION_DAYS.map(String),
      Description: 'Days CloudWatch Logs keeps container logs',
    },
  }
  if (plan.workloads.some((w) => w.launchType === 'FARGATE')) {
    params[PARAM.platformCidr] = {
      Type: 'String',
      Description:
        'Where Fargate tasks open HTTPS for image pulls, logs and secrets: the VPC CIDR when interface VPC endpoints serve ECR, CloudWatch Logs and Secrets Manager (S3 through its gateway endpoint)',
      AllowedPattern: CIDR_PATTERN,
    }
  }
  if (plan.workloads.some((w) => w.egress.some((e) => e.via === 'proxy'))) {
    params[PARAM.proxyCidr] = {
      Type: 'String',
      Description:
        'Address range of the egress proxy or firewall that allows the declared DNS names: security groups cannot match names',
      AllowedPattern: CIDR_PATTERN,
    }
  }
  const providers = [
    ...new Map(
      plan.workloads.flatMap((w) =>
        w.capacityProviderParam && w.pool ? [[w.capacityProviderParam, w.pool] as const] : [],
      ),
    ),
  ].sort(([a], [b]) => compare(a, b))
  for (const [param, pool] of providers) {
    params[param] = {
      Type: 'String',
      Description: `Name of the ECS capacity provider (Auto Scaling group of ${pool.os.name} container instances) for node pool ${pool.pool.name}`,
    }
  }
  if (publicWorkloads.length > 0) {
    params[PARAM.lbSecurityGroup] = {
      Type: 'AWS::EC2::SecurityGroup::Id',
      Description: 'Security group of the load balancer in front of the public workloads',
    }
  }
  for (const w of publicWorkloads) {
    for (const port of w.loadBalancerPorts) {
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
      SecurityGroupEgress: mergeRules([
        egressCidr('udp', 53, ref(PARAM.vpcCidr), 'DNS to the VPC resolver'),
        egressCidr('tcp', 53, ref(PARAM.vpcCidr), 'DNS over TCP to the VPC resolver'),
        ...(w.launchType === 'FARGATE'
          ? [
              egressCidr(
                'tcp',
                443,
                ref(PARAM.platformCidr),
                'HTTPS for Fargate image pulls, logs and secrets',
              ),
            ]
          : []),
        ...endpointEgress(w),
      ]),
      Tags: [
        { Key: 'Name', Value: `${plan.design.metadata.name}-${w.workload.name}` },
        { Key: 'stackwright.dev/design', Value: plan.design.metadata.name },
      ],
    },
  }
}

/** One inline egress rule per endpoint port and address block, exactly as declared. */
function endpointEgress(w: EcsWorkloadPlan): JsonObject[] {
  return w.egress.flatMap((e) => {
    const why = (to: string) => `${e.endpoint.name} ${to} (${e.path})`
    const targets: [Json, string][] =
      e.via === 'anywhere'
        ? [['0.0.0.0/0', why('0.0.0.0/0')]]
        : e.via === 'proxy'
          ? [[ref(PARAM.proxyCidr), why('by DNS name, through the egress proxy')]]
          : e.cidrs.map((c) => [c, why(c)])
    return targets.flatMap(([cidr, description]) =>
      e.ports.map((port) => egressCidr('tcp', port, cidr, description)),
    )
  })
}

/** EC2 refuses two identical rules in one group: rules to the same range and port are merged. */
function mergeRules(rules: readonly JsonObject[]): JsonObject[] {
  const byKey = new Map<string, JsonObject>()
  for (const r of rules) {
    const key = JSON.stringify([r.IpProtocol, r.FromPort, r.CidrIp, r.CidrIpv6])
    const seen = byKey.get(key)
    if (seen === undefined) byKey.set(key, r)
    else
      byKey.set(key, {
        ...seen,
        Description: `${String(seen.Description)}; ${String(r.Description)}`.slice(0, 255),
      })
  }
  return [...byKey.values()]
}

function egressCidr(protocol: string, port: number, cidr: Json, description: string): JsonObject {
  const v6 = typeof cidr === 'string' && cidr.includes(':')
  return {
    IpProtocol: protocol,
    FromPort: port,
    ToPort: port,
    [v6 ? 'CidrIpv6' : 'CidrIp']: cidr,
    Description: description.slice(0, 255),
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
  const lb = w.loadBalancerPorts.length > 0
  // A capacity provider strategy and a launch type exclude each other (ECS CreateService API).
  const capacity: JsonObject = w.capacityProviderParam
    ? { CapacityProviderStrategy: [{ CapacityProvider: ref(w.capacityProviderParam), Weight: 1 }] }
    : { LaunchType: w.launchType }
  return {
    Type: 'AWS::ECS::Service',
    DependsOn: [`${w.logicalId}LogGroup`],
    Properties: {
      Cluster: ref(PARAM.cluster),
      ServiceName: w.workload.name,
      TaskDefinition: w.family,
      ...capacity,
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
            LoadBalancers: w.loadBalancerPorts.map((port) => ({
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
