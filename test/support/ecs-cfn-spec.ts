// Checks a CloudFormation template against the CloudFormation resource specification that AWS CDK
// generates its L1 classes from (@aws-cdk/aws-service-spec): resource types, property names, required
// properties, value types and allowed values, plus Ref/GetAtt targets and parameter declarations.
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec'
import type { PropertyType, ResourceProperties } from '@aws-cdk/service-spec-types'

type Db = ReturnType<typeof loadAwsServiceSpecSync>
let db: Db | undefined
/** Loads the gzipped specification once per test file (about a second). */
function spec(): Db {
  db ??= loadAwsServiceSpecSync()
  return db
}

const TEMPLATE_KEYS = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
]
const RESOURCE_KEYS = [
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
]
const PARAMETER_KEYS = [
  'Type',
  'Default',
  'Description',
  'AllowedValues',
  'AllowedPattern',
  'ConstraintDescription',
  'MaxLength',
  'MinLength',
  'MaxValue',
  'MinValue',
  'NoEcho',
]
const PARAMETER_TYPE =
  /^(String|Number|List<Number>|CommaDelimitedList|AWS::EC2::[A-Za-z]+::[A-Za-z]+|List<AWS::EC2::[A-Za-z]+::[A-Za-z]+>|AWS::SSM::Parameter::[A-Za-z<>:]+)$/

type Json = unknown
interface Context {
  readonly params: Record<string, { Type?: string }>
  readonly resources: Record<string, { Type?: string }>
}

/** All problems found, as `path: message`; empty when the template fits the specification. */
export function checkTemplate(template: Record<string, Json>): string[] {
  const errors: string[] = []
  for (const key of Object.keys(template)) {
    if (!TEMPLATE_KEYS.includes(key)) errors.push(`$: unknown template section ${key}`)
  }
  const params = (template.Parameters ?? {}) as Record<string, Record<string, Json>>
  const resources = (template.Resources ?? {}) as Record<string, Record<string, Json>>
  const ctx: Context = { params, resources }
  for (const [name, p] of Object.entries(params)) {
    for (const key of Object.keys(p)) {
      if (!PARAMETER_KEYS.includes(key)) errors.push(`Parameters.${name}: unknown key ${key}`)
    }
    if (typeof p.Type !== 'string' || !PARAMETER_TYPE.test(p.Type)) {
      errors.push(`Parameters.${name}: invalid Type ${String(p.Type)}`)
    }
    if (Array.isArray(p.AllowedValues) && p.Default !== undefined) {
      if (!p.AllowedValues.map(String).includes(String(p.Default))) {
        errors.push(`Parameters.${name}: Default is not among AllowedValues`)
      }
    }
  }
  for (const [id, r] of Object.entries(resources)) {
    const at = `Resources.${id}`
    if (!/^[A-Za-z0-9]{1,255}$/.test(id)) errors.push(`${at}: logical id must be alphanumeric`)
    for (const key of Object.keys(r)) {
      if (!RESOURCE_KEYS.includes(key)) errors.push(`${at}: unknown key ${key}`)
    }
    for (const dep of (r.DependsOn ?? []) as string[]) {
      if (!(dep in resources)) errors.push(`${at}.DependsOn: no resource ${dep}`)
    }
    const [resource] = spec().lookup('resource', 'cloudFormationType', 'equals', String(r.Type))
    if (!resource) {
      errors.push(`${at}: unknown resource type ${String(r.Type)}`)
      continue
    }
    errors.push(
      ...checkProperties(r.Properties ?? {}, resource.properties, `${at}.Properties`, ctx),
    )
  }
  for (const [name, o] of Object.entries(
    (template.Outputs ?? {}) as Record<string, Record<string, Json>>,
  )) {
    if (o.Value === undefined) errors.push(`Outputs.${name}: missing Value`)
    else errors.push(...checkIntrinsic(o.Value, `Outputs.${name}.Value`, ctx))
  }
  return errors
}

function checkProperties(
  value: Json,
  props: ResourceProperties,
  at: string,
  ctx: Context,
): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${at}: expected an object`]
  const errors: string[] = []
  for (const [key, v] of Object.entries(value)) {
    const prop = props[key]
    if (!prop) errors.push(`${at}: unknown property ${key}`)
    else errors.push(...checkType(v, prop.type, `${at}.${key}`, ctx))
  }
  for (const [key, prop] of Object.entries(props)) {
    if (prop.required && !(key in value)) errors.push(`${at}: missing required property ${key}`)
  }
  return errors
}

function checkType(value: Json, type: PropertyType, at: string, ctx: Context): string[] {
  if (isIntrinsic(value)) {
    const errors = checkIntrinsic(value, at, ctx)
    if (type.type === 'array' && !resolvesToList(value, ctx)) errors.push(`${at}: expected a list`)
    if (type.type !== 'array' && resolvesToList(value, ctx))
      errors.push(`${at}: a list where a scalar is expected`)
    return errors
  }
  switch (type.type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: expected a string`]
      return type.allowedValues && !type.allowedValues.includes(value)
        ? [`${at}: ${value} is not one of ${type.allowedValues.join(', ')}`]
        : []
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: expected an integer`]
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: expected a number`]
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected a boolean`]
    case 'json':
      return []
    case 'tag':
      return typeof value === 'object' &&
        value !== null &&
        Object.keys(value).sort().join() === 'Key,Value'
        ? []
        : [`${at}: expected a {Key, Value} tag`]
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((v, i) => checkType(v, type.element, `${at}[${i}]`, ctx))
        : [`${at}: expected a list`]
    case 'map':
      return typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([k, v]) => checkType(v, type.element, `${at}.${k}`, ctx))
        : [`${at}: expected a map`]
    case 'ref':
      return checkProperties(
        value,
        spec().get('typeDefinition', type.reference.$ref).properties,
        at,
        ctx,
      )
    case 'union':
      return type.types.some((t) => checkType(value, t, at, ctx).length === 0)
        ? []
        : [`${at}: matches no member of a union type`]
    default:
      return [`${at}: unsupported type ${type.type}`]
  }
}

function isIntrinsic(value: Json): value is Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0]?.startsWith('Fn::') ?? false))
}

function checkIntrinsic(value: Json, at: string, ctx: Context): string[] {
  if (!isIntrinsic(value)) return []
  if ('Ref' in value) {
    const name = String(value.Ref)
    return name in ctx.params || name in ctx.resources || name.startsWith('AWS::')
      ? []
      : [`${at}: Ref to unknown ${name}`]
  }
  const getAtt = value['Fn::GetAtt']
  if (Array.isArray(getAtt)) {
    const [id, attribute] = getAtt.map(String)
    const target = ctx.resources[id ?? '']
    if (!target) return [`${at}: GetAtt of unknown resource ${String(id)}`]
    const [resource] = spec().lookup(
      'resource',
      'cloudFormationType',
      'equals',
      String(target.Type),
    )
    return resource && attribute && attribute in resource.attributes
      ? []
      : [`${at}: ${String(target.Type)} has no attribute ${String(attribute)}`]
  }
  return [`${at}: intrinsic ${Object.keys(value).join()} is not checked here`]
}

function resolvesToList(value: Record<string, Json>, ctx: Context): boolean {
  const ref = value.Ref
  return typeof ref === 'string' && (ctx.params[ref]?.Type ?? '').startsWith('List<')
}
