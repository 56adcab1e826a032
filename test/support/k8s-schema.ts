// Validates generated objects like the API server would: the Kubernetes OpenAPI schema (kubernetes-models'
// ajv validators: types, enums, formats, required fields), no unknown fields and no Linux/Windows-only
// fields on the wrong OS (k8s-strict-fields), the name/label rules (k8s-api-rules), and structural checks
// for the Kyverno and Gatekeeper objects (k8s-crd-checks).
import { Namespace } from 'kubernetes-models/v1/Namespace'
import { Pod } from 'kubernetes-models/v1/Pod'
import { Service } from 'kubernetes-models/v1/Service'
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount'
import { Deployment } from 'kubernetes-models/apps/v1/Deployment'
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet'
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy'
import { RuntimeClass } from 'kubernetes-models/node.k8s.io/v1/RuntimeClass'
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress'
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role'
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding'
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole'
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding'
import { apiRuleErrors } from './k8s-api-rules'
import { crdErrors } from './k8s-crd-checks'
import { at, podTemplateOf, str, type Obj } from './k8s-manifests'
import { hasDeclaration, strictFieldErrors } from './k8s-strict-fields'

interface Validatable {
  validate(): void
}
type ModelClass = new (data: never) => Validatable

const MODELS: Record<string, ModelClass> = {
  'v1/Namespace': Namespace as unknown as ModelClass,
  'v1/Pod': Pod as unknown as ModelClass,
  'v1/Service': Service as unknown as ModelClass,
  'v1/ServiceAccount': ServiceAccount as unknown as ModelClass,
  'apps/v1/Deployment': Deployment as unknown as ModelClass,
  'apps/v1/StatefulSet': StatefulSet as unknown as ModelClass,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget as unknown as ModelClass,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy as unknown as ModelClass,
  'node.k8s.io/v1/RuntimeClass': RuntimeClass as unknown as ModelClass,
  'networking.k8s.io/v1/Ingress': Ingress as unknown as ModelClass,
  'rbac.authorization.k8s.io/v1/Role': Role as unknown as ModelClass,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding as unknown as ModelClass,
  'rbac.authorization.k8s.io/v1/ClusterRole': ClusterRole as unknown as ModelClass,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': ClusterRoleBinding as unknown as ModelClass,
}

/** Which validator handled an object: the OpenAPI schema, or a CRD structural check. */
export type ValidatedBy = 'openapi' | 'crd-structure'

export interface ValidationResult {
  readonly by: ValidatedBy
  readonly errors: readonly string[]
}

function openApiErrors(o: Obj): string[] {
  const key = `${String(o.apiVersion)}/${String(o.kind)}`
  const Model = MODELS[key]
  if (!Model || !hasDeclaration(String(o.apiVersion), String(o.kind)))
    return [`no schema for ${key}`]
  const errors: string[] = []
  try {
    new Model(structuredClone(o) as never).validate()
  } catch (e) {
    errors.push(`schema: ${e instanceof Error ? e.message : String(e)}`)
  }
  const os = str(at(podTemplateOf(o), 'spec', 'os', 'name'))
  errors.push(...strictFieldErrors(o, os === 'linux' || os === 'windows' ? os : undefined))
  return errors
}

/** Validates one object; `all` is every object of the tree (constraints need their templates). */
export function validateObject(o: Obj, all: readonly Obj[]): ValidationResult {
  const crd = crdErrors(o, all)
  if (crd !== undefined) return { by: 'crd-structure', errors: crd }
  return { by: 'openapi', errors: [...openApiErrors(o), ...apiRuleErrors(o)] }
}
