// The shape of a control rule (one traced control the tree may emit) and predicates the tables share.
import type { ControlChecks } from '../types'
import { networkPolicyFile } from './names'
import type { Plan } from './plan'
import type { WorkloadPlan } from './types'

/** A control: emitted for the workloads it applies to, or for the files it names. */
export interface ControlRule {
  readonly id: string
  readonly title: (plan: Plan) => string
  readonly causedBy: string
  readonly checks: ControlChecks
  /** Workloads the control is emitted for; ignored when `files` is given. */
  readonly applies?: (w: WorkloadPlan, plan: Plan) => boolean
  /** Files beyond the workload files (namespaces, policies); empty means not emitted. */
  readonly files?: (plan: Plan, policyFiles: readonly string[]) => readonly string[]
}

/** The workload runs on Linux nodes. */
export const linux = (w: WorkloadPlan): boolean => w.workload.os === 'linux'
/** The design isolates the network (NetworkPolicies are generated). */
export const defaultDeny = (plan: Plan): boolean => plan.design.isolation.network === 'default-deny'
/** The NetworkPolicy files, one per namespace, when the network is isolated. */
export const netpolFiles = (plan: Plan): string[] =>
  defaultDeny(plan) ? plan.namespaces.map((n) => networkPolicyFile(n.name)) : []
