// The egress rules a workload's security group must carry for its endpoints, worked out from the
// design alone: `protocol/port destination` strings, one per distinct (port, destination).
import type { Design, Workload } from '../../../../../shared/model/schema'

/** Internet endpoints open 0.0.0.0/0, address blocks open themselves, DNS names go to the proxy range. */
export function expectedEndpointRules(design: Design, w: Workload): string[] {
  const rules = new Set<string>()
  for (const name of w.talksTo) {
    if (design.workloads.some((x) => x.name === name)) continue
    const e = design.endpoints.find((x) => x.name === name)
    if (!e || e.kind === 'orchestrator-api') continue
    const targets =
      e.kind === 'internet'
        ? ['"0.0.0.0/0"']
        : [
            ...e.cidrs.map((c) => JSON.stringify(c)),
            ...(e.hosts.length > 0 || e.cidrs.length === 0 ? ['{"Ref":"EgressProxyCidr"}'] : []),
          ]
    for (const target of targets) for (const port of e.ports) rules.add(`tcp/${port} ${target}`)
  }
  return [...rules]
}
