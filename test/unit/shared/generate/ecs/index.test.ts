import fc from 'fast-check'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateEcs } from '../../../../../shared/generate/ecs/index'
import type { Design, Workload } from '../../../../../shared/model/schema'
import { checkTemplate } from '../../../../support/ecs-cfn-spec'
import {
  checkAgainstModel,
  REGISTER_TASK_DEFINITION_INPUT,
} from '../../../../support/ecs-sdk-model'
import { groupOwners, templateFlows, type Template } from '../../../../support/ecs-stack-flows'
import { expectedEndpointRules } from './endpoint-rules'
import { controlProblems } from '../../../../support/ecs-swarm-nomad-controls'
import {
  designArb,
  expectedFlows,
  flowKey,
  HOSTILE_TITLES,
  loadDesignFile,
} from '../../../../support/ecs-swarm-nomad-designs'
import { goldenDifferences } from '../../../../support/ecs-swarm-nomad-golden'

const GOLDEN = fileURLToPath(new URL('../../../../fixtures/golden/ecs/', import.meta.url))
const design = loadDesignFile(`${GOLDEN}design.yaml`)

const content = (d: Design, path: string) =>
  generateEcs(d, catalog).artifacts.find((a) => a.path === path)?.content ?? ''

describe('generateEcs', () => {
  it('matches the golden files', () => {
    expect(goldenDifferences(`${GOLDEN}output`, generateEcs(design, catalog).artifacts)).toEqual([])
  })

  it('is deterministic', () => {
    expect(generateEcs(design, catalog)).toEqual(generateEcs(structuredClone(design), catalog))
  })

  it('refuses a design whose orchestrator is not ECS', () => {
    const swarm = loadDesignFile(`${GOLDEN}design.yaml`, 'swarm')
    expect(() => generateEcs(swarm, catalog)).toThrow(/ECS orchestrator/)
  })

  it('traces every control to an existing field and design path', async () => {
    for (const orch of ['ecs-fargate', 'ecs-ec2'] as const) {
      const d = loadDesignFile(`${GOLDEN}design.yaml`, orch)
      const out = generateEcs(d, catalog)
      expect(out.controls.length).toBeGreaterThan(0)
      expect(await controlProblems(out, d, (_p, text) => JSON.parse(text) as unknown)).toEqual([])
    }
  })

  it('lists skipped declarations in the README', () => {
    expect(content(design, 'ecs/README.md')).toContain(
      '`workloads[5].talksTo[1]`: no workload is named "ghost"',
    )
  })

  it('generates the first of two workloads with the same name and says so', () => {
    const first = design.workloads[0]!
    const d: Design = {
      ...design,
      workloads: [first, { ...first, image: 'ghcr.io/acme/other:1.0.0' }],
    }
    const out = generateEcs(d, catalog)
    const defs = out.artifacts.filter((a) => a.path.startsWith('ecs/task-definitions/'))
    expect(defs.map((a) => a.path)).toEqual([`ecs/task-definitions/${first.name}.json`])
    expect(defs[0]?.content).toContain(first.image)
    expect(content(d, 'ecs/README.md')).toContain(
      '`workloads[1]`: a workload named "web" is already declared',
    )
  })

  it.each(HOSTILE_TITLES)('keeps the title %j inert', (title) => {
    const d: Design = { ...design, metadata: { ...design.metadata, title } }
    const out = generateEcs(d, catalog)
    const t = JSON.parse(content(d, 'ecs/stack.cfn.json')) as { Description: string }
    expect(t.Description.endsWith(title.trim())).toBe(true)
    for (const a of out.artifacts.filter((x) => x.path !== 'ecs/stack.cfn.json')) {
      if (title.length > 3) expect(a.content.includes(title)).toBe(false)
    }
    for (const a of out.artifacts.filter((x) => x.path.startsWith('ecs/task-definitions/'))) {
      expect(a.content).not.toMatch(/\$\{(?!AWS_ACCOUNT_ID\}|AWS_REGION\})/)
    }
  })

  it('produces valid, flow-exact output for arbitrary designs', async () => {
    await fc.assert(
      fc.asyncProperty(designArb('ecs-fargate'), fc.boolean(), async (arb, ec2) => {
        const d: Design = ec2
          ? { ...arb, choices: { ...arb.choices, orchestrator: 'ecs-ec2' } }
          : arb
        const out = generateEcs(d, catalog)
        const t = JSON.parse(content(d, 'ecs/stack.cfn.json')) as Template
        expect(checkTemplate(t as unknown as Record<string, unknown>)).toEqual([])
        for (const a of out.artifacts.filter((x) => x.path.startsWith('ecs/task-definitions/'))) {
          expect(checkAgainstModel(JSON.parse(a.content), REGISTER_TASK_DEFINITION_INPUT)).toEqual(
            [],
          )
        }
        const expected = expectedFlows(d).map(flowKey).sort()
        const flows = templateFlows(t)
        expect(flows.ingress.map(flowKey).sort()).toEqual(expected)
        expect(flows.egress.map(flowKey).sort()).toEqual(expected)
        // Egress beyond the tasks: DNS, the Fargate platform, and exactly the declared endpoints.
        const owners = groupOwners(t)
        const first = new Map<string, Workload>()
        for (const w of d.workloads) if (!first.has(w.name)) first.set(w.name, w)
        for (const [id, g] of Object.entries(t.Resources)) {
          if (g.Type !== 'AWS::EC2::SecurityGroup') continue
          const w = first.get(owners.get(id) ?? '')!
          const rules = (g.Properties.SecurityGroupEgress as Record<string, unknown>[])
            .slice(2)
            .map(
              (e) =>
                `${String(e.IpProtocol)}/${String(e.FromPort)} ${JSON.stringify(e.CidrIp ?? e.CidrIpv6)}`,
            )
            .filter((r) => r !== 'tcp/443 {"Ref":"FargatePlatformEgressCidr"}')
          expect(rules.sort()).toEqual(expectedEndpointRules(d, w).sort())
        }
        const internetIngress = d.endpoints.some(
          (e) => e.kind === 'internet' && e.ingress === 'load-balancer',
        )
        if (!internetIngress) expect(flows.fromLoadBalancer).toEqual([])
        for (const w of first.values()) {
          const td = JSON.parse(content(d, `ecs/task-definitions/${w.name}.json`)) as {
            taskRoleArn?: string
            containerDefinitions: { privileged?: boolean }[]
          }
          expect(td.taskRoleArn !== undefined).toBe(w.identity.cloudRole !== undefined)
          if (td.containerDefinitions[0]?.privileged === true)
            expect(w.needs.privileged && w.needs.justification !== undefined).toBe(true)
        }
        expect(await controlProblems(out, d, (_p, text) => JSON.parse(text) as unknown)).toEqual([])
      }),
      { numRuns: 60 },
    )
  }, 60_000)
})
