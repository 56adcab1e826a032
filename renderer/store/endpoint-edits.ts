// Pure edits of the design's endpoints (traffic to and from outside the platform), keeping the
// workloads' `talksTo` pointing at real names.
import type { Design, Endpoint } from '../../shared/model/schema'
import { endpointSchema } from '../../shared/model/schema'

export type EndpointKind = Endpoint['kind']

const BASE_NAME: Readonly<Record<EndpointKind, string>> = {
  internet: 'internet',
  external: 'external-api',
  'cloud-api': 'cloud-api',
  'orchestrator-api': 'orchestrator-api',
}

/** A name no workload or endpoint uses yet (they share one namespace of flow targets). */
export function freshEndpointName(design: Design, kind: EndpointKind): string {
  const taken = new Set([
    ...design.workloads.map((w) => w.name),
    ...design.endpoints.map((e) => e.name),
  ])
  const wanted = BASE_NAME[kind]
  let name = wanted
  for (let n = 2; taken.has(name); n++) name = `${wanted}-${n}`
  return name
}

/** A new endpoint of a kind with fields that fit it (an external one needs an address to be valid). */
export function newEndpoint(design: Design, kind: EndpointKind): Endpoint {
  return endpointSchema.parse({
    name: freshEndpointName(design, kind),
    kind,
    ingress: kind === 'internet' ? 'load-balancer' : 'none',
    hosts: kind === 'external' ? ['api.example.com'] : [],
  })
}

/** The design with a new endpoint at the end. */
export function withEndpointAdded(design: Design, kind: EndpointKind): Design {
  return { ...design, endpoints: [...design.endpoints, newEndpoint(design, kind)] }
}

/** The design with one endpoint changed; a rename carries the flows that name it along. */
export function withEndpointUpdated(
  design: Design,
  index: number,
  patch: Partial<Endpoint>,
): Design {
  const current = design.endpoints[index]
  if (!current) return design
  let updated: Endpoint = { ...current, ...patch }
  // Only internet endpoints have ingress, and they take no addresses: keep the kind's shape.
  if (patch.kind !== undefined && patch.kind !== current.kind) {
    updated = {
      ...updated,
      ingress: updated.kind === 'internet' ? 'load-balancer' : 'none',
      ...(updated.kind === 'internet' || updated.kind === 'orchestrator-api'
        ? { hosts: [], cidrs: [] }
        : {}),
      ...(updated.kind === 'external' && updated.hosts.length + updated.cidrs.length === 0
        ? { hosts: ['api.example.com'] }
        : {}),
    }
  }
  const endpoints = design.endpoints.map((e, i) => (i === index ? updated : e))
  const from = current.name
  const to = updated.name
  const uses = (name: string) =>
    design.endpoints.filter((e) => e.name === name).length +
    design.workloads.filter((w) => w.name === name).length
  if (from === to || uses(from) !== 1 || uses(to) !== 0) return { ...design, endpoints }
  return {
    ...design,
    endpoints,
    workloads: design.workloads.map((w) =>
      w.talksTo.includes(from) ? { ...w, talksTo: w.talksTo.map((t) => (t === from ? to : t)) } : w,
    ),
  }
}

/** The design without one endpoint, and without the flows that named it. */
export function withEndpointRemoved(design: Design, index: number): Design {
  const removed = design.endpoints[index]
  if (!removed) return design
  const endpoints = design.endpoints.filter((_, i) => i !== index)
  const stillNamed =
    endpoints.some((e) => e.name === removed.name) ||
    design.workloads.some((w) => w.name === removed.name)
  if (stillNamed) return { ...design, endpoints }
  return {
    ...design,
    endpoints,
    workloads: design.workloads.map((w) =>
      w.talksTo.includes(removed.name)
        ? { ...w, talksTo: w.talksTo.filter((t) => t !== removed.name) }
        : w,
    ),
  }
}
