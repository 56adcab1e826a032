import {
  Compatibility,
  CPUArchitecture,
  LogDriver,
  NetworkMode,
  OSFamily,
  TransportProtocol,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../../shared/catalog/index'
import { generateEcs } from '../../../../../shared/generate/ecs/index'
import { planEcs } from '../../../../../shared/generate/ecs/plan'
import { buildTaskDefinition } from '../../../../../shared/generate/ecs/task-definition'
import type { Design } from '../../../../../shared/model/schema'
import {
  checkAgainstModel,
  REGISTER_TASK_DEFINITION_INPUT,
} from '../../../../support/ecs-sdk-model'
import { loadDesignFile } from '../../../../support/ecs-swarm-nomad-designs'

const DESIGN = fileURLToPath(
  new URL('../../../../fixtures/golden/ecs/design.yaml', import.meta.url),
)
type LaunchOrchestrator = 'ecs-fargate' | 'ecs-ec2'

function taskDefinitions(design: Design): Map<string, RegisterTaskDefinitionCommandInput> {
  const out = generateEcs(design, catalog)
  return new Map(
    out.artifacts
      .filter((a) => a.path.startsWith('ecs/task-definitions/'))
      .map((a) => [
        a.path.replace('ecs/task-definitions/', '').replace('.json', ''),
        JSON.parse(a.content) as RegisterTaskDefinitionCommandInput,
      ]),
  )
}

function readme(design: Design): string {
  return (
    generateEcs(design, catalog).artifacts.find((a) => a.path === 'ecs/README.md')?.content ?? ''
  )
}

describe.each<LaunchOrchestrator>(['ecs-fargate', 'ecs-ec2'])('task definitions on %s', (orch) => {
  const design = loadDesignFile(DESIGN, orch)
  const defs = taskDefinitions(design)
  const container = (name: string) => {
    const c = defs.get(name)?.containerDefinitions?.[0]
    if (!c) throw new Error(`no container for ${name}`)
    return c
  }

  it('writes one task definition per workload', () => {
    expect([...defs.keys()].sort()).toEqual(design.workloads.map((w) => w.name).sort())
  })

  it('fits the RegisterTaskDefinition input model of the ECS API', () => {
    for (const [name, td] of defs) {
      expect(checkAgainstModel(td, REGISTER_TASK_DEFINITION_INPUT), name).toEqual([])
    }
  })

  it('is assignable to the SDK input type when built in code', () => {
    const plan = planEcs(design, catalog)
    for (const w of plan.workloads) {
      const typed: RegisterTaskDefinitionCommandInput = buildTaskDefinition(plan, w)
      expect(checkAgainstModel(typed, REGISTER_TASK_DEFINITION_INPUT)).toEqual([])
    }
  })

  it('uses only values of the API enums', () => {
    for (const td of defs.values()) {
      expect(Object.values(NetworkMode)).toContain(td.networkMode)
      for (const c of td.requiresCompatibilities ?? [])
        expect(Object.values(Compatibility)).toContain(c)
      expect(Object.values(OSFamily)).toContain(td.runtimePlatform?.operatingSystemFamily)
      expect(Object.values(CPUArchitecture)).toContain(td.runtimePlatform?.cpuArchitecture)
      for (const c of td.containerDefinitions ?? []) {
        expect(Object.values(LogDriver)).toContain(c.logConfiguration?.logDriver)
        for (const p of c.portMappings ?? [])
          expect(Object.values(TransportProtocol)).toContain(p.protocol)
      }
    }
  })

  it('gives every task awsvpc, its launch type, its own roles and an essential container', () => {
    for (const [name, td] of defs) {
      const w = design.workloads.find((x) => x.name === name)!
      expect(td.networkMode).toBe('awsvpc')
      expect(td.requiresCompatibilities).toEqual([orch === 'ecs-fargate' ? 'FARGATE' : 'EC2'])
      expect(td.family).toBe(`${design.metadata.name}-${name}`)
      const role = w.identity.cloudRole
      if (role === undefined) expect(td).not.toHaveProperty('taskRoleArn')
      else
        expect(td.taskRoleArn).toBe(
          role.startsWith('arn:') ? role : `arn:aws:iam::\${AWS_ACCOUNT_ID}:role/${role}`,
        )
      expect(td.executionRoleArn).toBe(
        `arn:aws:iam::\${AWS_ACCOUNT_ID}:role/${design.metadata.name}-${name}-execution`,
      )
      expect(td.containerDefinitions).toHaveLength(1)
      expect(container(name).essential).toBe(true)
      expect(container(name).logConfiguration?.options?.['awslogs-group']).toBe(
        `/stackwright/${design.metadata.name}/${name}`,
      )
    }
  })

  it('hardens every Linux container: non-root, read-only root, all capabilities dropped', () => {
    for (const w of design.workloads.filter((x) => x.os === 'linux')) {
      const c = container(w.name)
      expect(c.user).toBe('10001:10001')
      expect(c.readonlyRootFilesystem).toBe(true)
      expect(c.linuxParameters?.capabilities?.drop).toEqual(['ALL'])
      expect(c.linuxParameters?.initProcessEnabled).toBe(true)
      const added = c.linuxParameters?.capabilities?.add ?? []
      for (const cap of added) expect(w.needs.capabilities).toContain(cap)
      if (orch === 'ecs-fargate') {
        expect(added.every((cap) => cap === 'SYS_PTRACE')).toBe(true)
        expect(c).not.toHaveProperty('privileged')
        expect(c).not.toHaveProperty('dockerSecurityOptions')
      } else {
        expect([...added].sort()).toEqual([...w.needs.capabilities].sort())
        expect(c.privileged).toBe(false)
        expect(c.dockerSecurityOptions).toEqual(['no-new-privileges'])
      }
    }
  })

  it('mounts exactly the declared writable paths on task volumes', () => {
    for (const w of design.workloads.filter((x) => x.os === 'linux')) {
      const td = defs.get(w.name)
      const mounts = (container(w.name).mountPoints ?? []).filter((m) =>
        m.sourceVolume?.startsWith('writable-'),
      )
      expect(mounts.map((m) => m.containerPath)).toEqual(w.needs.writablePaths)
      const volumes = new Set((td?.volumes ?? []).map((v) => v.name))
      for (const m of mounts) {
        expect(volumes.has(m.sourceVolume)).toBe(true)
        expect(m.readOnly).toBe(false)
      }
    }
  })

  it('leaves Linux-only fields off Windows containers and says so in the README', () => {
    const windows = design.workloads.filter((x) => x.os === 'windows')
    expect(windows.length).toBeGreaterThan(0)
    for (const w of windows) {
      const c = container(w.name)
      expect(defs.get(w.name)?.runtimePlatform?.operatingSystemFamily).toBe(
        'WINDOWS_SERVER_2022_CORE',
      )
      expect(c).not.toHaveProperty('user')
      expect(c).not.toHaveProperty('readonlyRootFilesystem')
      expect(c).not.toHaveProperty('linuxParameters')
      expect(c).not.toHaveProperty('privileged')
      expect(readme(design)).toContain(`\`${w.name}\` (Windows): no \`user\``)
    }
  })
})

describe('Fargate-specific limits', () => {
  const design = loadDesignFile(DESIGN, 'ecs-fargate')

  it('records each declared capability Fargate cannot add', () => {
    const text = readme(design)
    for (const w of design.workloads.filter((x) => x.os === 'linux')) {
      for (const cap of w.needs.capabilities.filter((c) => c !== 'SYS_PTRACE')) {
        expect(text).toMatch(new RegExp(`\`${w.name}\`: declared capabilities [^\\n]*\`${cap}\``))
      }
    }
  })

  it('sizes tasks for Fargate even when the request is smaller than any size', () => {
    const defs = taskDefinitions(design)
    expect(defs.get('db')).toMatchObject({ cpu: '256', memory: '512' })
    expect(defs.get('web')).toMatchObject({ cpu: '512', memory: '1024' })
    expect(defs.get('legacy')).toMatchObject({ cpu: '1024', memory: '2048' })
  })

  it('keeps IAM role names within 64 characters for long names', () => {
    const long = loadDesignFile(DESIGN, 'ecs-fargate')
    const name = 'a'.repeat(60)
    const d: Design = {
      ...long,
      metadata: { ...long.metadata, name },
      workloads: [{ ...long.workloads[0]!, name: 'b'.repeat(60) }],
    }
    const td = [...taskDefinitions(d).values()][0]
    const roleName = (arn: string | undefined) => (arn ?? '').split(':role/')[1] ?? ''
    expect(roleName(td?.taskRoleArn).length).toBeLessThanOrEqual(64)
    expect(roleName(td?.executionRoleArn).length).toBeLessThanOrEqual(64)
    expect(roleName(td?.taskRoleArn)).not.toBe(roleName(td?.executionRoleArn))
  })
})
