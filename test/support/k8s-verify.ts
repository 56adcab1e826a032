// Runs every check of the Kubernetes generator's bar over one generated tree and reports the counts:
// schema validation, Pod Security Standards, linter-equivalent checks (failures must be waived by a
// K8S-WAIVER control naming the check and the file), and exact NetworkPolicy reachability.
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

/** The connections the design declares, derived from the design alone (not from the generator). */
export function expectedConnections(design: Design, dns: Endpoint): Set<string> {
  const first = new Map<string, Design['workloads'][number]>()
  for (const w of design.workloads) if (!first.has(w.name)) first.set(w.name, w)
  const out = new Set<string>()
  for (const w of first.values()) {
    for (const target of [...w.talksTo, ...w.observes]) {
      const t = first.get(target)
      if (t === undefined || t.name === w.name) continue
      for (const port of t.ports) out.add(`${w.name}->${t.name}:${port}/TCP`)
    }
    for (const p of dns.ports) out.add(`${w.name}->dns:${p.port}/${p.protocol}`)
    if (w.exposure === 'public')
      for (const port of w.ports) out.add(`internet->${w.name}:${port}/TCP`)
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
  let controlsRun = 0
  const violations = pods.flatMap((o) => {
    const level = pssLevel ?? enforcedLevel(objects, namespaceOf(o))
    controlsRun +=
      level === 'restricted'
        ? PSS_CONTROLS.baseline.length + PSS_CONTROLS.restricted.length
        : level === 'baseline'
          ? PSS_CONTROLS.baseline.length
          : 0
    return checkPodSecurity(podTemplateOf(o) as Obj, level).map(
      (v) => `${nameOf(o)}: ${v.level}/${v.control}: ${v.detail}`,
    )
  })

  const results = runHardeningChecks(manifests)
  const failed = results.filter((r) => r.status === 'fail')
  const unwaived = failed.filter((r) => !isWaived(r, output.controls))

  const system = systemEndpoints(design)
  const model = buildClusterModel(objects, {
    namespaces: system.namespaces,
    endpoints: [system.dns, system.other, EXTERNAL],
  })
  const workloads = model.endpoints.filter(
    (e) => e.id !== 'dns' && e.id !== 'metrics-server' && e !== EXTERNAL,
  )
  const ports = [
    ...new Set([...design.workloads.flatMap((w) => w.ports), 53, 5353, 443, 1, 65535]),
  ].sort((a, b) => a - b)
  // Workloads to everything; the outside world to workloads (system namespaces are not ours to police).
  const destinations = [...workloads, system.dns, system.other, EXTERNAL]
  const actual = new Set([
    ...allowedConnections(model, workloads, destinations, ports),
    ...allowedConnections(model, [EXTERNAL], workloads, ports),
  ])
  const everything = (srcs: readonly Endpoint[], dsts: readonly Endpoint[]): string[] =>
    srcs.flatMap((s) =>
      dsts.flatMap((d) =>
        ports.flatMap((p) => [`${s.id}->${d.id}:${p}/TCP`, `${s.id}->${d.id}:${p}/UDP`]),
      ),
    )
  const expected =
    design.isolation.network === 'default-deny'
      ? expectedConnections(design, system.dns)
      : new Set([...everything(workloads, destinations), ...everything([EXTERNAL], workloads)])

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
        (workloads.length * destinations.length + workloads.length) * ports.length * 2,
      unexpected: [...actual].filter((c) => !expected.has(c)).sort(),
      missing: [...expected].filter((c) => !actual.has(c)).sort(),
    },
  }
}
