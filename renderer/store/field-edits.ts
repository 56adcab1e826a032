// Pure edits of the design's small sections, for the form steps.
import type { DecisionDimension, Design, PodSecurityLevel } from '../../shared/model/schema'
import { omit } from './omit'

type Context = Design['context']

/** The design with metadata fields replaced. */
export function withMetadata(d: Design, patch: Partial<Design['metadata']>): Design {
  return { ...d, metadata: { ...d.metadata, ...patch } }
}

/** The design with top-level context fields (the cloud) replaced. */
export function withContext(d: Design, patch: Partial<Pick<Context, 'cloud'>>): Design {
  return { ...d, context: { ...d.context, ...patch } }
}

/** The design with team fields replaced. */
export function withTeam(d: Design, patch: Partial<Context['team']>): Design {
  return { ...d, context: { ...d.context, team: { ...d.context.team, ...patch } } }
}

/** The design with requirement fields replaced. */
export function withRequirements(d: Design, patch: Partial<Context['requirements']>): Design {
  return {
    ...d,
    context: { ...d.context, requirements: { ...d.context.requirements, ...patch } },
  }
}

/** The design with one compliance framework ticked or unticked; `none` excludes the others. */
export function withCompliance(
  d: Design,
  framework: Context['requirements']['compliance'][number],
  on: boolean,
): Design {
  const current = d.context.requirements.compliance
  let next = on
    ? [...current.filter((f) => f !== framework), framework]
    : current.filter((f) => f !== framework)
  if (on) next = framework === 'none' ? ['none'] : next.filter((f) => f !== 'none')
  return withRequirements(d, { compliance: next })
}

/** The design with priority weights replaced. */
export function withPriorities(d: Design, patch: Partial<Context['priorities']>): Design {
  return {
    ...d,
    context: { ...d.context, priorities: { ...d.context.priorities, ...patch } },
  }
}

/** The design with isolation settings replaced. */
export function withIsolation(d: Design, patch: Partial<Design['isolation']>): Design {
  return { ...d, isolation: { ...d.isolation, ...patch } }
}

/** The design with one team's pod security level set, or (undefined) back to the default level. */
export function withTeamPodSecurity(
  d: Design,
  team: string,
  level: PodSecurityLevel | undefined,
): Design {
  const rest = omit(d.isolation.podSecurityByTeam, team)
  return withIsolation(d, {
    podSecurityByTeam: level === undefined ? rest : { ...rest, [team]: level },
  })
}

/** The design with the architect's rationale for one dimension (empty text removes it). */
export function withDecision(d: Design, dimension: DecisionDimension, text: string): Design {
  const rest = omit(d.decisions, dimension)
  return { ...d, decisions: text === '' ? rest : { ...rest, [dimension]: text } }
}
