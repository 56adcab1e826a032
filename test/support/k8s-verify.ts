// Runs every check of the Kubernetes generator's bar over one generated tree and reports the counts:
// schema validation, Pod Security Standards, linter-equivalent checks (failures must be waived by a
// K8S-WAIVER control naming the check and the file), and exact NetworkPolicy reachability.
import { catalog } from '../../shared/catalog/index'
import { hostNeedsOf, postureOf } from '../../shared/engine/posture/index'
import type { Design } from '../../shared/model/schema'
import type { Control, GeneratorOutput } from '../../shared/generate/types'
import { kustomizationErrors } from './k8s-crd-checks'
import { runHardeningChecks, type CheckResult } from './k8s-hardening'
import {
  at,
  kindOf,
  labelsOf,
  nameOf,
  namespaceOf,
  parseManifests,
  podTemplateOf,
  type Obj,
} from './k8s-manifests'
import { validateObject } from './k8s-schema'
import { allowedConnections, buildClusterModel, type Endpoint } from './network-reachability'
import { applyReplacements, REPLACEMENT_VALUES } from './k8s-kustomize-values'
import { checkPodSecurity, PSS_CONTROLS, type PssLevel } from './pod-security'

export interface TreeReport {
  readonly objects: number
  readonly schema: {
    readonly openapi: number
    readonly crd: number
    readonly errors: readonly string[]
  }
  readonly pss: {
    readonly pods: number
    readonly controlsRun: number
    readonly violations: readonly string[]
  }
  readonly hardening: {
    readonly ran: number
    readonly passed: number
    readonly skipped: number
    readonly waived: number
    readonly unwaived: readonly CheckResult[]
  }
  readonly reachability: {
    readonly connectionsChecked: number
    readonly unexpected: readonly string[]
    readonly missing: readonly string[]
  }
}

const EXTERNAL: Endpoint = {
  id: 'internet',
  namespace: undefined,
  labels: {},
  ports: [],
  ip: '203.0.113.10',
}

/** The DNS pods each platform runs, and an unrelated system pod that must stay unreachable. */
function systemEndpoints(design: Design): { namespaces: string[]; dns: Endpoint; other: Endpoint } {
  const openshift = design.choices.orchestrator === 'openshift'
  const dns: Endpoint = openshift
    ? {
        id: 'dns',
        namespace: 'openshift-dns',
        labels: { 'dns.operator.openshift.io/daemonset-dns': 'default' },
        ports: [
          { port: 5353, protocol: 'UDP' },
          { port: 5353, protocol: 'TCP' },
        ],
      }
    : {
        id: 'dns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns' },
        ports: [
          { port: 53, protocol: 'UDP' },
          { port: 53, protocol: 'TCP' },
        ],
      }
  const other: Endpoint = {
    id: 'metrics-server',
    namespace: 'kube-system',
    labels: { 'k8s-app': 'metrics-server' },
    ports: [{ port: 443, protocol: 'TCP' }],
  }
  return { namespaces: ['kube-system', 'openshift-dns'], dns, other }
}

/** A name that a design host (possibly `*.`) stands for, e.g. `*.amazonaws.com` -> `sts.us-east-1.amazonaws.com`. */
function sampleName(host: string): string {
  return host.startsWith('*.') ? `sts.us-east-1.${host.slice(2)}` : host
}

/** A real name under each cloud's API domains (not taken from the generator). */
const CLOUD_API_SAMPLE: Record<string, string> = {
  aws: 'sts.us-east-1.amazonaws.com',
  gcp: 'storage.googleapis.com',
  azure: 'management.azure.com',
}

function cloudOf(design: Design): string | undefined {
  const byOrchestrator: Record<string, string> = {
    eks: 'aws',
    gke: 'gcp',
    'gke-autopilot': 'gcp',
    aks: 'azure',
  }
  const platform = byOrchestrator[design.choices.orchestrator]
  if (platform !== undefined) return platform
  const cloud = design.context.cloud
  return cloud === 'on-prem' || cloud === 'hybrid' ? undefined : cloud
}

/** One model endpoint per external or cloud-api endpoint of the design: an address or a name, public. */
export function designEndpoints(design: Design): Endpoint[] {
  return design.endpoints.flatMap((e, i): Endpoint[] => {
    if (e.kind !== 'external' && e.kind !== 'cloud-api') return []
    const cidr = e.cidrs[0]
    const host =
      e.hosts[0] ??
      (e.kind === 'cloud-api' && cidr === undefined
        ? CLOUD_API_SAMPLE[cloudOf(design) ?? '']
        : undefined)
    // Named endpoints get addresses from the RFC 2544 benchmarking range, which designs do not use.
    const ip = cidr !== undefined && cidr.includes('.') ? cidr.split('/')[0] : `198.18.0.${10 + i}`
    return [
      {
        id: `ep:${e.name}`,
        namespace: undefined,
        labels: {},
        ports: [],
        ip,
        ...(host === undefined ? {} : { dnsName: sampleName(host) }),
      },
    ]
  })
}

export const API_SERVER: Endpoint = {
  id: 'kube-apiserver',
  namespace: undefined,
  labels: {},
  ports: [],
  // The address the test writes into apiServerCIDR: private, so "the internet" rules never reach it.
  ip: REPLACEMENT_VALUES.apiServerCIDR.split('/')[0],
  entity: 'kube-apiserver',
}

export const INGRESS_CONTROLLER: Endpoint = {
  id: 'ingress-controller',
  namespace: REPLACEMENT_VALUES.ingressControllerNamespace,
  labels: { 'app.kubernetes.io/name': 'ingress-controller' },
  ports: [],
}

/** Workloads whose pods use the host network: NetworkPolicy does not govern them (waived), so left out. */
export function hostNetworked(design: Design): Set<string> {
  const posture = postureOf(design, catalog)
  return new Set(
    design.workloads
      .filter(
        (w, i) =>
          w.os === 'linux' && w.needs.hostNetwork && posture.podSecurity[i]?.level === 'privileged',
      )
      .map((w) => w.name),
  )
}

/** The connections the design declares, derived from the design alone (not from the generator). */
export function expectedConnections(
  design: Design,
  dns: Endpoint,
  outside: readonly Endpoint[],
): Set<string> {
  const first = new Map<string, Design['workloads'][number]>()
  for (const w of design.workloads) if (!first.has(w.name)) first.set(w.name, w)
  const skip = hostNetworked(design)
  const endpoints = new Map(design.endpoints.map((e) => [e.name, e]))
  const entry = design.endpoints.find((e) => e.kind === 'internet' && e.ingress !== 'none')
  const cilium = design.choices.plugins.includes('cilium')
  const out = new Set<string>()
  const add = (from: string, to: string, ports: readonly number[]): void => {
    for (const port of ports) out.add(`${from}->${to}:${port}/TCP`)
  }
  for (const w of first.values()) {
    if (skip.has(w.name)) continue
    for (const target of [...w.talksTo, ...w.observes]) {
      const t = first.get(target)
      if (t !== undefined && t.name !== w.name && !skip.has(t.name)) add(w.name, t.name, t.ports)
      const e = endpoints.get(target)
      if (e === undefined || !w.talksTo.includes(target)) continue
      // The internet is every public address, named endpoints included.
      if (e.kind === 'internet') for (const o of outside) add(w.name, o.id, e.ports)
      else if (e.kind === 'orchestrator-api') add(w.name, API_SERVER.id, [443, 6443])
      else {
        add(w.name, `ep:${e.name}`, e.ports)
        const named = e.hosts.length > 0 || e.cidrs.length === 0
        const byName = named && (!cilium || (e.hosts.length === 0 && cloudOf(design) === undefined))
        // Without FQDN policies a named endpoint is open to every public address on its ports (waived).
        if (byName) for (const o of outside) add(w.name, o.id, e.ports)
      }
    }
    if (w.identity.orchestratorApi.length > 0) add(w.name, API_SERVER.id, [443, 6443])
    for (const p of dns.ports) out.add(`${w.name}->dns:${p.port}/${p.protocol}`)
    if (w.exposure === 'public' && w.ports.length > 0) {
      if (entry?.ingress === 'load-balancer') add('internet', w.name, w.ports)
      if (entry?.ingress === 'ingress-controller') add(INGRESS_CONTROLLER.id, w.name, w.ports)
    }
  }
  return out
}

function isWaived(result: CheckResult, controls: readonly Control[]): boolean {
  return controls.some(
    (c) =>
      c.id.startsWith('K8S-WAIVER-') &&
      (c.checks.linters ?? []).includes(result.check) &&
      c.where.includes(result.file),
  )
}

function enforcedLevel(objects: readonly Obj[], namespace: string): PssLevel {
  const ns = objects.find((o) => kindOf(o) === 'Namespace' && nameOf(o) === namespace)
  const level = labelsOf(at(ns, 'metadata', 'labels'))['pod-security.kubernetes.io/enforce']
  if (level !== 'restricted' && level !== 'baseline' && level !== 'privileged')
    throw new Error(`namespace ${namespace} has no enforce level`)
  return level
}

/** Verifies a generated tree; `pssLevel` forces a level (else each namespace's enforce label is used). */
export function verifyKubernetesTree(
  design: Design,
  output: GeneratorOutput,
  pssLevel?: PssLevel,
): TreeReport {
  const parsed = parseManifests(output.artifacts)
  const objects = parsed.map((p) => p.obj)
  const kustomization = parsed.find((p) => kindOf(p.obj) === 'Kustomization')
  const manifests = parsed.filter((p) => p !== kustomization)

  const schemaErrors: string[] = kustomization
    ? kustomizationErrors(
        kustomization.obj,
        output.artifacts.map((a) => a.path).filter((p) => p.endsWith('.yaml')),
        'kubernetes',
      )
    : ['no kustomization.yaml']
  let openapi = 0
  let crd = 0
  for (const { file, obj } of manifests) {
    const result = validateObject(obj, objects)
    if (result.by === 'openapi') openapi++
    else crd++
    schemaErrors.push(...result.errors.map((e) => `${file} ${kindOf(obj)}/${nameOf(obj)}: ${e}`))
  }

  const pods = objects.filter((o) => kindOf(o) !== 'Pod' && podTemplateOf(o) !== undefined)
  const posture = postureOf(design, catalog)
  let controlsRun = 0
  const violations = pods.flatMap((o) => {
    // Pods without needs beyond Restricted must meet Restricted whatever their namespace enforces;
    // the others must meet their namespace's level, which must be the one the posture gives them.
    const index = design.workloads.findIndex((w) => w.name === nameOf(o))
    const w = design.workloads[index]
    const beyond = w !== undefined && hostNeedsOf(w).length > 0
    const nsLevel = enforcedLevel(objects, namespaceOf(o))
    const wanted = posture.podSecurity[index]?.level
    const mismatch =
      wanted !== undefined && wanted !== nsLevel
        ? [`${nameOf(o)}: namespace enforces ${nsLevel}, the posture gives ${wanted}`]
        : []
    const level = pssLevel ?? (beyond ? nsLevel : 'restricted')
    controlsRun +=
      level === 'restricted'
        ? PSS_CONTROLS.baseline.length + PSS_CONTROLS.restricted.length
        : level === 'baseline'
          ? PSS_CONTROLS.baseline.length
          : 0
    return [
      ...mismatch,
      ...checkPodSecurity(podTemplateOf(o) as Obj, level).map(
        (v) => `${nameOf(o)}: ${v.level}/${v.control}: ${v.detail}`,
      ),
    ]
  })

  const results = runHardeningChecks(manifests)
  const failed = results.filter((r) => r.status === 'fail')
  const unwaived = failed.filter((r) => !isWaived(r, output.controls))

  const system = systemEndpoints(design)
  const outside = [EXTERNAL, ...designEndpoints(design)]
  const model = buildClusterModel(applyReplacements(objects), {
    namespaces: [...system.namespaces, REPLACEMENT_VALUES.ingressControllerNamespace],
    endpoints: [system.dns, system.other, ...outside, API_SERVER, INGRESS_CONTROLLER],
  })
  const skip = hostNetworked(design)
  const extra = new Set([system.dns, system.other, ...outside, API_SERVER, INGRESS_CONTROLLER])
  const workloads = model.endpoints.filter((e) => !extra.has(e) && !skip.has(e.id))
  const ports = [
    ...new Set([
      ...design.workloads.flatMap((w) => w.ports),
      ...design.endpoints.flatMap((e) => e.ports),
      53,
      5353,
      443,
      6443,
      1,
      65535,
    ]),
  ].sort((a, b) => a - b)
  // Workloads to everything; the outside world to workloads (system namespaces are not ours to police).
  const destinations = [...workloads, system.dns, system.other, ...outside, API_SERVER]
  const sources = [EXTERNAL, INGRESS_CONTROLLER]
  const actual = new Set([
    ...allowedConnections(model, workloads, destinations, ports),
    ...allowedConnections(model, sources, workloads, ports),
  ])
  const everything = (srcs: readonly Endpoint[], dsts: readonly Endpoint[]): string[] =>
    srcs.flatMap((s) =>
      dsts.flatMap((d) =>
        ports.flatMap((p) => [`${s.id}->${d.id}:${p}/TCP`, `${s.id}->${d.id}:${p}/UDP`]),
      ),
    )
  const expected =
    design.isolation.network === 'default-deny'
      ? expectedConnections(design, system.dns, outside)
      : new Set([...everything(workloads, destinations), ...everything(sources, workloads)])

  return {
    objects: manifests.length,
    schema: { openapi, crd, errors: schemaErrors },
    pss: { pods: pods.length, controlsRun, violations },
    hardening: {
      ran: results.length,
      passed: results.filter((r) => r.status === 'pass').length,
      skipped: results.filter((r) => r.status === 'skip').length,
      waived: failed.length - unwaived.length,
      unwaived,
    },
    reachability: {
      connectionsChecked:
        (workloads.length * destinations.length + sources.length * workloads.length) *
        ports.length *
        2,
      unexpected: [...actual].filter((c) => !expected.has(c)).sort(),
      missing: [...expected].filter((c) => !actual.has(c)).sort(),
    },
  }
}
