// OPA Gatekeeper ConstraintTemplates (Rego) and Constraints enforcing the generated posture.
import { boundedName, pascalCase } from '../../util/unique-names'
import { admittedCapabilities } from '../../engine/posture/index'
import type { PodSecurityLevel } from '../../model/schema'
import { regoFor } from './gatekeeper-rego'
import { designLabels } from './labels'
import { GATEKEEPER_CONSTRAINTS_FILE, GATEKEEPER_TEMPLATES_FILE } from './names'
import type { Plan } from './plan'
import { levelGroups, ruleNamespaces, POSTURE_RULES, type PostureRule } from './policy-posture'
import type { JsonObject, Manifest, ManifestFile } from './types'

/** The constraint kind a template defines, e.g. `K8sStackwrightRunAsNonRoot`. */
export function constraintKind(rule: PostureRule): string {
  return `K8sStackwright${pascalCase(rule.id)}`
}

const CAPABILITY_PARAMETERS: JsonObject = {
  type: 'object',
  properties: {
    allowedCapabilities: { type: 'array', items: { type: 'string' } },
    allowAnyCapability: { type: 'boolean' },
  },
}

function template(plan: Plan, rule: PostureRule): Manifest {
  const kind = constraintKind(rule)
  return {
    apiVersion: 'templates.gatekeeper.sh/v1',
    kind: 'ConstraintTemplate',
    metadata: {
      name: kind.toLowerCase(),
      labels: designLabels(plan.design),
      annotations: { description: rule.message },
    },
    spec: {
      crd: {
        spec: {
          names: { kind },
          ...(rule.id === 'drop-all-capabilities'
            ? { validation: { openAPIV3Schema: CAPABILITY_PARAMETERS } }
            : {}),
        },
      },
      targets: [
        {
          target: 'admission.k8s.gatekeeper.sh',
          rego: regoFor(rule.id, kind.toLowerCase(), rule.linuxOnly),
        },
      ],
    },
  }
}

function parameters(rule: PostureRule, level: PodSecurityLevel): JsonObject {
  if (rule.id !== 'drop-all-capabilities') return {}
  const admitted = admittedCapabilities(level)
  return {
    parameters:
      admitted === undefined
        ? { allowAnyCapability: true }
        : { allowedCapabilities: [...admitted] },
  }
}

function constraint(
  plan: Plan,
  rule: PostureRule,
  name: string,
  namespaces: readonly string[],
  level: PodSecurityLevel,
): Manifest {
  return {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind: constraintKind(rule),
    metadata: { name: boundedName(name, 63), labels: designLabels(plan.design) },
    spec: {
      enforcementAction: 'deny',
      match: {
        kinds: [{ apiGroups: [''], kinds: ['Pod'] }],
        namespaces: [...namespaces],
      },
      ...parameters(rule, level),
    },
  }
}

/** A rule's constraints: one per level group for capabilities, one over every enforced namespace otherwise. */
function constraints(plan: Plan, rule: PostureRule): Manifest[] {
  const base = `${plan.design.metadata.name}-${rule.id}`
  if (rule.id !== 'drop-all-capabilities') {
    const namespaces = ruleNamespaces(plan, rule)
    return namespaces.length === 0 ? [] : [constraint(plan, rule, base, namespaces, 'restricted')]
  }
  const groups = levelGroups(plan)
  return groups.map((g) =>
    constraint(
      plan,
      rule,
      groups.length === 1 ? base : `${base}-${g.level}`,
      g.namespaces,
      g.level,
    ),
  )
}

/** Templates and constraints, in two files: a constraint's kind exists only once its template is ready. */
export function gatekeeperManifests(plan: Plan): ManifestFile[] {
  return [
    { path: GATEKEEPER_TEMPLATES_FILE, objects: POSTURE_RULES.map((r) => template(plan, r)) },
    {
      path: GATEKEEPER_CONSTRAINTS_FILE,
      objects: POSTURE_RULES.flatMap((r) => constraints(plan, r)),
    },
  ]
}
