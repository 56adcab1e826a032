import { describe, expect, it } from 'vitest'
import { parseAllDocuments, stringify } from 'yaml'
import { kindOf, nameOf, type Obj } from '../../../../support/k8s-manifests'
import { verifyKubernetesTree } from '../../../../support/k8s-verify'
import {
  allowedConnections,
  buildClusterModel,
  isAllowed,
  type Endpoint,
} from '../../../../support/network-reachability'
import { allDesigns } from './examples'
import { testDesign } from './designs'
import { generate } from './helpers'

const pod = (
  id: string,
  namespace: string,
  labels: Record<string, string>,
  ports: number[] = [80],
): Endpoint => ({
  id,
  namespace,
  labels,
  ports: ports.map((port) => ({ name: `p${port}`, port, protocol: 'TCP' as const })),
})
const policy = (namespace: string, spec: Obj): Obj => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: `p${JSON.stringify(spec).length}`, namespace },
  spec,
})
const ns = (name: string, labels: Record<string, string> = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
})

const a = pod('a', 'one', { app: 'a', tier: 'web' })
const b = pod('b', 'one', { app: 'b' }, [80, 8080])
const c = pod('c', 'two', { app: 'c' })
const outside: Endpoint = {
  id: 'out',
  namespace: undefined,
  labels: {},
  ports: [],
  ip: '198.51.100.7',
}
const namespaces = [ns('one', { team: 'x' }), ns('two', { team: 'y' })]

function model(policies: Obj[]) {
  return buildClusterModel([...namespaces, ...policies], { endpoints: [a, b, c, outside] })
}

describe('NetworkPolicy evaluation', () => {
  it('allows everything when no policy selects a pod', () => {
    expect(isAllowed(model([]), a, c, 1234, 'UDP')).toBe(true)
  })

  it('isolates only the selected direction: an ingress-only policy leaves egress open', () => {
    const m = model([
      policy('one', { podSelector: { matchLabels: { app: 'b' } }, policyTypes: ['Ingress'] }),
    ])
    expect(isAllowed(m, a, b, 80, 'TCP')).toBe(false)
    expect(isAllowed(m, b, a, 80, 'TCP')).toBe(true)
  })

  it('infers policyTypes from the rules when they are not listed', () => {
    const m = model([policy('one', { podSelector: { matchLabels: { app: 'a' } }, egress: [] })])
    expect(isAllowed(m, a, c, 80, 'TCP')).toBe(false)
    expect(isAllowed(m, c, a, 80, 'TCP')).toBe(false)
  })

  it('reads a podSelector peer in the policy namespace only, and ANDs it with a namespaceSelector', () => {
    const deny = policy('two', { podSelector: {}, policyTypes: ['Ingress'] })
    const samePodsOtherNs = policy('two', {
      podSelector: {},
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }] }],
    })
    expect(isAllowed(model([deny, samePodsOtherNs]), a, c, 80, 'TCP')).toBe(false)
    const both = policy('two', {
      podSelector: {},
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { team: 'x' } },
              podSelector: { matchLabels: { app: 'a' } },
            },
          ],
        },
      ],
    })
    expect(isAllowed(model([both]), a, c, 80, 'TCP')).toBe(true)
    expect(isAllowed(model([both]), b, c, 80, 'TCP')).toBe(false)
    const either = policy('two', {
      podSelector: {},
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { team: 'x' } } },
            { podSelector: { matchLabels: { app: 'a' } } },
          ],
        },
      ],
    })
    expect(isAllowed(model([either]), b, c, 80, 'TCP')).toBe(true)
  })

  it('supports matchExpressions', () => {
    const p = (operator: string, values?: string[]) =>
      model([
        policy('one', {
          podSelector: {
            matchExpressions: [{ key: 'tier', operator, ...(values ? { values } : {}) }],
          },
          policyTypes: ['Egress'],
        }),
      ])
    expect(isAllowed(p('In', ['web']), a, c, 80, 'TCP')).toBe(false)
    expect(isAllowed(p('In', ['db']), a, c, 80, 'TCP')).toBe(true)
    expect(isAllowed(p('NotIn', ['web']), b, c, 80, 'TCP')).toBe(false)
    expect(isAllowed(p('Exists'), b, c, 80, 'TCP')).toBe(true)
    expect(isAllowed(p('DoesNotExist'), b, c, 80, 'TCP')).toBe(false)
  })

  it('matches ports by number, name, protocol and range', () => {
    const ingress = (ports: Obj[]) =>
      model([policy('one', { podSelector: { matchLabels: { app: 'b' } }, ingress: [{ ports }] })])
    expect(isAllowed(ingress([{ port: 8080 }]), a, b, 8080, 'TCP')).toBe(true)
    expect(isAllowed(ingress([{ port: 8080 }]), a, b, 8080, 'UDP')).toBe(false)
    expect(isAllowed(ingress([{ port: 8080 }]), a, b, 80, 'TCP')).toBe(false)
    expect(isAllowed(ingress([{ port: 'p80' }]), a, b, 80, 'TCP')).toBe(true)
    expect(isAllowed(ingress([{ port: 'p80' }]), a, b, 8080, 'TCP')).toBe(false)
    expect(isAllowed(ingress([{ port: 8000, endPort: 8100 }]), a, b, 8080, 'TCP')).toBe(true)
    expect(isAllowed(ingress([{ protocol: 'UDP' }]), a, b, 53, 'UDP')).toBe(true)
  })

  it('treats an absent from as any source, and ipBlock as addresses outside the cluster', () => {
    const open = model([
      policy('one', {
        podSelector: { matchLabels: { app: 'b' } },
        ingress: [{ ports: [{ port: 80 }] }],
      }),
    ])
    expect(isAllowed(open, outside, b, 80, 'TCP')).toBe(true)
    expect(isAllowed(open, c, b, 80, 'TCP')).toBe(true)
    const block = model([
      policy('one', {
        podSelector: { matchLabels: { app: 'b' } },
        ingress: [
          { from: [{ ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.0/30'] } }] },
        ],
      }),
    ])
    expect(isAllowed(block, outside, b, 80, 'TCP')).toBe(true)
    expect(isAllowed(block, { ...outside, ip: '198.51.100.3' }, b, 80, 'TCP')).toBe(false)
    expect(isAllowed(block, c, b, 80, 'TCP')).toBe(false)
  })

  it('needs both the egress of the source and the ingress of the destination', () => {
    const egressOnly = policy('one', {
      podSelector: { matchLabels: { app: 'a' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'b' } } }] }],
    })
    const denyB = policy('one', {
      podSelector: { matchLabels: { app: 'b' } },
      policyTypes: ['Ingress'],
    })
    expect(isAllowed(model([egressOnly]), a, b, 80, 'TCP')).toBe(true)
    expect(isAllowed(model([egressOnly, denyB]), a, b, 80, 'TCP')).toBe(false)
    expect([...allowedConnections(model([egressOnly]), [a], [b, c], [80], ['TCP'])]).toEqual([
      'a->b:80/TCP',
    ])
  })
})

describe('generated NetworkPolicies allow exactly the declared flows', () => {
  for (const [label, design] of allDesigns()) {
    it(`${label}: declared flows, DNS and public ingress are open; nothing else is`, () => {
      const report = verifyKubernetesTree(design, generate(design))
      expect(report.reachability.missing).toEqual([])
      expect(report.reachability.unexpected).toEqual([])
      expect(report.reachability.connectionsChecked).toBeGreaterThan(0)
    })
  }

  it('notices a policy that is missing or too broad (the check can fail)', () => {
    const design = testDesign('payments-platform')
    const out = generate(design)
    const drop = (predicate: (o: Obj) => boolean) => ({
      ...out,
      artifacts: out.artifacts.map((a) =>
        a.path.includes('network-policies/')
          ? { ...a, content: stripDocs(a.content, predicate) }
          : a,
      ),
    })
    const noDns = verifyKubernetesTree(
      design,
      drop((o) => nameOf(o) === 'allow-dns-egress'),
    )
    expect(noDns.reachability.missing).toContain('web->dns:53/UDP')
    const noApiEgress = verifyKubernetesTree(
      design,
      drop((o) => nameOf(o) === 'web-egress'),
    )
    expect(noApiEgress.reachability.missing).toEqual(['web->api:9090/TCP'])
    const noDefaultDeny = verifyKubernetesTree(
      design,
      drop((o) => kindOf(o) === 'NetworkPolicy' && nameOf(o) === 'default-deny'),
    )
    // allow-dns-egress still isolates every pod for egress, but metrics-agent has no ingress policy of its own.
    expect(noDefaultDeny.reachability.unexpected).toContain('internet->metrics-agent:443/TCP')
    expect(
      noDefaultDeny.reachability.unexpected.every((c) =>
        /^(internet|ingress-controller)->metrics-agent:/.test(c),
      ),
    ).toBe(true)
  })
})

function stripDocs(text: string, drop: (o: Obj) => boolean): string {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as Obj)
    .filter((o) => !drop(o))
    .map((o) => stringify(o))
    .join('---\n')
}
