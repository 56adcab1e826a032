// A synthetic large design for the benchmark: many teams, each a chain of services, chains linked.
import type { Design } from '../../shared/model/schema'
import type { DesignInputV1 as DesignInput } from '../../shared/model/schema-v1'
import { designFromV1 } from '../../shared/model/migrate-v1'

/**
 * `workloads` services across `teams` teams. In each team every service talks to the next one; the last
 * service of a team talks to the first of the next team, so flows cross namespaces. One service per team is
 * public, every fifth writes to /tmp, and one monitoring agent per team observes its first three services.
 */
export function largeDesign(workloads = 1000, teams = 20): Design {
  const perTeam = Math.ceil(workloads / teams)
  const name = (team: number, i: number) => `t${team}-svc-${i}`
  const list: NonNullable<DesignInput['workloads']> = []
  for (let team = 0; team < teams; team++) {
    const size = Math.min(perTeam, workloads - team * perTeam)
    for (let i = 0; i < size; i++) {
      const isAgent = i === size - 1 && size > 3
      const next = i + 1 < size - 1 ? name(team, i + 1) : name((team + 1) % teams, 0)
      list.push({
        name: name(team, i),
        image: `registry.example.com/team-${team}/svc-${i}:1.0.${i}`,
        team: `team-${team}`,
        replicas: 1 + (i % 3),
        ports: [8000 + (i % 100)],
        exposure: i === 0 ? 'public' : 'internal',
        ...(isAgent
          ? { role: 'monitoring', observes: [name(team, 0), name(team, 1), name(team, 2)] }
          : { talksTo: [next] }),
        needs: i % 5 === 0 ? { writablePaths: ['/tmp'] } : {},
      })
    }
  }
  return designFromV1({
    apiVersion: 'stackwright.dev/v1',
    kind: 'Design',
    metadata: { name: 'bench-large', title: `${workloads} workloads across ${teams} teams` },
    context: {
      cloud: 'on-prem',
      nodes: 200,
      requirements: { multiTenant: true, compliance: ['soc2'] },
    },
    choices: {
      orchestrator: 'kubernetes',
      runtime: 'containerd',
      os: 'flatcar',
      plugins: ['cilium', 'kyverno', 'falco', 'external-secrets', 'prometheus'],
    },
    isolation: { podSecurity: 'restricted', namespaces: 'per-team', network: 'default-deny' },
    workloads: list,
  } satisfies DesignInput)
}
