// Structural checks for objects whose schemas no maintained npm package ships: Kyverno ClusterPolicy,
// Gatekeeper ConstraintTemplate and Constraint, CiliumNetworkPolicy, and the kustomization. They check apiVersion, kind,
// required fields and, where the CRD is closed, unknown fields, following the projects' CRD references.
import { arr, at, isObj, kindOf, str, type Obj } from './k8s-manifests'

function unknownKeys(value: unknown, known: readonly string[], where: string): string[] {
  if (!isObj(value)) return [`${where}: must be an object`]
  return Object.keys(value)
    .filter((k) => !known.includes(k))
    .map((k) => `${where}.${k}: unknown field`)
}

const KYVERNO_SPEC = [
  'admission',
  'applyRules',
  'background',
  'emitWarning',
  'failurePolicy',
  'generateExisting',
  'mutateExistingOnPolicyUpdate',
  'rules',
  'schemaValidation',
  'useServerSideApply',
  'validationFailureAction',
  'validationFailureActionOverrides',
  'webhookConfiguration',
  'webhookTimeoutSeconds',
]
const KYVERNO_RULE = [
  'name',
  'match',
  'exclude',
  'context',
  'preconditions',
  'celPreconditions',
  'validate',
  'mutate',
  'generate',
  'verifyImages',
  'imageExtractors',
  'skipBackgroundRequests',
  'reportProperties',
]
const KYVERNO_VALIDATE = [
  'message',
  'pattern',
  'anyPattern',
  'deny',
  'foreach',
  'podSecurity',
  'cel',
  'manifests',
  'assert',
  'failureAction',
  'failureActionOverrides',
  'allowExistingViolations',
]
const KYVERNO_FOREACH = [
  'list',
  'deny',
  'pattern',
  'anyPattern',
  'preconditions',
  'context',
  'elementScope',
  'foreach',
]
const KYVERNO_OPERATORS = [
  'Equals',
  'NotEquals',
  'In',
  'AnyIn',
  'AllIn',
  'NotIn',
  'AnyNotIn',
  'AllNotIn',
  'GreaterThanOrEquals',
  'GreaterThan',
  'LessThanOrEquals',
  'LessThan',
  'DurationGreaterThanOrEquals',
  'DurationGreaterThan',
  'DurationLessThanOrEquals',
  'DurationLessThan',
]

function conditionErrors(block: unknown, where: string): string[] {
  if (block === undefined) return []
  return [
    ...unknownKeys(block, ['all', 'any'], where),
    ...['all', 'any'].flatMap((k) =>
      arr(at(block, k)).flatMap((c, i) => [
        ...unknownKeys(c, ['key', 'operator', 'value', 'message'], `${where}.${k}[${i}]`),
        ...(KYVERNO_OPERATORS.includes(String(at(c, 'operator')))
          ? []
          : [`${where}.${k}[${i}]: unknown operator`]),
      ]),
    ),
  ]
}

function kyvernoErrors(o: Obj): string[] {
  const errors: string[] = []
  if (o.apiVersion !== 'kyverno.io/v1') errors.push('apiVersion must be kyverno.io/v1')
  errors.push(...unknownKeys(o.spec, KYVERNO_SPEC, 'spec'))
  if (!['Enforce', 'Audit'].includes(String(at(o, 'spec', 'validationFailureAction'))))
    errors.push('spec.validationFailureAction must be Enforce or Audit')
  const rules = arr(at(o, 'spec', 'rules'))
  if (rules.length === 0) errors.push('spec.rules must not be empty')
  rules.forEach((rule, i) => {
    const where = `spec.rules[${i}]`
    errors.push(...unknownKeys(rule, KYVERNO_RULE, where))
    const name = str(at(rule, 'name')) ?? ''
    if (name === '' || name.length > 63) errors.push(`${where}.name must be 1-63 characters`)
    const match = at(rule, 'match')
    const blocks = [...arr(at(match, 'any')), ...arr(at(match, 'all'))]
    if (blocks.length === 0 || blocks.some((b) => arr(at(b, 'resources', 'kinds')).length === 0))
      errors.push(`${where}.match needs resource kinds`)
    errors.push(...conditionErrors(at(rule, 'preconditions'), `${where}.preconditions`))
    const validate = at(rule, 'validate')
    errors.push(...unknownKeys(validate, KYVERNO_VALIDATE, `${where}.validate`))
    const kinds = [
      'pattern',
      'anyPattern',
      'deny',
      'foreach',
      'podSecurity',
      'cel',
      'manifests',
      'assert',
    ]
    if (kinds.filter((k) => at(validate, k) !== undefined).length !== 1)
      errors.push(`${where}.validate needs exactly one of ${kinds.join(', ')}`)
    arr(at(validate, 'foreach')).forEach((f, j) => {
      errors.push(...unknownKeys(f, KYVERNO_FOREACH, `${where}.validate.foreach[${j}]`))
      if (typeof at(f, 'list') !== 'string')
        errors.push(`${where}.validate.foreach[${j}].list is required`)
      errors.push(
        ...conditionErrors(
          at(f, 'deny', 'conditions'),
          `${where}.validate.foreach[${j}].deny.conditions`,
        ),
      )
    })
  })
  return errors
}

function templateErrors(o: Obj): string[] {
  const errors: string[] = []
  if (o.apiVersion !== 'templates.gatekeeper.sh/v1')
    errors.push('apiVersion must be templates.gatekeeper.sh/v1')
  errors.push(...unknownKeys(o.spec, ['crd', 'targets'], 'spec'))
  const kind = str(at(o, 'spec', 'crd', 'spec', 'names', 'kind')) ?? ''
  if (!/^[A-Z][A-Za-z0-9]*$/.test(kind)) errors.push('spec.crd.spec.names.kind must be a Kind name')
  if (at(o, 'metadata', 'name') !== kind.toLowerCase())
    errors.push('metadata.name must be the lower-cased kind')
  const targets = arr(at(o, 'spec', 'targets'))
  if (targets.length !== 1) errors.push('spec.targets must hold one target')
  for (const t of targets) {
    errors.push(...unknownKeys(t, ['target', 'rego', 'libs', 'code'], 'spec.targets[0]'))
    if (at(t, 'target') !== 'admission.k8s.gatekeeper.sh')
      errors.push('target must be admission.k8s.gatekeeper.sh')
    const rego = str(at(t, 'rego')) ?? ''
    if (!new RegExp(`^package ${kind.toLowerCase()}$`, 'm').test(rego))
      errors.push('rego must declare its package')
    if (!/^violation\[\{"msg": msg\}\] \{$/m.test(rego))
      errors.push('rego must define violation[{"msg": msg}]')
    let depth = 0
    for (const ch of rego) {
      depth += ch === '{' ? 1 : ch === '}' ? -1 : 0
      if (depth < 0) break
    }
    if (depth !== 0) errors.push('rego braces are unbalanced')
  }
  return errors
}

function constraintErrors(o: Obj, templates: readonly Obj[]): string[] {
  const errors: string[] = []
  if (o.apiVersion !== 'constraints.gatekeeper.sh/v1beta1')
    errors.push('apiVersion must be constraints.gatekeeper.sh/v1beta1')
  const template = templates.find(
    (t) => at(t, 'spec', 'crd', 'spec', 'names', 'kind') === kindOf(o),
  )
  if (!template) return [...errors, `no ConstraintTemplate defines kind ${kindOf(o)}`]
  errors.push(
    ...unknownKeys(
      o.spec,
      ['enforcementAction', 'scopedEnforcementActions', 'match', 'parameters'],
      'spec',
    ),
  )
  if (!['deny', 'dryrun', 'warn'].includes(String(at(o, 'spec', 'enforcementAction'))))
    errors.push('spec.enforcementAction must be deny, dryrun or warn')
  if (arr(at(o, 'spec', 'match', 'kinds')).length === 0)
    errors.push('spec.match.kinds must not be empty')
  const declared = at(
    template,
    'spec',
    'crd',
    'spec',
    'validation',
    'openAPIV3Schema',
    'properties',
  )
  const parameters = at(o, 'spec', 'parameters')
  if (parameters !== undefined)
    errors.push(
      ...unknownKeys(parameters, isObj(declared) ? Object.keys(declared) : [], 'spec.parameters'),
    )
  return errors
}

const CILIUM_ENTITIES = [
  'all',
  'cluster',
  'health',
  'host',
  'init',
  'ingress',
  'kube-apiserver',
  'remote-node',
  'unmanaged',
  'world',
]
const CILIUM_EGRESS = [
  'toEndpoints',
  'toFQDNs',
  'toEntities',
  'toCIDR',
  'toCIDRSet',
  'toPorts',
  'toServices',
  'toGroups',
  'toRequires',
  'toNodes',
  'icmps',
  'authentication',
]

/** CiliumNetworkPolicy (cilium.io/v2), per the CRD and the policy language docs (toFQDNs rules carry no other L3 peer). */
function ciliumErrors(o: Obj): string[] {
  const errors: string[] = []
  if (o.apiVersion !== 'cilium.io/v2') errors.push('apiVersion must be cilium.io/v2')
  errors.push(
    ...unknownKeys(
      o.spec,
      [
        'endpointSelector',
        'nodeSelector',
        'ingress',
        'egress',
        'ingressDeny',
        'egressDeny',
        'labels',
        'description',
        'enableDefaultDeny',
      ],
      'spec',
    ),
  )
  if (!isObj(at(o, 'spec', 'endpointSelector'))) errors.push('spec.endpointSelector is required')
  arr(at(o, 'spec', 'egress')).forEach((rule, i) => {
    const where = `spec.egress[${i}]`
    errors.push(...unknownKeys(rule, CILIUM_EGRESS, where))
    const l3 = ['toEndpoints', 'toEntities', 'toCIDR', 'toCIDRSet', 'toServices', 'toNodes']
    if (at(rule, 'toFQDNs') !== undefined && l3.some((k) => at(rule, k) !== undefined))
      errors.push(`${where}: toFQDNs cannot be combined with another L3 selector`)
    arr(at(rule, 'toFQDNs')).forEach((f, j) => {
      errors.push(...unknownKeys(f, ['matchName', 'matchPattern'], `${where}.toFQDNs[${j}]`))
      if (Object.keys(isObj(f) ? f : {}).length !== 1)
        errors.push(`${where}.toFQDNs[${j}] needs exactly one of matchName, matchPattern`)
      const pattern = str(at(f, 'matchPattern')) ?? str(at(f, 'matchName')) ?? ''
      if (!/^[-a-zA-Z0-9_*.]+$/.test(pattern)) errors.push(`${where}.toFQDNs[${j}]: invalid name`)
    })
    for (const e of arr(at(rule, 'toEntities')))
      if (!CILIUM_ENTITIES.includes(String(e))) errors.push(`${where}: unknown entity ${String(e)}`)
    arr(at(rule, 'toPorts')).forEach((tp, j) => {
      const at_ = `${where}.toPorts[${j}]`
      errors.push(
        ...unknownKeys(
          tp,
          ['ports', 'rules', 'originatingTLS', 'terminatingTLS', 'serverNames', 'listener'],
          at_,
        ),
      )
      arr(at(tp, 'ports')).forEach((p, k) => {
        errors.push(...unknownKeys(p, ['port', 'endPort', 'protocol'], `${at_}.ports[${k}]`))
        if (typeof at(p, 'port') !== 'string' || !/^\d{1,5}$/.test(String(at(p, 'port'))))
          errors.push(`${at_}.ports[${k}].port must be a port number as a string`)
        if (!['TCP', 'UDP', 'SCTP', 'ANY'].includes(String(at(p, 'protocol') ?? 'ANY')))
          errors.push(`${at_}.ports[${k}].protocol must be TCP, UDP, SCTP or ANY`)
      })
      const rules = at(tp, 'rules')
      if (rules !== undefined) {
        errors.push(
          ...unknownKeys(rules, ['dns', 'http', 'kafka', 'l7proto', 'l7'], `${at_}.rules`),
        )
        arr(at(rules, 'dns')).forEach((d, k) =>
          errors.push(...unknownKeys(d, ['matchName', 'matchPattern'], `${at_}.rules.dns[${k}]`)),
        )
      }
    })
  })
  return errors
}

/** Kustomization: known kind, and `resources` naming exactly the other YAML files of the tree. */
export function kustomizationErrors(o: Obj, yamlFiles: readonly string[], root: string): string[] {
  const errors = unknownKeys(
    o,
    ['apiVersion', 'kind', 'metadata', 'resources', 'configMapGenerator', 'replacements'],
    'kustomization',
  )
  if (o.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || o.kind !== 'Kustomization')
    errors.push('must be a kustomize.config.k8s.io/v1beta1 Kustomization')
  const listed = arr(o.resources).map(String)
  const expected = yamlFiles
    .filter((f) => f !== `${root}/kustomization.yaml`)
    .map((f) => f.slice(root.length + 1))
  if (new Set(listed).size !== listed.length) errors.push('resources lists a file twice')
  for (const f of expected) if (!listed.includes(f)) errors.push(`resources misses ${f}`)
  for (const f of listed)
    if (!expected.includes(f)) errors.push(`resources lists ${f}, which is not generated`)
  return errors
}

/** Structural errors for a CRD-defined object; undefined when the kind is not one of these. */
export function crdErrors(o: Obj, all: readonly Obj[]): string[] | undefined {
  const group = String(o.apiVersion).split('/')[0]
  if (kindOf(o) === 'ClusterPolicy') return kyvernoErrors(o)
  if (kindOf(o) === 'CiliumNetworkPolicy') return ciliumErrors(o)
  if (kindOf(o) === 'ConstraintTemplate') return templateErrors(o)
  if (group === 'constraints.gatekeeper.sh')
    return constraintErrors(
      o,
      all.filter((t) => kindOf(t) === 'ConstraintTemplate'),
    )
  return undefined
}
