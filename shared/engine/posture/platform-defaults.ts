// Control-plane defaults that decide audit logging and Secret encryption: the orchestrator's own,
// or, on self-managed Kubernetes, the distribution's (Talos's generated configuration enables both).
import type { Catalog, Orchestrator } from '../../catalog/types'
import type { Design } from '../../model/schema'

export type ControlPlaneDefault = 'auditLogging' | 'secretsEncryptedAtRest'

export interface DefaultState {
  readonly on: boolean
  /** Set when the control-plane OS, not the orchestrator, turns it on. */
  readonly by?: { readonly os: string; readonly how: string; readonly sources: readonly string[] }
}

/** Whether `what` is on by default for this design's control plane, and who turns it on. */
export function controlPlaneDefault(
  design: Design,
  orchestrator: Orchestrator,
  catalog: Catalog,
  what: ControlPlaneDefault,
): DefaultState {
  if (orchestrator.defaults[what]) return { on: true }
  if (orchestrator.id !== 'kubernetes') return { on: false }
  const planes = design.nodePools.filter((p) => p.role === 'control-plane')
  const oses = planes.map((p) => catalog.operatingSystems.find((o) => o.id === p.os))
  const first = oses[0]
  if (first === undefined || oses.some((o) => o?.kubernetesDefaults?.[what] !== true))
    return { on: false }
  const defaults = first.kubernetesDefaults
  if (defaults === undefined) return { on: false }
  return { on: true, by: { os: first.name, how: defaults.how, sources: defaults.sources } }
}
