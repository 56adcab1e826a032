// Unknown-field and OS-field validation from the Kubernetes OpenAPI types shipped by kubernetes-models.
// The package's ajv validators check types, enums, formats and required fields but let unknown fields
// through; kubectl (and `kubectl apply --validate=strict`) rejects them. Its TypeScript declarations are
// generated from the same OpenAPI definitions, so walking them with the TypeScript checker gives the
// exact set of known fields at every depth, plus each field's documentation ("cannot be set when
// spec.os.name is windows").
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import ts from 'typescript'
import { isObj } from './k8s-manifests'

const require = createRequire(import.meta.url)
const MODELS_DIR = dirname(require.resolve('kubernetes-models'))

/** The declaration file and interface for each apiVersion/kind the checker knows. */
const DECLARATIONS: Record<string, string> = {
  'v1/Namespace': 'v1/Namespace.d.ts',
  'v1/ServiceAccount': 'v1/ServiceAccount.d.ts',
  'v1/Service': 'v1/Service.d.ts',
  'v1/Pod': 'v1/Pod.d.ts',
  'apps/v1/Deployment': 'apps/v1/Deployment.d.ts',
  'apps/v1/StatefulSet': 'apps/v1/StatefulSet.d.ts',
  'policy/v1/PodDisruptionBudget': 'policy/v1/PodDisruptionBudget.d.ts',
  'networking.k8s.io/v1/NetworkPolicy': 'networking.k8s.io/v1/NetworkPolicy.d.ts',
  'node.k8s.io/v1/RuntimeClass': 'node.k8s.io/v1/RuntimeClass.d.ts',
  'networking.k8s.io/v1/Ingress': 'networking.k8s.io/v1/Ingress.d.ts',
  'rbac.authorization.k8s.io/v1/Role': 'rbac.authorization.k8s.io/v1/Role.d.ts',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'rbac.authorization.k8s.io/v1/RoleBinding.d.ts',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'rbac.authorization.k8s.io/v1/ClusterRole.d.ts',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding':
    'rbac.authorization.k8s.io/v1/ClusterRoleBinding.d.ts',
}

/** True when the strict checker has declarations for this apiVersion/kind. */
export function hasDeclaration(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in DECLARATIONS
}

interface Loaded {
  readonly checker: ts.TypeChecker
  readonly roots: Map<string, ts.Type>
}

let loaded: Loaded | undefined

function load(): Loaded {
  if (loaded) return loaded
  const files = Object.values(DECLARATIONS).map((f) => join(MODELS_DIR, f))
  const program = ts.createProgram(files, {
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  })
  const checker = program.getTypeChecker()
  const roots = new Map<string, ts.Type>()
  for (const [key, file] of Object.entries(DECLARATIONS)) {
    const source = program.getSourceFile(join(MODELS_DIR, file))
    const kind = key.slice(key.lastIndexOf('/') + 1)
    const symbol = source && checker.getSymbolAtLocation(source)
    const iface = symbol && checker.getExportsOfModule(symbol).find((s) => s.name === `I${kind}`)
    if (!iface) throw new Error(`kubernetes-models has no interface I${kind} in ${file}`)
    roots.set(key, checker.getDeclaredTypeOfSymbol(iface))
  }
  loaded = { checker, roots }
  return loaded
}

type Os = 'linux' | 'windows' | undefined

/** Unknown fields, and fields the API rejects for the pod's OS, anywhere in the object. */
export function strictFieldErrors(obj: Record<string, unknown>, os: Os): string[] {
  const { checker, roots } = load()
  const key = `${String(obj.apiVersion)}/${String(obj.kind)}`
  const root = roots.get(key)
  if (!root) return [`no OpenAPI declaration for ${key}`]
  const errors: string[] = []
  walk(checker, obj, root, '', os, errors)
  return errors
}

function objectMember(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  const members = type.isUnion() ? type.types : [type]
  return members.find((t) => (t.flags & ts.TypeFlags.Object) !== 0 && !checker.isArrayType(t))
}

function arrayElement(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  const members = type.isUnion() ? type.types : [type]
  const array = members.find((t) => checker.isArrayType(t))
  return array ? checker.getTypeArguments(array as ts.TypeReference)[0] : undefined
}

function walk(
  checker: ts.TypeChecker,
  value: unknown,
  declared: ts.Type,
  path: string,
  os: Os,
  errors: string[],
): void {
  const type = checker.getNonNullableType(declared)
  if (Array.isArray(value)) {
    const element = arrayElement(checker, type)
    if (element) value.forEach((v, i) => walk(checker, v, element, `${path}[${i}]`, os, errors))
    return
  }
  if (!isObj(value)) return
  const objectType = objectMember(checker, type)
  if (!objectType) return
  const index = checker.getIndexTypeOfType(objectType, ts.IndexKind.String)
  for (const [field, child] of Object.entries(value)) {
    const childPath = path === '' ? field : `${path}.${field}`
    const prop = objectType.getProperty(field)
    if (!prop) {
      if (index) walk(checker, child, index, childPath, os, errors)
      else errors.push(`${childPath}: unknown field`)
      continue
    }
    const doc = ts.displayPartsToString(prop.getDocumentationComment(checker))
    if (os !== undefined && new RegExp(`cannot be set when spec\\.os\\.name is ${os}`).test(doc))
      errors.push(`${childPath}: the API rejects this field when spec.os.name is ${os}`)
    walk(checker, child, checker.getTypeOfSymbol(prop), childPath, os, errors)
  }
}
