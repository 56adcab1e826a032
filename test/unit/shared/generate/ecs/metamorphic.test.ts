// Metamorphic tests: change one thing in the design, check the output moves in that direction only.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateEcs } from '../../../../../shared/generate/ecs/index'
import type { Design, Endpoint, Workload } from '../../../../../shared/model/schema'
import type { Template } from '../../../../support/ecs-stack-flows'
import { loadDesignFile } from '../../../../support/ecs-swarm-nomad-designs'

const DESIGN = fileURLToPath(
  new URL('../../../../fixtures/golden/ecs/design.yaml', import.meta.url),
)
const base = loadDesignFile(DESIGN)
const ec2 = loadDesignFile(DESIGN, 'ecs-ec2')

type Rule = Record<string, unknown>
type TaskDefinition = {
  taskRoleArn?: string
  pidMode?: string
  runtimePlatform: { operatingSystemFamily: string }
  volumes?: { name: string; host?: { sourcePath: string } }[]
  containerDefinitions: { privileged?: boolean; mountPoints?: { containerPath: string }[] }[]
}

function files(d: Design): Map<string, string> {
  return new Map(generateEcs(d, catalog).artifacts.map((a) => [a.path, a.content]))
}
const stack = (d: Design) => JSON.parse(files(d).get('ecs/stack.cfn.json') ?? '{}') as Template
const task = (d: Design, name: string) =>
  JSON.parse(files(d).get(`ecs/task-definitions/${name}.json`) ?? '{}') as TaskDefinition
const readme = (d: Design) => files(d).get('ecs/README.md') ?? ''

/** The inline egress rules of each workload's group, by group logical id. */
function egressByGroup(t: Template): Map<string, Rule[]> {
  return new Map(
    Object.entries(t.Resources)
      .filter(([, r]) => r.Type === 'AWS::EC2::SecurityGroup')
      .map(([id, r]) => [id, r.Properties.SecurityGroupEgress as Rule[]]),
  )
}

function withWorkload(d: Design, name: string, change: (w: Workload) => Workload): Design {
  return { ...d, workloads: d.workloads.map((w) => (w.name === name ? change(w) : w)) }
}

function withEndpoint(d: Design, endpoint: Endpoint, from: string): Design {
  return withWorkload({ ...d, endpoints: [...d.endpoints, endpoint] }, from, (w) => ({
    ...w,
    talksTo: [...w.talksTo, endpoint.name],
  }))
}

const endpoint = (e: Partial<Endpoint> & Pick<Endpoint, 'name' | 'kind'>): Endpoint => ({
  ingress: 'none',
  hosts: [],
  cidrs: [],
  ports: [443],
  services: [],
  ...e,
})

/** Rules in `after` that are not in `before`, per group; groups that lost rules are reported too. */
function addedRules(before: Template, after: Template): Map<string, Rule[]> {
  const a = egressByGroup(before)
  const out = new Map<string, Rule[]>()
  for (const [id, rules] of egressByGroup(after)) {
    const old = (a.get(id) ?? []).map((r) => JSON.stringify(r))
    const added = rules.filter((r) => !old.includes(JSON.stringify(r)))
    const kept = rules.filter((r) => old.includes(JSON.stringify(r)))
    if (kept.length !== old.length) out.set(`${id} lost rules`, [])
    if (added.length > 0) out.set(id, added)
  }
  return out
}

describe('ECS metamorphic properties', () => {
  it('adding an external endpoint with a CIDR adds exactly one egress rule, with that CIDR and port', () => {
    const after = withEndpoint(
      base,
      endpoint({ name: 'ledger', kind: 'external', cidrs: ['198.51.100.0/24'], ports: [6443] }),
      'db',
    )
    const added = addedRules(stack(base), stack(after))
    expect([...added.keys()]).toEqual(['DbSecurityGroup'])
    expect(added.get('DbSecurityGroup')).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 6443,
        ToPort: 6443,
        CidrIp: '198.51.100.0/24',
      }),
    ])
  })

  it('adding an endpoint by DNS name adds one rule to the egress proxy range, never a CIDR of its own', () => {
    const before = withWorkload(base, 'api', (w) => ({
      ...w,
      talksTo: w.talksTo.filter((t) => t !== 'fraud-api' && t !== 'aws'),
    }))
    expect(stack(before).Parameters).not.toHaveProperty('EgressProxyCidr')
    const after = withEndpoint(
      before,
      endpoint({ name: 'tax', kind: 'external', hosts: ['api.tax.example'], ports: [8443] }),
      'api',
    )
    const added = addedRules(stack(before), stack(after))
    expect(added.get('ApiSecurityGroup')).toEqual([
      expect.objectContaining({ FromPort: 8443, CidrIp: { Ref: 'EgressProxyCidr' } }),
    ])
    expect([...added.keys()]).toEqual(['ApiSecurityGroup'])
    expect(stack(after).Parameters).toHaveProperty('EgressProxyCidr')
    expect(readme(after)).toContain('Security groups match addresses, not DNS names')
  })

  it('removing a talksTo to an endpoint removes its rules and nothing else', () => {
    const after = withWorkload(base, 'plugin-runner', (w) => ({
      ...w,
      talksTo: w.talksTo.filter((t) => t !== 'internet'),
    }))
    const before = egressByGroup(stack(base)).get('PluginRunnerSecurityGroup') ?? []
    const now = egressByGroup(stack(after)).get('PluginRunnerSecurityGroup') ?? []
    expect(before.filter((r) => r.CidrIp === '0.0.0.0/0')).toHaveLength(1)
    expect(now.some((r) => r.CidrIp === '0.0.0.0/0')).toBe(false)
    expect(now).toEqual(before.filter((r) => r.CidrIp !== '0.0.0.0/0'))
  })

  it('removing cloudRole removes taskRoleArn; adding one adds exactly that role', () => {
    expect(task(base, 'api').taskRoleArn).toBe('arn:aws:iam::111122223333:role/payments-api')
    const without = withWorkload(base, 'api', (w) => ({
      ...w,
      identity: { ...w.identity, cloudRole: undefined },
    }))
    expect(task(without, 'api')).not.toHaveProperty('taskRoleArn')
    expect(task(without, 'web')).toEqual(task(base, 'web'))
    const added = withWorkload(base, 'web', (w) => ({
      ...w,
      identity: { ...w.identity, cloudRole: 'web-reader' },
    }))
    expect(task(added, 'web').taskRoleArn).toBe('arn:aws:iam::${AWS_ACCOUNT_ID}:role/web-reader')
  })

  it('only an internet endpoint with a load balancer opens ingress from the load balancer group', () => {
    const lbRules = (t: Template) =>
      Object.values(t.Resources).filter(
        (r) =>
          r.Type === 'AWS::EC2::SecurityGroupIngress' &&
          (r.Properties.SourceSecurityGroupId as { Ref?: string }).Ref ===
            'LoadBalancerSecurityGroupId',
      )
    expect(lbRules(stack(base))).toHaveLength(1)
    for (const ingress of ['none', 'ingress-controller'] as const) {
      const d: Design = {
        ...base,
        endpoints: base.endpoints.map((e) => (e.kind === 'internet' ? { ...e, ingress } : e)),
      }
      expect(lbRules(stack(d))).toEqual([])
      expect(stack(d).Parameters).not.toHaveProperty('LoadBalancerSecurityGroupId')
    }
  })

  it('grants a host exception only to the workload that declares it with a justification', () => {
    expect(task(ec2, 'metrics-agent').pidMode).toBe('host')
    expect(task(ec2, 'metrics-agent').volumes).toEqual([
      { name: 'host-0', host: { sourcePath: '/proc' } },
    ])
    expect(readme(ec2)).toContain('`metrics-agent` is an exception, granted because')
    const unjustified = withWorkload(ec2, 'metrics-agent', (w) => ({
      ...w,
      needs: { ...w.needs, justification: undefined },
    }))
    const td = task(unjustified, 'metrics-agent')
    expect(td).not.toHaveProperty('pidMode')
    expect(td).not.toHaveProperty('volumes')
    expect(readme(unjustified)).toContain('the workload gives no `needs.justification`')
    for (const other of ['web', 'api', 'db', 'plugin-runner'])
      expect(task(unjustified, other)).toEqual(task(ec2, other))
    // Fargate cannot grant it at all, justified or not.
    expect(task(base, 'metrics-agent')).not.toHaveProperty('pidMode')
    expect(task(base, 'metrics-agent')).not.toHaveProperty('volumes')
  })

  it('privileged mode appears only on EC2, only for the justified workload that asks', () => {
    const asks = withWorkload(ec2, 'db', (w) => ({
      ...w,
      needs: { ...w.needs, privileged: true, justification: 'Loads a kernel module.' },
    }))
    expect(task(asks, 'db').containerDefinitions[0]?.privileged).toBe(true)
    expect(task(asks, 'web').containerDefinitions[0]?.privileged).toBe(false)
    expect(task(ec2, 'db').containerDefinitions[0]?.privileged).toBe(false)
  })

  it('moving a workload to the Windows pool makes its task a Windows task on that pool', () => {
    const moved = withWorkload(ec2, 'plugin-runner', (w) => ({
      ...w,
      os: 'windows',
      pool: 'windows',
    }))
    expect(task(moved, 'plugin-runner').runtimePlatform.operatingSystemFamily).toBe(
      'WINDOWS_SERVER_2022_CORE',
    )
    const service = Object.values(stack(moved).Resources).find(
      (r) => r.Type === 'AWS::ECS::Service' && r.Properties.ServiceName === 'plugin-runner',
    )
    expect(service?.Properties.CapacityProviderStrategy).toEqual([
      { CapacityProvider: { Ref: 'CapacityProviderWindows' }, Weight: 1 },
    ])
  })

  it('says plainly that orchestrator API access has no ECS equivalent, and generates nothing for it', () => {
    const without = withWorkload(base, 'plugin-runner', (w) => ({
      ...w,
      identity: { ...w.identity, orchestratorApi: [] },
    }))
    expect(readme(base)).toContain(
      'ECS has no Kubernetes-style RBAC, so nothing is generated for it',
    )
    expect(readme(without)).not.toContain('Kubernetes-style RBAC')
    const a = files(base)
    const b = files(without)
    for (const [path, content] of a) if (path !== 'ecs/README.md') expect(b.get(path)).toBe(content)
  })
})
