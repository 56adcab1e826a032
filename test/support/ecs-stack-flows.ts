// Reads back, from a generated CloudFormation template alone, which workload may reach which on which port.
import type { ExpectedFlow } from './ecs-swarm-nomad-designs'

type Resource = { Type: string; Properties: Record<string, unknown> }
export type Template = { Resources: Record<string, Resource>; Parameters: Record<string, unknown> }

function getAttTarget(value: unknown): string | undefined {
  const att = (value as { 'Fn::GetAtt'?: unknown[] } | undefined)?.['Fn::GetAtt']
  return Array.isArray(att) && att[1] === 'GroupId' ? String(att[0]) : undefined
}

/** Security group logical id -> service name, through each service's awsvpc configuration. */
export function groupOwners(t: Template): Map<string, string> {
  const owners = new Map<string, string>()
  for (const r of Object.values(t.Resources)) {
    if (r.Type !== 'AWS::ECS::Service') continue
    const cfg = (
      r.Properties.NetworkConfiguration as { AwsvpcConfiguration: { SecurityGroups: unknown[] } }
    ).AwsvpcConfiguration
    for (const sg of cfg.SecurityGroups) {
      const id = getAttTarget(sg)
      if (id) owners.set(id, String(r.Properties.ServiceName))
    }
  }
  return owners
}

/** Flows opened by ingress rules between workload groups, and those opened by egress rules. */
export function templateFlows(t: Template): {
  ingress: ExpectedFlow[]
  egress: ExpectedFlow[]
  fromLoadBalancer: ExpectedFlow[]
} {
  const owners = groupOwners(t)
  const ingress: ExpectedFlow[] = []
  const egress: ExpectedFlow[] = []
  const fromLoadBalancer: ExpectedFlow[] = []
  for (const r of Object.values(t.Resources)) {
    const p = r.Properties
    if (r.Type === 'AWS::EC2::SecurityGroupIngress') {
      if (p.IpProtocol !== 'tcp' || p.FromPort !== p.ToPort)
        throw new Error('ingress must be one TCP port')
      const to = owners.get(getAttTarget(p.GroupId) ?? '') ?? '?'
      const sourceGroup = getAttTarget(p.SourceSecurityGroupId)
      if (sourceGroup)
        ingress.push({ from: owners.get(sourceGroup) ?? '?', to, port: Number(p.FromPort) })
      else if ((p.SourceSecurityGroupId as { Ref?: string }).Ref === 'LoadBalancerSecurityGroupId')
        fromLoadBalancer.push({ from: 'load-balancer', to, port: Number(p.FromPort) })
      else throw new Error('ingress from something other than a group')
    }
    if (r.Type === 'AWS::EC2::SecurityGroupEgress') {
      if (p.IpProtocol !== 'tcp' || p.FromPort !== p.ToPort)
        throw new Error('egress must be one TCP port')
      const from = owners.get(getAttTarget(p.GroupId) ?? '') ?? '?'
      const to = owners.get(getAttTarget(p.DestinationSecurityGroupId) ?? '') ?? '?'
      egress.push({ from, to, port: Number(p.FromPort) })
    }
  }
  return { ingress, egress, fromLoadBalancer }
}
