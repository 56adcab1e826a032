// Reads back from a parsed stack file which pairs of services share a network.

export interface ComposeService {
  user?: string
  read_only?: boolean
  cap_drop?: string[]
  cap_add?: string[]
  volumes?: { type: string; target: string; source?: string }[]
  ports?: unknown[]
  networks: string[]
  deploy: {
    replicas: number
    resources: { limits: { cpus: unknown; memory: string } }
    placement: { constraints: string[] }
  }
}

export interface ComposeFile {
  services: Record<string, ComposeService>
  networks: Record<
    string,
    { driver: string; attachable: boolean; driver_opts?: { encrypted?: string } }
  >
  'x-stackwright': { design: string; title: string }
}

/** Sorted `a b` pairs (a < b) of distinct services that share at least one network. */
export function sharedPairs(doc: ComposeFile): string[] {
  const pairs = new Set<string>()
  const names = Object.keys(doc.services)
  for (const a of names) {
    for (const b of names) {
      if (a >= b) continue
      const shared = doc.services[a]?.networks.some((n) => doc.services[b]?.networks.includes(n))
      if (shared) pairs.add(`${a} ${b}`)
    }
  }
  return [...pairs].sort()
}
