// Kyverno ClusterPolicies (kyverno.io/v1) enforcing the generated posture in the design's namespaces,
// exception namespaces excepted.
import { assertNever } from '../../util/assert-never'
import { boundedName } from '../../util/unique-names'
import { admittedCapabilities } from '../../engine/posture/index'
import type { PodSecurityLevel } from '../../model/schema'
import { designLabels } from './labels'
import { KYVERNO_FILE } from './names'
import type { Plan } from './plan'
import { levelGroups, ruleNamespaces, POSTURE_RULES, type PostureRule } from './policy-posture'
import type { JsonObject, Manifest, ManifestFile } from './types'

const ALL_CONTAINERS = 'request.object.spec.[ephemeralContainers, initContainers, containers][]'

/** Applies a per-container pattern to every container list (the optional ones only when present). */
function everyContainer(containerPattern: JsonObject): JsonObject {
  return {
    '=(ephemeralContainers)': [containerPattern],
    '=(initContainers)': [containerPattern],
    containers: [containerPattern],
  }
}

/** Same, but containers may leave the field out (the pod-level value then applies). */
function everyContainerOptional(field: string, value: JsonObject | boolean | string): JsonObject {
  return everyContainer({ '=(securityContext)': { [`=(${field})`]: value } })
}

function validation(rule: PostureRule, level: PodSecurityLevel): JsonObject {
  switch (rule.id) {
    case 'run-as-non-root':
      return {
        anyPattern: [
          {
            spec: {
              securityContext: { runAsNonRoot: true },
              ...everyContainerOptional('runAsNonRoot', true),
            },
          },
          { spec: everyContainer({ securityContext: { runAsNonRoot: true } }) },
        ],
      }
    case 'read-only-root-filesystem':
      return {
        pattern: { spec: everyContainer({ securityContext: { readOnlyRootFilesystem: true } }) },
      }
    case 'drop-all-capabilities':
      return { foreach: capabilityChecks(level) }
    case 'disallow-privilege-escalation':
      return {
        pattern: { spec: everyContainer({ securityContext: { allowPrivilegeEscalation: false } }) },
      }
    case 'seccomp-runtime-default':
      return {
        anyPattern: [
          {
            spec: {
              securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
              ...everyContainerOptional('seccompProfile', { type: 'RuntimeDefault' }),
            },
          },
          {
            spec: everyContainer({
              securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
            }),
          },
        ],
      }
    case 'disallow-latest-tag':
      // `*:*` requires a tag (or a digest, which contains `sha256:`); see `validate-image-tag` for latest.
      return { pattern: { spec: everyContainer({ image: '*:*' }) } }
    case 'require-resources':
      return {
        pattern: {
          spec: everyContainer({
            resources: { requests: { cpu: '?*', memory: '?*' }, limits: { memory: '?*' } },
          }),
        },
      }
    default:
      return assertNever(rule.id)
  }
}

function capabilityChecks(level: PodSecurityLevel): JsonObject[] {
  const dropAll: JsonObject = {
    list: ALL_CONTAINERS,
    deny: {
      conditions: {
        all: [
          {
            key: 'ALL',
            operator: 'AnyNotIn',
            value: '{{ element.securityContext.capabilities.drop[].to_upper(@) || `[]` }}',
          },
        ],
      },
    },
  }
  const admitted = admittedCapabilities(level)
  if (admitted === undefined) return [dropAll]
  const addOnlyAdmitted: JsonObject = {
    list: ALL_CONTAINERS,
    deny: {
      conditions: {
        all: [
          {
            key: '{{ element.securityContext.capabilities.add[] || `[]` }}',
            operator: 'AnyNotIn',
            value: [...admitted, ''],
          },
        ],
      },
    },
  }
  return [dropAll, addOnlyAdmitted]
}

function match(namespaces: readonly string[]): JsonObject {
  return { any: [{ resources: { kinds: ['Pod'], namespaces: [...namespaces] } }] }
}

function linuxOnly(rule: PostureRule): JsonObject {
  if (!rule.linuxOnly) return {}
  return {
    preconditions: {
      all: [
        {
          key: "{{ request.object.spec.os.name || 'linux' }}",
          operator: 'NotEquals',
          value: 'windows',
        },
      ],
    },
  }
}

/**
 * The rules of one posture policy. The capability rule admits what each namespace's level admits, so
 * it has one rule per level group; the others match every enforced namespace at once.
 */
function rules(plan: Plan, rule: PostureRule): JsonObject[] {
  const all = ruleNamespaces(plan, rule)
  if (all.length === 0) return []
  if (rule.id === 'drop-all-capabilities') {
    const groups = levelGroups(plan)
    return groups.map((g) => ({
      name: groups.length === 1 ? rule.id : `${rule.id}-${g.level}`,
      match: match(g.namespaces),
      ...linuxOnly(rule),
      validate: { message: rule.message, ...validation(rule, g.level) },
    }))
  }
  return [
    {
      name: rule.id,
      match: match(all),
      ...linuxOnly(rule),
      validate: { message: rule.message, ...validation(rule, 'restricted') },
    },
    ...(rule.id === 'disallow-latest-tag'
      ? [
          {
            name: 'validate-image-tag',
            match: match(all),
            validate: {
              message: rule.message,
              pattern: { spec: everyContainer({ image: '!*:latest' }) },
            },
          },
        ]
      : []),
  ]
}

/** The ClusterPolicy for one posture rule, matching pods in the enforced namespaces only. */
function clusterPolicy(plan: Plan, rule: PostureRule): Manifest {
  return {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: {
      name: boundedName(`${plan.design.metadata.name}-${rule.id}`, 63),
      labels: designLabels(plan.design),
      annotations: {
        'policies.kyverno.io/title': rule.title,
        'policies.kyverno.io/category': 'Pod Security',
        'policies.kyverno.io/subject': 'Pod',
        'policies.kyverno.io/description': rule.message,
      },
    },
    spec: {
      validationFailureAction: 'Enforce',
      background: true,
      rules: rules(plan, rule),
    },
  }
}

/** The Kyverno policy file (a rule that applies in no enforced namespace gets no policy). */
export function kyvernoManifests(plan: Plan): ManifestFile {
  return {
    path: KYVERNO_FILE,
    objects: POSTURE_RULES.filter((rule) => rules(plan, rule).length > 0).map((rule) =>
      clusterPolicy(plan, rule),
    ),
  }
}
