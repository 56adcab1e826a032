// The names `generate --targets` accepts, for help text without loading the generators.
import type { Target } from '../../shared/generate/index'

/** shared/generate's TARGETS, repeated so the help does not import the document path (a test keeps them equal). */
export const GENERATE_TARGETS = [
  'doc',
  'reports',
  'kubernetes',
  'ecs',
  'swarm',
  'nomad',
] as const satisfies readonly Target[]
