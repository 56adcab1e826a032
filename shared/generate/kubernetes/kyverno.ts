// Kyverno ClusterPolicies (kyverno.io/v1) enforcing the generated posture in the design's namespaces.
import { assertNever } from '../../util/assert-never'
import { boundedName } from '../../util/unique-names'
import { admittedCapabilities } from './capabilities'
import { designLabels } from './labels'
import { KYVERNO_FILE } from './names'
import type { Plan } from './plan'
import { POSTURE_RULES, type PostureRule } from './policy-posture'
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

function validation(plan: Plan, rule: PostureRule): JsonObject {
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
      return { foreach: capabilityChecks(plan) }
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

function capabilityChecks(plan: Plan): JsonObject[] {
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
  const admitted = admittedCapabilities(plan.design.isolation.podSecurity)
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

/** The ClusterPolicy for one posture rule, matching pods in the design's namespaces only. */
function clusterPolicy(plan: Plan, rule: PostureRule): Manifest {
  const match = { any: [{ resources: { kinds: ['Pod'], namespaces: [...plan.namespaces] } }] }
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
      rules: [
        {
          name: rule.id,
          match,
          ...(rule.linuxOnly
            ? {
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
            : {}),
          validate: { message: rule.message, ...validation(plan, rule) },
        },
        ...(rule.id === 'disallow-latest-tag'
          ? [
              {
                name: 'validate-image-tag',
                match,
                validate: {
                  message: rule.message,
                  pattern: { spec: everyContainer({ image: '!*:latest' }) },
                },
              },
            ]
          : []),
      ],
    },
  }
}

/** The Kyverno policy file. */
export function kyvernoManifests(plan: Plan): ManifestFile {
  return { path: KYVERNO_FILE, objects: POSTURE_RULES.map((rule) => clusterPolicy(plan, rule)) }
}
