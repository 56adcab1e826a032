// The wrong verdicts format v1 gave (issue 9, "Observed"), each now a test of the true verdict with
// its primary source. Sources checked 2026-12.
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../../shared/catalog/index'
import { evaluate } from '../../../../shared/engine/evaluate'
import type { Evaluation } from '../../../../shared/engine/types'
import { makeV2Design } from '../../../support/designs'

const pool = (name: string, role: string, os: string, runtime: string, more: object = {}) => ({
  name,
  role,
  os,
  runtime,
  ...more,
})
const app = (name: string, more: object = {}) => ({
  name,
  image: `ghcr.io/acme/${name}:1.0.0`,
  ports: [8080],
  ...more,
})
const violationIds = (e: Evaluation) => e.violations.map((v) => v.id)
const points = (e: Evaluation, rule: string) =>
  Object.values(e.scores.criteria)
    .flatMap((c) => c.contributions)
    .filter((x) => x.rule === rule)
    .reduce((sum, x) => sum + x.points, 0)

describe('Swarm on Windows Server with Docker Engine', () => {
  // Docker Engine API, TaskSpec.Placement: constraints such as `node.platform.os==windows` place
  // services in a mixed cluster; the article: "Docker Swarm offers relatively full-fledged support
  // for Windows containers". Docker Engine runs on Windows Server (S3, S54).
  const swarm = (pools: object[], workloads: object[]) =>
    makeV2Design({
      context: { cloud: 'on-prem' },
      choices: { orchestrator: 'swarm', plugins: [] },
      nodePools: pools,
      workloads,
    })

  it('a mostly-Windows cluster with one Linux service is buildable', () => {
    const design = swarm(
      [
        pool('managers', 'control-plane', 'windows-server', 'docker'),
        pool('windows', 'workers', 'windows-server', 'docker', { size: 4 }),
        pool('linux', 'workers', 'ubuntu', 'docker', { size: 1 }),
      ],
      [
        app('web', { os: 'windows', exposure: 'public' }),
        app('orders', { os: 'windows' }),
        app('cache', { os: 'linux' }),
      ],
    )
    const e = evaluate(design, catalog)
    expect(violationIds(e)).toEqual([])
  })

  it('Windows process isolation is how Docker runs Windows containers, not a node engine to choose', () => {
    const design = swarm(
      [
        pool('managers', 'control-plane', 'ubuntu', 'docker'),
        pool('windows', 'workers', 'windows-server', 'windows-process'),
        pool('linux', 'workers', 'ubuntu', 'docker'),
      ],
      [app('web', { os: 'windows', exposure: 'public' }), app('cache')],
    )
    const e = evaluate(design, catalog)
    expect(e.violations.map((v) => [v.id, v.paths[0]])).toEqual([
      ['COMPAT-RUNTIME-ORCHESTRATOR', 'nodePools[1].runtime'],
    ])
    expect(e.violations[0]!.fix).toContain('Docker Engine')
  })
})

describe('sandboxes for untrusted Windows workloads', () => {
  // Kata Containers "creates hardware-virtualized Linux containers running on Linux hosts" (kata
  // runtime README); gVisor implements the Linux system-call interface (S50); AKS Pod Sandboxing
  // runs on Azure Linux only (S15); GKE Sandbox: gVisor on Linux node pools (S11).
  const cases = [
    {
      name: 'AKS with Kata',
      cloud: 'azure',
      orchestrator: 'aks',
      linux: pool('system', 'system', 'azure-linux', 'containerd', {
        sandboxes: ['kata'],
        virtualization: 'nested',
      }),
      plugins: ['cilium'],
    },
    {
      name: 'GKE with gVisor',
      cloud: 'gcp',
      orchestrator: 'gke',
      linux: pool('linux', 'workers', 'cos', 'containerd', { sandboxes: ['gvisor'] }),
      plugins: [],
    },
  ]

  it.each(cases)('$name: an untrusted Windows workload cannot be sandboxed', (c) => {
    const untrustedWindows = app('legacy', { os: 'windows', trust: 'untrusted' })
    const design = makeV2Design({
      context: { cloud: c.cloud },
      choices: { orchestrator: c.orchestrator, plugins: c.plugins },
      nodePools: [c.linux, pool('windows', 'workers', 'windows-server', 'containerd')],
      workloads: [app('web', { exposure: 'public' }), untrustedWindows],
    })
    const e = evaluate(design, catalog)
    const placement = e.violations.find((v) => v.id === 'COMPAT-WORKLOAD-PLACEMENT')
    expect(placement?.paths).toContain('workloads[1].trust')
    expect(placement?.fix).toMatch(/Linux containers only/)
  })

  it.each(cases)('$name: a sandbox listed on the Windows pool is refused, not scored', (c) => {
    const sandbox = c.orchestrator === 'aks' ? 'kata' : 'gvisor'
    const design = makeV2Design({
      context: { cloud: c.cloud },
      choices: { orchestrator: c.orchestrator, plugins: c.plugins },
      nodePools: [
        c.linux,
        pool('windows', 'workers', 'windows-server', 'containerd', {
          sandboxes: [sandbox],
          virtualization: 'nested',
        }),
      ],
      workloads: [app('legacy', { os: 'windows', trust: 'untrusted', pool: 'windows' })],
    })
    const e = evaluate(design, catalog)
    expect(e.violations.map((v) => v.id)).toContain('COMPAT-SANDBOX-UNSUPPORTED')
    expect(points(e, 'ISO-UNTRUSTED-SANDBOX')).toBeLessThanOrEqual(0)
  })
})

describe('Linux-only agents on EKS with Windows nodes', () => {
  // EKS: "at least one Linux node" for CoreDNS (S6); Falco and Cilium run on Linux nodes (S67, S62).
  const eks = (pools: object[], workloads: object[], plugins = ['falco', 'cilium']) =>
    makeV2Design({
      context: { cloud: 'aws' },
      choices: { orchestrator: 'eks', plugins },
      nodePools: pools,
      workloads,
    })
  const windows = pool('windows', 'workers', 'windows-server', 'containerd')
  const linux = pool('linux', 'workers', 'bottlerocket', 'containerd', { size: 2 })

  it('Windows nodes only: refused, the cluster needs a Linux node and the agents cover nothing', () => {
    const e = evaluate(eks([windows], [app('web', { os: 'windows', exposure: 'public' })]), catalog)
    expect(violationIds(e)).toEqual(
      expect.arrayContaining(['COMPAT-LINUX-POOL-REQUIRED', 'COMPAT-PLUGIN-OS']),
    )
  })

  it('detection points count only the workloads the Linux agent can see', () => {
    const allLinux = eks([linux], [app('web', { exposure: 'public' }), app('api')])
    const halfWindows = eks(
      [linux, windows],
      [app('web', { exposure: 'public' }), app('api', { os: 'windows' })],
    )
    const allWindows = eks(
      [linux, windows],
      [app('web', { os: 'windows', exposure: 'public' }), app('api', { os: 'windows' })],
    )
    const full = points(evaluate(allLinux, catalog), 'VIS-RUNTIME-DETECTION')
    expect(full).toBe(20)
    expect(points(evaluate(halfWindows, catalog), 'VIS-RUNTIME-DETECTION')).toBe(full / 2)
    expect(points(evaluate(allWindows, catalog), 'VIS-RUNTIME-DETECTION')).toBe(0)
  })
})

describe('a justified host agent', () => {
  // Pod Security Admission applies per namespace (PSS): an exception gets a labelled namespace of
  // its own; the article warns against a "generic security context for a whole namespace or
  // (worse) cluster".
  const agent = app('node-agent', {
    role: 'monitoring',
    needs: {
      hostPaths: [{ path: '/var/log', readOnly: true }],
      justification: 'Ships node logs to the SIEM.',
    },
  })

  it('runs in an exception namespace; every other workload keeps restricted', () => {
    const design = makeV2Design({
      workloads: [app('web', { exposure: 'public' }), app('api'), agent],
    })
    const e = evaluate(design, catalog)
    expect(design.isolation.podSecurity).toBe('restricted')
    expect(violationIds(e)).toEqual([])
    const withoutAgent = evaluate(
      makeV2Design({ workloads: [app('web', { exposure: 'public' }), app('api')] }),
      catalog,
    )
    // The exception lowers pod-security points in proportion to one workload of three, not to zero.
    const before = points(withoutAgent, 'ISO-POD-SECURITY')
    const after = points(e, 'ISO-POD-SECURITY')
    expect(after).toBeLessThan(before)
    expect(after).toBeGreaterThan(0)
  })
})
