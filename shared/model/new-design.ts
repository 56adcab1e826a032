// A fresh design, as the app's "New design" and the CLI's `init` create it.
import { quote } from './errors'
import { API_VERSION_V2, designSchema } from './schema'
import type { Design } from './schema'

/**
 * The default orchestrator (self-managed Kubernetes) has no managed control plane, so a new design
 * starts with a control-plane pool beside its workers; both run Ubuntu with containerd.
 */
const STARTER_POOLS = [
  { name: 'control-plane', role: 'control-plane', os: 'ubuntu', runtime: 'containerd', size: 3 },
  { name: 'workers', role: 'workers', os: 'ubuntu', runtime: 'containerd', size: 3 },
] as const

/**
 * A valid, buildable empty design: defaults filled in, node pools to run on and a policy-enforcing CNI chosen. Throws when `name` is not a DNS-1123
 * label or the title is too long: callers validate user input with `dnsLabel` first.
 */
export function newDesign(name: string, title = ''): Design {
  const result = designSchema.safeParse({
    apiVersion: API_VERSION_V2,
    kind: 'Design',
    metadata: { name, title },
    // Default-deny needs a CNI that enforces NetworkPolicy, so a new design starts buildable.
    choices: { plugins: ['cilium'] },
    nodePools: STARTER_POOLS.map((pool) => ({ ...pool })),
  })
  if (!result.success) {
    const reason = result.error.issues[0]?.message ?? 'invalid'
    throw new Error(`cannot create a design named ${quote(name)}: ${reason}`)
  }
  return result.data
}
