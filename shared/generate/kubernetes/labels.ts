// The recommended `app.kubernetes.io/*` labels, and the subset that selects a workload's pods.
import type { Design, Workload } from '../../model/schema'

export const MANAGED_BY = 'stackwright'

/** Labels that identify one workload's pods: used by selectors, PDBs and NetworkPolicies. */
export function selectorLabels(design: Design, workload: Workload): Record<string, string> {
  return {
    'app.kubernetes.io/name': workload.name,
    'app.kubernetes.io/part-of': design.metadata.name,
  }
}

/** Every label a workload's objects carry. */
export function workloadLabels(design: Design, workload: Workload): Record<string, string> {
  return {
    ...selectorLabels(design, workload),
    'app.kubernetes.io/component': workload.role,
    'app.kubernetes.io/managed-by': MANAGED_BY,
  }
}

/** Labels for objects that belong to the design as a whole (namespaces, policies, RuntimeClasses). */
export function designLabels(design: Design): Record<string, string> {
  return {
    'app.kubernetes.io/part-of': design.metadata.name,
    'app.kubernetes.io/managed-by': MANAGED_BY,
  }
}
