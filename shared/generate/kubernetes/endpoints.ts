// Traffic to and from the outside: which endpoints each workload reaches, how public workloads are
// reached, and the address ranges and cloud API names those rules use.
import type { Cloud } from '../../catalog/types'
import type { Design, Endpoint, Workload } from '../../model/schema'
import type { EndpointEgress, PublicIngress } from './types'

/** Private, shared, link-local (cloud metadata) and loopback IPv4 ranges: never "the internet". */
export const PRIVATE_V4: readonly string[] = [
  '10.0.0.0/8', // RFC 1918
  '100.64.0.0/10', // RFC 6598 shared address space (pod ranges of some CNIs)
  '127.0.0.0/8',
  '169.254.0.0/16', // link-local, including the cloud instance metadata service
  '172.16.0.0/12', // RFC 1918
  '192.168.0.0/16', // RFC 1918
]

/** Unique-local (RFC 4193), link-local and loopback IPv6 ranges. */
export const PRIVATE_V6: readonly string[] = ['::1/128', 'fc00::/7', 'fe80::/10']

/**
 * The DNS names a `cloud-api` endpoint without `hosts` stands for: the cloud's API domains (AWS service
 * endpoints `<service>.<region>.amazonaws.com`; Google APIs `*.googleapis.com`; Azure Resource Manager
 * `management.azure.com`, data planes under `azure.net`/`windows.net`, and Microsoft Entra token issuance
 * at `login.microsoftonline.com`, which workload identity needs). `*.` matches one or more labels.
 */
export const CLOUD_API_HOSTS: Readonly<Partial<Record<Cloud, readonly string[]>>> = {
  aws: ['*.amazonaws.com'],
  gcp: ['*.googleapis.com'],
  azure: ['*.azure.com', '*.azure.net', '*.windows.net', 'login.microsoftonline.com'],
}

/** The DNS names an endpoint is reached at (a cloud-api endpoint defaults to its cloud's API domains). */
export function endpointHosts(endpoint: Endpoint, cloud: Cloud | undefined): readonly string[] {
  if (endpoint.hosts.length > 0 || endpoint.kind !== 'cloud-api') return endpoint.hosts
  if (endpoint.cidrs.length > 0) return []
  return cloud === undefined ? [] : (CLOUD_API_HOSTS[cloud] ?? [])
}

/** The cloud whose APIs a design's cloud-api endpoints reach: the platform's, else the design's. */
export function cloudOf(design: Design, platformCloud: Cloud | undefined): Cloud | undefined {
  if (platformCloud !== undefined) return platformCloud
  const cloud = design.context.cloud
  return cloud === 'on-prem' || cloud === 'hybrid' ? undefined : cloud
}

/** The endpoints (other than the orchestrator API) a workload opens connections to, with their paths. */
export function endpointEgress(
  design: Design,
  workload: Workload,
  index: number,
): EndpointEgress[] {
  const byName = new Map(design.endpoints.map((e) => [e.name, e]))
  return workload.talksTo.flatMap((name, k) => {
    const endpoint = byName.get(name)
    if (endpoint === undefined || endpoint.kind === 'orchestrator-api') return []
    return [{ endpoint, path: `workloads[${index}].talksTo[${k}]` }]
  })
}

/** The design paths that make a workload reach the API server (an orchestrator-api flow or API access). */
export function apiServerPaths(design: Design, workload: Workload, index: number): string[] {
  const api = new Set(
    design.endpoints.filter((e) => e.kind === 'orchestrator-api').map((e) => e.name),
  )
  return [
    ...workload.talksTo.flatMap((name, k) =>
      api.has(name) ? [`workloads[${index}].talksTo[${k}]`] : [],
    ),
    ...(workload.identity.orchestratorApi.length > 0
      ? [`workloads[${index}].identity.orchestratorApi`]
      : []),
  ]
}

/** How internet traffic reaches a public workload: the first internet endpoint that brings it in. */
export function publicIngressOf(design: Design, workload: Workload): PublicIngress {
  if (workload.exposure !== 'public' || workload.ports.length === 0) return 'none'
  const entry = design.endpoints.find((e) => e.kind === 'internet' && e.ingress !== 'none')
  return entry?.ingress ?? 'none'
}

/** The Cilium `toFQDNs` selector for a design host: `*.` (one or more labels) becomes `**.`. */
export function fqdnSelector(host: string): { matchName: string } | { matchPattern: string } {
  return host.startsWith('*.') ? { matchPattern: `*${host}` } : { matchName: host }
}
