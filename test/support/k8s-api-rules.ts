// API-server validation rules that the OpenAPI schema does not express: name formats, label syntax,
// container/port/volume names, selectors matching their template, and mounts naming real volumes.
import {
  arr,
  at,
  containersOf,
  isObj,
  kindOf,
  labelsOf,
  podTemplateOf,
  str,
  type Obj,
} from './k8s-manifests'

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/

/** DNS-1123 label: <= 63 characters of [a-z0-9-], alphanumeric at both ends. */
export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s)
}

function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && DNS1123_SUBDOMAIN.test(s)
}

/** IANA service name: <= 15 characters of [a-z0-9-], at least one letter, no leading, trailing or double '-'. */
export function isIanaSvcName(s: string): boolean {
  return (
    s.length >= 1 &&
    s.length <= 15 &&
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(s) &&
    /[a-z]/.test(s) &&
    !s.includes('--')
  )
}

function labelKeyErrors(key: string): string[] {
  const slash = key.lastIndexOf('/')
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined
  const name = slash >= 0 ? key.slice(slash + 1) : key
  const errors: string[] = []
  if (prefix !== undefined && !isDns1123Subdomain(prefix))
    errors.push(`label key prefix "${prefix}"`)
  if (name.length > 63 || !LABEL_NAME.test(name)) errors.push(`label key name "${name}"`)
  return errors
}

/** Label keys and values valid per the API's syntax rules. */
export function labelErrors(labels: unknown, where: string): string[] {
  if (labels === undefined) return []
  if (!isObj(labels)) return [`${where}: labels must be a map`]
  return Object.entries(labels).flatMap(([k, v]) => [
    ...labelKeyErrors(k).map((e) => `${where}: invalid ${e}`),
    ...(typeof v === 'string' && (v === '' || (v.length <= 63 && LABEL_NAME.test(v)))
      ? []
      : [`${where}: invalid label value for ${k}: ${String(v)}`]),
  ])
}

function nameErrors(o: Obj): string[] {
  const name = str(at(o, 'metadata', 'name')) ?? ''
  const kind = kindOf(o)
  const errors: string[] = []
  const rule =
    kind === 'Service'
      ? { ok: name.length <= 63 && DNS1035_LABEL.test(name), what: 'a DNS-1035 label' }
      : kind === 'Namespace'
        ? { ok: isDns1123Label(name), what: 'a DNS-1123 label' }
        : { ok: isDns1123Subdomain(name), what: 'a DNS-1123 subdomain' }
  if (!rule.ok) errors.push(`metadata.name "${name}" must be ${rule.what}`)
  const ns = at(o, 'metadata', 'namespace')
  if (ns !== undefined && !isDns1123Label(String(ns)))
    errors.push(`metadata.namespace "${String(ns)}" must be a DNS-1123 label`)
  return errors
}

function matchesLabels(selector: unknown, labels: Record<string, string>): boolean {
  return Object.entries(labelsOf(at(selector, 'matchLabels'))).every(([k, v]) => labels[k] === v)
}

function podErrors(o: Obj): string[] {
  const template = podTemplateOf(o)
  if (!template) return []
  const spec = at(template, 'spec')
  const errors = labelErrors(at(template, 'metadata', 'labels'), 'spec.template.metadata.labels')
  if (
    kindOf(o) !== 'Pod' &&
    !matchesLabels(at(o, 'spec', 'selector'), labelsOf(at(template, 'metadata', 'labels')))
  )
    errors.push('spec.selector does not match the template labels')
  const volumes = new Set(arr(at(spec, 'volumes')).map((v) => String(at(v, 'name'))))
  for (const claim of arr(at(o, 'spec', 'volumeClaimTemplates')))
    volumes.add(String(at(claim, 'metadata', 'name')))
  for (const v of volumes)
    if (!isDns1123Label(v)) errors.push(`volume name "${v}" must be a DNS-1123 label`)
  for (const { container } of containersOf(spec)) {
    const name = String(container.name)
    if (!isDns1123Label(name)) errors.push(`container name "${name}" must be a DNS-1123 label`)
    const portNames = arr(container.ports)
      .map((p) => at(p, 'name'))
      .filter((n) => n !== undefined)
    for (const p of portNames)
      if (!isIanaSvcName(String(p)))
        errors.push(`container ${name}: port name "${String(p)}" is not an IANA service name`)
    if (new Set(portNames).size !== portNames.length)
      errors.push(`container ${name}: duplicate port names`)
    for (const m of arr(container.volumeMounts))
      if (!volumes.has(String(at(m, 'name'))))
        errors.push(`container ${name}: mount of unknown volume "${String(at(m, 'name'))}"`)
    if (
      at(container, 'securityContext', 'privileged') === true &&
      at(container, 'securityContext', 'allowPrivilegeEscalation') === false
    )
      errors.push(
        `container ${name}: cannot set allowPrivilegeEscalation to false and privileged to true`,
      )
    for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      const port = at(container, probe, 'tcpSocket', 'port')
      if (typeof port === 'string' && !portNames.includes(port))
        errors.push(`container ${name}: ${probe} uses unknown named port "${port}"`)
    }
  }
  return errors
}

function serviceErrors(o: Obj): string[] {
  if (kindOf(o) !== 'Service') return []
  const ports = arr(at(o, 'spec', 'ports'))
  const errors: string[] = []
  if (ports.length === 0 && at(o, 'spec', 'clusterIP') !== 'None')
    errors.push('spec.ports is required unless the Service is headless')
  if (ports.length > 1 && ports.some((p) => at(p, 'name') === undefined))
    errors.push('every port needs a name when there are several')
  for (const p of ports) {
    const target = at(p, 'targetPort')
    if (typeof target === 'string' && !isIanaSvcName(target))
      errors.push(`targetPort "${target}" is not an IANA service name`)
  }
  return errors
}

/** Every API-server rule above that applies to the object. */
export function apiRuleErrors(o: Obj): string[] {
  return [
    ...nameErrors(o),
    ...labelErrors(at(o, 'metadata', 'labels'), 'metadata.labels'),
    ...podErrors(o),
    ...serviceErrors(o),
  ]
}
