// How numbers and ids read in the UI: one place for labels, signs and tones.
import type { Capability, PluginCategory } from '../../shared/catalog/types'
import type { Criterion, Severity } from '../../shared/engine/types'

export const CRITERION_LABELS: Readonly<Record<Criterion, string>> = {
  isolation: 'Isolation',
  'least-privilege': 'Least privilege',
  'attack-surface': 'Attack surface',
  operability: 'Operability',
  visibility: 'Visibility',
  portability: 'Portability',
  cost: 'Cost',
}

export const CATEGORY_LABELS: Readonly<Record<PluginCategory, string>> = {
  cni: 'Networking (CNI)',
  policy: 'Admission policy',
  'runtime-security': 'Runtime security',
  secrets: 'Secrets',
  'service-mesh': 'Service mesh',
  'supply-chain': 'Supply chain',
  observability: 'Observability',
}

/** "+4", "−3", "±0": a typographic minus reads better on a shared screen. */
export function signed(n: number): string {
  if (n > 0) return `+${n}`
  if (n < 0) return `−${Math.abs(n)}`
  return '±0'
}

/** Tone of a 0–100 score for colour and icons. */
export function scoreTone(score: number): 'good' | 'fair' | 'poor' {
  if (score >= 75) return 'good'
  if (score >= 50) return 'fair'
  return 'poor'
}

/** Tone of a delta. */
export function deltaTone(delta: number): 'up' | 'down' | 'flat' {
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat'
}

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
}

/** A capability id as words: `network-policy` -> `network policy`. */
export function capabilityLabel(capability: Capability): string {
  return capability.replaceAll('-', ' ')
}

/** A change line from the engine, with a real arrow: `runtime: containerd -> kata`. */
export function changeLabel(change: string): string {
  return change.replaceAll('->', '→')
}

/** "12:03" style time of an ISO timestamp, in the user's locale. */
export function timeOf(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
}

/** A stack's base choices by name, e.g. "Amazon EKS · containerd (runc) · Bottlerocket". */
export function stackLabel(
  stack: { orchestrator: string; runtime: string; os: string },
  names: (kind: 'orchestrator' | 'runtime' | 'os', id: string) => string,
): string {
  return `${names('orchestrator', stack.orchestrator)} · ${names('runtime', stack.runtime)} · ${names('os', stack.os)}`
}
