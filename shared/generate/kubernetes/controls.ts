// The traceability records: every control the tree puts in place, what caused it, which checks it meets.
import type { Control } from '../types'
import { CLUSTER_CONTROL_RULES, NAMESPACE_CONTROL_RULES } from './controls-cluster'
import { POD_CONTROL_RULES } from './controls-pod'
import type { Plan } from './plan'
import type { Waiver } from './waivers'

const RULES = [...NAMESPACE_CONTROL_RULES, ...POD_CONTROL_RULES, ...CLUSTER_CONTROL_RULES]

function fromWaiver(waiver: Waiver): Control {
  return {
    id: waiver.id,
    title: waiver.title,
    where: waiver.where,
    causedBy: waiver.causedBy,
    checks: waiver.checks,
  }
}

/** Every control emitted for the plan, then the waivers, as `Control` records. */
export function controlsFor(
  plan: Plan,
  waivers: readonly Waiver[],
  policyFiles: readonly string[],
): Control[] {
  const controls = RULES.flatMap((rule): Control[] => {
    const where =
      rule.files !== undefined
        ? rule.files(plan, policyFiles)
        : plan.workloads.filter((w) => rule.applies?.(w, plan) ?? false).map((w) => w.file)
    if (where.length === 0) return []
    return [
      { id: rule.id, title: rule.title(plan), where, causedBy: rule.causedBy, checks: rule.checks },
    ]
  })
  return [...controls, ...waivers.map(fromWaiver)]
}
