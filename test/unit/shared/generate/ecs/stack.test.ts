import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateEcs } from '../../../../../shared/generate/ecs/index'
import type { Design } from '../../../../../shared/model/schema'
import { checkTemplate } from '../../../../support/ecs-cfn-spec'
import { groupOwners, templateFlows, type Template } from '../../../../support/ecs-stack-flows'
import { expectedEndpointRules } from './endpoint-rules'
import { expectedFlows, flowKey, loadDesignFile } from '../../../../support/ecs-swarm-nomad-designs'

const DESIGN = fileURLToPath(
  new URL('../../../../fixtures/golden/ecs/design.yaml', import.meta.url),
)

function stack(design: Design): Template {
  const file = generateEcs(design, catalog).artifacts.find((a) => a.path === 'ecs/stack.cfn.json')
  if (!file) throw new Error('no stack')
  return JSON.parse(file.content) as Template
}

describe.each(['ecs-fargate', 'ecs-ec2'] as const)('CloudFormation stack on %s', (orch) => {
  const design = loadDesignFile(DESIGN, orch)
  const t = stack(design)
  const resources = Object.values(t.Resources)

  it('matches the CloudFormation resource specification', () => {
    expect(checkTemplate(t as unknown as Record<string, unknown>)).toEqual([])
  })

  it('opens exactly the declared flows, in both the ingress and the egress rules', () => {
    const expected = expectedFlows(design).map(flowKey).sort()
    const { ingress, egress } = templateFlows(t)
    expect(expected.length).toBeGreaterThan(0)
    expect(ingress.map(flowKey).sort()).toEqual(expected)
    expect(egress.map(flowKey).sort()).toEqual(expected)
  })

  it('lets the load balancer reach only the public workloads, on their ports', () => {
    const expected = design.workloads
      .filter((w) => w.exposure === 'public' && w.ports.length > 0)
      .flatMap((w) => w.ports.map((port) => flowKey({ from: 'load-balancer', to: w.name, port })))
    expect(templateFlows(t).fromLoadBalancer.map(flowKey).sort()).toEqual(expected.sort())
  })

  it('replaces the default allow-all egress with DNS, the Fargate platform and the declared endpoints', () => {
    const groups = resources.filter((r) => r.Type === 'AWS::EC2::SecurityGroup')
    expect(groups).toHaveLength(design.workloads.length)
    const owners = groupOwners(t)
    for (const [id, g] of Object.entries(t.Resources)) {
      if (g.Type !== 'AWS::EC2::SecurityGroup') continue
      const egress = g.Properties.SecurityGroupEgress as Record<string, unknown>[]
      const w = design.workloads.find((x) => x.name === owners.get(id))!
      const rules = egress.map(
        (e) =>
          `${String(e.IpProtocol)}/${String(e.FromPort)} ${JSON.stringify(e.CidrIp ?? e.CidrIpv6)}`,
      )
      expect(rules.slice(0, 2)).toEqual(['udp/53 {"Ref":"VpcCidr"}', 'tcp/53 {"Ref":"VpcCidr"}'])
      const platform = orch === 'ecs-fargate' ? ['tcp/443 {"Ref":"FargatePlatformEgressCidr"}'] : []
      expect(rules.slice(2).sort()).toEqual(
        [...platform, ...expectedEndpointRules(design, w)].sort(),
      )
      expect(egress.every((e) => e.IpProtocol === 'udp' || e.FromPort === e.ToPort)).toBe(true)
      expect(g.Properties).not.toHaveProperty('SecurityGroupIngress')
    }
    expect(JSON.stringify(t)).not.toContain('HttpsEgressCidr')
  })

  it('runs one service per workload, without public IPs, on the registered task family', () => {
    const services = resources.filter((r) => r.Type === 'AWS::ECS::Service')
    expect(services.map((s) => s.Properties.ServiceName).sort()).toEqual(
      design.workloads.map((w) => w.name).sort(),
    )
    for (const s of services) {
      const w = design.workloads.find((x) => x.name === s.Properties.ServiceName)
      // EC2 services run on their pool's capacity provider, never with a launch type as well.
      const pool = w?.os === 'windows' ? 'Windows' : 'Linux'
      expect(s.Properties).toMatchObject(
        orch === 'ecs-fargate'
          ? { LaunchType: 'FARGATE' }
          : {
              CapacityProviderStrategy: [
                { CapacityProvider: { Ref: `CapacityProvider${pool}` }, Weight: 1 },
              ],
            },
      )
      if (orch === 'ecs-ec2') expect(s.Properties).not.toHaveProperty('LaunchType')
      expect(s.Properties).toMatchObject({
        TaskDefinition: `${design.metadata.name}-${String(w?.name)}`,
        DesiredCount: w?.replicas,
        EnableExecuteCommand: false,
        NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED' } },
      })
    }
  })
})

describe('CloudFormation stack edge cases', () => {
  it('keeps rules apart when readable logical ids would collide', () => {
    const design = loadDesignFile(DESIGN, 'ecs-fargate')
    const base = design.workloads[0]!
    const clash: Design = {
      ...design,
      workloads: [
        { ...base, name: 'a-to', ports: [80], talksTo: ['b'], observes: [], exposure: 'internal' },
        { ...base, name: 'b', ports: [80], talksTo: [], observes: [], exposure: 'internal' },
        { ...base, name: 'a', ports: [80], talksTo: ['to-b'], observes: [], exposure: 'internal' },
        { ...base, name: 'to-b', ports: [80], talksTo: [], observes: [], exposure: 'internal' },
      ],
    }
    const t = stack(clash)
    expect(checkTemplate(t as unknown as Record<string, unknown>)).toEqual([])
    expect(templateFlows(t).ingress.map(flowKey).sort()).toEqual(
      expectedFlows(clash).map(flowKey).sort(),
    )
  })

  it('opens nothing when no flows are declared', () => {
    const design = loadDesignFile(DESIGN, 'ecs-ec2')
    const isolated: Design = {
      ...design,
      workloads: design.workloads.map((w) => ({
        ...w,
        talksTo: [],
        observes: [],
        exposure: 'internal' as const,
      })),
    }
    const rules = Object.values(stack(isolated).Resources).filter(
      (r) =>
        r.Type.startsWith('AWS::EC2::SecurityGroupIngress') ||
        r.Type.startsWith('AWS::EC2::SecurityGroupEgress'),
    )
    expect(rules).toEqual([])
    expect(stack(isolated).Parameters).not.toHaveProperty('LoadBalancerSecurityGroupId')
  })
})
