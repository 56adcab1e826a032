// Which declared Linux capabilities a namespace's Pod Security level admits.
import { admittedCapabilities } from '../../engine/posture/index'
import type { PodSecurityLevel, Workload } from '../../model/schema'

/**
 * Splits a workload's declared capabilities into those emitted and those refused. The posture puts a
 * workload whose capabilities exceed its team's level in a namespace whose level admits them, so only
 * Windows workloads (which have no Linux capabilities) refuse any.
 */
export function splitCapabilities(
  workload: Workload,
  level: PodSecurityLevel,
): { added: string[]; refused: string[] } {
  if (workload.os === 'windows') return { added: [], refused: [...workload.needs.capabilities] }
  const admitted = admittedCapabilities(level)
  const added: string[] = []
  const refused: string[] = []
  for (const cap of workload.needs.capabilities) {
    if (admitted === undefined || admitted.includes(cap)) added.push(cap)
    else refused.push(cap)
  }
  return { added, refused }
}
