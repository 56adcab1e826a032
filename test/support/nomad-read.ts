// Reads back a generated Nomad job and Consul intentions (parsed by hcl2json) into plain facts.
import type { GeneratorOutput } from '../../shared/generate/types'
import type { Design } from '../../shared/model/schema'
import { expectedFlows } from './ecs-swarm-nomad-designs'
import { all, one, parseHcl } from './nomad-hcl'

export interface GroupFacts {
  readonly body: Record<string, unknown>
  readonly task: Record<string, unknown>
  readonly config: Record<string, unknown>
  /** Consul services of the group: name, whether Connect-enabled, upstream destination names. */
  readonly services: {
    name: string
    connect: boolean
    port: unknown
    upstreams: { destination: string; port: number }[]
  }[]
}

export interface NomadFacts {
  readonly jobs: string[]
  readonly job: Record<string, unknown>
  readonly groups: Map<string, GroupFacts>
  /** `source -> destination service` pairs allowed by the allow-*.hcl entries. */
  readonly allowed: string[]
  readonly denyAll: Record<string, unknown>
}

/** Parses every HCL artifact of the output (so a syntax error anywhere fails) and extracts the facts. */
export async function readNomad(out: GeneratorOutput): Promise<NomadFacts> {
  const jobFile = out.artifacts.find((a) => a.path.endsWith('.nomad.hcl'))
  if (!jobFile) throw new Error('no job file')
  const parsed = await parseHcl(jobFile.content, jobFile.path)
  const jobs = Object.keys(parsed.job as Record<string, unknown>)
  const job = one(parsed, 'job', jobs[0])
  const groups = new Map<string, GroupFacts>()
  for (const [name, bodies] of Object.entries((job.group ?? {}) as Record<string, unknown[]>)) {
    if (bodies.length !== 1) throw new Error(`group ${name} declared ${bodies.length} times`)
    const body = bodies[0] as Record<string, unknown>
    const task = one(body, 'task', name)
    const services = all(body, 'service').map((s) => {
      const connect = all(s, 'connect')
      const proxy = connect
        .flatMap((c) => all(c, 'sidecar_service'))
        .flatMap((ss) => all(ss, 'proxy'))
      return {
        name: String(s.name),
        connect: connect.length > 0,
        port: s.port,
        upstreams: proxy
          .flatMap((p) => all(p, 'upstreams'))
          .map((u) => ({
            destination: String(u.destination_name),
            port: Number(u.local_bind_port),
          })),
      }
    })
    groups.set(name, { body, task, config: one(task, 'config'), services })
  }
  const allowed: string[] = []
  let denyAll: Record<string, unknown> = {}
  for (const a of out.artifacts.filter((x) => x.path.startsWith('nomad/intentions/'))) {
    const entry = await parseHcl(a.content, a.path)
    if (entry.Kind !== 'service-intentions')
      throw new Error(`${a.path}: not a service-intentions entry`)
    if (a.path.endsWith('/deny-all.hcl')) {
      denyAll = entry
      continue
    }
    for (const s of entry.Sources as { Name: string; Action: string }[]) {
      if (s.Action !== 'allow') throw new Error(`${a.path}: ${s.Action}`)
      allowed.push(`${s.Name} -> ${String(entry.Name)}`)
    }
  }
  return { jobs, job, groups, allowed: allowed.sort(), denyAll }
}

/** Allowed pairs the design asks for: Linux to Linux, onto every port-carrying service of the target. */
export function expectedIntentions(design: Design, facts: NomadFacts): string[] {
  const windows = new Set(design.workloads.filter((w) => w.os === 'windows').map((w) => w.name))
  const pairs = new Set(
    expectedFlows(design)
      .filter((f) => !windows.has(f.from) && !windows.has(f.to))
      .map((f) => `${f.from} ${f.to}`),
  )
  return [...pairs]
    .flatMap((pair) => {
      const [from = '', to = ''] = pair.split(' ')
      const services =
        facts.groups.get(to)?.services.filter((s) => s.connect && s.port !== undefined) ?? []
      return services.map((s) => `${from} -> ${s.name}`)
    })
    .sort()
}
