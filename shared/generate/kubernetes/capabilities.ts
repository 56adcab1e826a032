// Which declared Linux capabilities a namespace's Pod Security level admits.
import type { Design, Workload } from '../../model/schema'
import { assertNever } from '../../util/assert-never'

/** Capabilities the Baseline level allows to be added (Pod Security Standards, "Capabilities"). */
export const BASELINE_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]

/** The only capability the Restricted level allows to be added back after dropping ALL. */
export const RESTRICTED_CAPABILITIES: readonly string[] = ['NET_BIND_SERVICE']

/** Capabilities that may be added under `level`; `undefined` means any. */
export function admittedCapabilities(
  level: Design['isolation']['podSecurity'],
): readonly string[] | undefined {
  switch (level) {
    case 'restricted':
      return RESTRICTED_CAPABILITIES
    case 'baseline':
      return BASELINE_CAPABILITIES
    case 'privileged':
      return undefined
    default:
      return assertNever(level)
  }
}

/**
 * Splits a workload's declared capabilities into those emitted and those refused: a capability the
 * namespace level rejects would only make admission refuse the pod, and Windows has no capabilities.
 */
export function splitCapabilities(
  design: Design,
  workload: Workload,
): { added: string[]; refused: string[] } {
  if (workload.os === 'windows') return { added: [], refused: [...workload.needs.capabilities] }
  const admitted = admittedCapabilities(design.isolation.podSecurity)
  const added: string[] = []
  const refused: string[] = []
  for (const cap of workload.needs.capabilities) {
    if (admitted === undefined || admitted.includes(cap)) added.push(cap)
    else refused.push(cap)
  }
  return { added, refused }
}
