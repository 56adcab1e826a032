// Consul service-intentions config entries: deny everything, then allow exactly the declared flows.
import { compare } from '../../util/declared-flows'
import { attr, render } from './hcl'
import type { NomadPlan } from './plan'

/** `deny-all` cannot clash with an `allow-<service>` file, whatever the service is called. */
export const DEFAULT_DENY_PATH = 'nomad/intentions/deny-all.hcl'

/** Path of the intentions entry for one destination service. */
export function intentionPath(destination: string): string {
  return `nomad/intentions/allow-${destination}.hcl`
}

/** One file per destination with allowed sources, plus the `*` -> `*` deny, each for `consul config write`. */
export function renderIntentions(plan: NomadPlan): { path: string; content: string }[] {
  const sources = new Map<string, Set<string>>()
  for (const i of plan.intentions) {
    sources.set(i.destination, (sources.get(i.destination) ?? new Set()).add(i.source))
  }
  const files = [...sources]
    .sort(([a], [b]) => compare(a, b))
    .map(([destination, from]) => ({
      path: intentionPath(destination),
      content: entry(destination, [...from].sort(compare), 'allow'),
    }))
  return [{ path: DEFAULT_DENY_PATH, content: entry('*', ['*'], 'deny') }, ...files]
}

function entry(name: string, sources: readonly string[], action: 'allow' | 'deny'): string {
  return (
    render([
      attr('Kind', 'service-intentions'),
      attr('Name', name),
      attr(
        'Sources',
        sources.map((source) => ({
          object: [
            ['Name', source],
            ['Action', action],
          ] as const,
        })),
      ),
    ]) + '\n'
  )
}
