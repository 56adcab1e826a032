// v2 designs for the Kubernetes generator's tests: node pools (Windows, sandboxes), Pod Security
// exceptions, endpoints outside the cluster and workload identity, written as design files.
import type { Design } from '../../../../../shared/model/schema'
import { parseDesign } from '../../../../../shared/model/parse'

const WINDOWS_POOL = `
apiVersion: stackwright.dev/v2
kind: Design
metadata: { name: shop-windows, title: Windows pool on EKS }
context: { cloud: aws, requirements: { windowsWorkloads: true } }
choices: { orchestrator: eks, plugins: [calico] }
nodePools:
  - { name: linux, os: bottlerocket, runtime: containerd, size: 3 }
  - name: win
    os: windows-server
    runtime: containerd
    size: 2
    taints: [{ key: os, value: windows, effect: NoSchedule }]
endpoints:
  - { name: internet, kind: internet, ingress: ingress-controller }
  - { name: aws, kind: cloud-api, services: [s3, sts] }
workloads:
  - name: storefront
    image: ghcr.io/shop/storefront:2.1.0
    os: windows
    ports: [80]
    exposure: public
    talksTo: [catalog]
  - name: catalog
    image: ghcr.io/shop/catalog:1.4.0
    ports: [8080]
    talksTo: [aws]
    identity: { cloudRole: 'arn:aws:iam::111122223333:role/catalog-reader' }
`

const SANDBOX_POOLS = `
apiVersion: stackwright.dev/v2
kind: Design
metadata: { name: ci-sandbox }
context: { cloud: on-prem, requirements: { untrustedWorkloads: true } }
choices: { orchestrator: kubernetes, plugins: [calico, kyverno] }
nodePools:
  - { name: control-plane, role: control-plane, os: flatcar, runtime: containerd }
  - { name: workers, os: flatcar, runtime: containerd, labels: { tier: general } }
  - name: kata-metal
    os: flatcar
    runtime: containerd
    sandboxes: [kata]
    virtualization: bare-metal
    taints: [{ key: sandbox, value: kata, effect: NoSchedule }]
  - name: gvisor
    os: flatcar
    runtime: containerd
    sandboxes: [gvisor]
    labels: { tier: general }
    taints: [{ key: sandbox, effect: NoExecute }]
endpoints:
  - { name: github, kind: external, hosts: [github.com, '*.githubusercontent.com'] }
  - { name: mirror, kind: external, cidrs: [192.0.2.0/24], ports: [443, 8443] }
workloads:
  - { name: scheduler, image: 'registry.local/ci/scheduler:3.0.0', ports: [8080], talksTo: [builder, linter] }
  - name: builder
    image: registry.local/ci/builder:3.0.0
    trust: untrusted
    ports: [9000]
    talksTo: [github, mirror]
  - name: linter
    image: registry.local/ci/linter:1.0.0
    trust: untrusted
    sandbox: gvisor
    ports: [9001]
  - name: reporter
    image: registry.local/ci/reporter:1.0.0
    identity:
      orchestratorApi: [{ apiGroups: [batch], resources: [jobs], verbs: [get, list, watch] }]
`

const EXCEPTIONS = `
apiVersion: stackwright.dev/v2
kind: Design
metadata: { name: observability }
choices: { orchestrator: kubernetes, plugins: [cilium, kyverno, gatekeeper] }
nodePools:
  - { name: control-plane, role: control-plane, os: ubuntu, runtime: containerd }
  - { name: workers, os: ubuntu, runtime: containerd }
isolation:
  podSecurity: restricted
  podSecurityByTeam: { build: baseline, ops: privileged }
  namespaces: per-team
workloads:
  - name: log-shipper
    image: fluent/fluent-bit:3.1.9
    team: platform
    role: monitoring
    needs:
      hostPaths: [{ path: /var/log }, { path: /var/lib/fluent-bit, readOnly: false }]
      justification: Ships node and container logs from the host's log directory.
  - name: node-agent
    image: ghcr.io/acme/node-agent:2.0.0
    team: platform
    role: monitoring
    ports: [9100]
    needs:
      hostNetwork: true
      hostPID: true
      privileged: true
      justification: Reads host process and network metrics.
  - name: packer
    image: ghcr.io/acme/packer:1.0.0
    team: build
    needs: { capabilities: [CHOWN, SETUID, SETGID] }
  - name: tracer
    image: ghcr.io/acme/tracer:0.3.0
    team: build
    needs: { capabilities: [SYS_PTRACE], justification: Attaches to build processes to profile them. }
  - name: debugger
    image: ghcr.io/acme/debugger:0.9.0
    team: ops
    needs: { capabilities: [NET_ADMIN] }
  - { name: api, image: 'ghcr.io/acme/api:1.0.0', team: platform, ports: [8080] }
`

const ENDPOINTS_CILIUM = `
apiVersion: stackwright.dev/v2
kind: Design
metadata: { name: payments-edge }
context: { cloud: azure }
choices: { orchestrator: aks, plugins: [cilium] }
nodePools:
  - { name: system, role: system, os: azure-linux, runtime: containerd }
endpoints:
  - { name: internet, kind: internet, ingress: load-balancer, ports: [443, 80] }
  - { name: stripe, kind: external, hosts: [api.stripe.com, '*.stripe.network'] }
  - { name: partner, kind: external, cidrs: [198.51.100.0/24], hosts: [sftp.partner.example], ports: [22] }
  - { name: azure, kind: cloud-api }
  - { name: kube, kind: orchestrator-api }
workloads:
  - name: gateway
    image: ghcr.io/pay/gateway:4.2.0
    replicas: 2
    ports: [8443]
    exposure: public
    talksTo: [payments]
  - name: payments
    image: ghcr.io/pay/payments:7.1.0
    ports: [9000]
    talksTo: [stripe, partner, azure, internet]
    identity: { cloudRole: 8f1c2d3e-4a5b-4c6d-8e7f-901234567890 }
  - name: operator
    image: ghcr.io/pay/operator:1.0.0
    talksTo: [kube]
    identity:
      orchestratorApi:
        - { apiGroups: [''], resources: [configmaps], verbs: [get, update], scope: namespace }
        - { apiGroups: [apps], resources: [deployments], verbs: [get, list, watch], scope: cluster }
  - name: ledger
    image: ghcr.io/pay/ledger:2.0.0
    stateful: true
    ports: [5432]
    exposure: public
    needs: { writablePaths: [/var/lib/postgresql/data] }
`

const IDENTITY_GKE = `
apiVersion: stackwright.dev/v2
kind: Design
metadata: { name: analytics }
context: { cloud: gcp, requirements: { untrustedWorkloads: true } }
choices: { orchestrator: gke, plugins: [gatekeeper] }
nodePools:
  - { name: default-pool, os: cos, runtime: containerd }
  - name: sandbox
    os: cos
    runtime: containerd
    sandboxes: [gvisor]
    taints: [{ key: sandbox.gke.io/runtime, value: gvisor, effect: NoSchedule }]
endpoints:
  - { name: internet, kind: internet, ingress: ingress-controller }
  - { name: google, kind: cloud-api }
workloads:
  - name: dashboard
    image: gcr.io/analytics/dashboard:5.0.0
    ports: [3000]
    exposure: public
    talksTo: [query]
  - name: query
    image: gcr.io/analytics/query:2.3.0
    ports: [8080]
    talksTo: [google]
    identity: { cloudRole: query@analytics-prod.iam.gserviceaccount.com }
  - name: notebook
    image: gcr.io/analytics/notebook:1.0.0
    trust: untrusted
    talksTo: [query]
    identity:
      orchestratorApi: [{ resources: [pods], verbs: [get, list], scope: namespace }]
`

/** Every v2 test design by name. */
export const V2_DESIGN_TEXTS: Readonly<Record<string, string>> = {
  'shop-windows': WINDOWS_POOL,
  'ci-sandbox': SANDBOX_POOLS,
  observability: EXCEPTIONS,
  'payments-edge': ENDPOINTS_CILIUM,
  analytics: IDENTITY_GKE,
}

/** A v2 test design, parsed and checked like a design file; throws on any error. */
export function v2Design(name: string): Design {
  const text = V2_DESIGN_TEXTS[name]
  if (text === undefined) throw new Error(`no v2 test design ${name}`)
  const result = parseDesign(text, { fileName: `${name}.stackwright.yaml` })
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`)
  return result.design
}
