// Representative designs for the Kubernetes generator's tests, written as design files.
import YAML from 'yaml'
import type { Design } from '../../../../../shared/model/schema'
import { designFromV1 } from '../../../../../shared/model/migrate-v1'

const PAYMENTS = `
apiVersion: stackwright.dev/v1
kind: Design
metadata: { name: payments-platform, title: Payments platform, owner: platform-team }
context: { cloud: aws, nodes: 12, requirements: { multiTenant: true, compliance: [pci-dss] } }
choices:
  orchestrator: eks
  runtime: containerd
  os: bottlerocket
  plugins: [cilium, kyverno, falco, external-secrets, prometheus]
isolation: { podSecurity: restricted, namespaces: per-team, network: default-deny, runtimeClassForUntrusted: kata }
workloads:
  - name: web
    image: ghcr.io/acme/web:1.4.2
    team: storefront
    replicas: 3
    ports: [8080]
    exposure: public
    talksTo: [api]
    needs: { writablePaths: [/tmp] }
  - { name: api, image: 'ghcr.io/acme/api:2.0.0', team: payments, ports: [9090], talksTo: [db] }
  - name: db
    image: postgres:16
    team: payments
    ports: [5432]
    needs: { writablePaths: [/var/lib/postgresql/data, /var/run/postgresql] }
  - name: metrics-agent
    image: prom/node-exporter:v1.8.0
    role: monitoring
    observes: [web, api]
`

const SANDBOXED_SAAS = `
apiVersion: stackwright.dev/v1
kind: Design
metadata: { name: sandboxed-saas }
context: { cloud: gcp, requirements: { untrustedWorkloads: true, multiTenant: true } }
choices: { orchestrator: gke, runtime: containerd, os: cos, plugins: [gatekeeper] }
isolation: { podSecurity: restricted, namespaces: per-workload, network: default-deny, runtimeClassForUntrusted: gvisor }
workloads:
  - name: gateway
    image: ghcr.io/saas/gateway:3.1.0
    replicas: 2
    ports: [443, 8443]
    exposure: public
    talksTo: [runner, store]
    needs: { capabilities: [NET_BIND_SERVICE], writablePaths: [/var/cache/nginx, /tmp] }
  - name: runner
    image: ghcr.io/customers/code-runner
    trust: untrusted
    ports: [7000]
    talksTo: [store]
  - name: store
    image: ghcr.io/saas/store@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
    stateful: true
    replicas: 3
    ports: [6379]
    resources: { cpu: '0.5', memory: 1Gi }
    needs: { writablePaths: [/data, /tmp] }
  - name: operator
    image: ghcr.io/saas/operator:0.9.1
    needs: { apiAccess: true }
    talksTo: [gateway]
`

const WINDOWS_MIXED = `
apiVersion: stackwright.dev/v1
kind: Design
metadata: { name: windows-mixed, title: Mixed Windows and Linux }
context: { cloud: azure, requirements: { windowsWorkloads: true, untrustedWorkloads: true } }
choices: { orchestrator: aks, runtime: containerd, os: azure-linux, plugins: [cilium, kyverno] }
isolation: { podSecurity: restricted, namespaces: shared, network: default-deny, runtimeClassForUntrusted: kata }
workloads:
  - name: legacy-iis
    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
    os: windows
    trust: untrusted
    ports: [80]
    exposure: public
    talksTo: [orders]
  - name: orders
    image: ghcr.io/acme/orders:latest
    ports: [8080]
    trust: untrusted
    needs: { capabilities: [NET_ADMIN, NET_BIND_SERVICE] }
  - name: node-probe
    image: ghcr.io/acme/node-probe:1.0.0
    role: monitoring
    observes: [orders, legacy-iis]
    needs: { hostAccess: true, justification: reads host metrics }
`

const OPENSHIFT = `
apiVersion: stackwright.dev/v1
kind: Design
metadata: { name: clinic-records }
context: { cloud: on-prem, requirements: { compliance: [hipaa], untrustedWorkloads: true } }
choices: { orchestrator: openshift, runtime: cri-o, os: rhel, plugins: [gatekeeper] }
isolation: { podSecurity: restricted, namespaces: per-team, network: default-deny, runtimeClassForUntrusted: kata }
workloads:
  - { name: portal, image: 'quay.io/clinic/portal:5.2.0', team: front, replicas: 2, ports: [8080], exposure: public, talksTo: [records] }
  - name: records
    image: quay.io/clinic/records:2.7.1
    team: data
    stateful: true
    ports: [5432]
    needs: { writablePaths: [/var/lib/pgsql/data] }
  - { name: importer, image: 'quay.io/partner/importer:1.0.0', team: data, trust: untrusted, talksTo: [records] }
`

const SELF_MANAGED = `
apiVersion: stackwright.dev/v1
kind: Design
metadata: { name: lab-cluster }
choices: { orchestrator: kubernetes, runtime: containerd, os: flatcar, plugins: [calico] }
isolation: { podSecurity: baseline, namespaces: per-workload, network: allow-all, runtimeClassForUntrusted: firecracker }
workloads:
  - name: 1builder
    image: registry.local:5000/ci/builder
    trust: untrusted
    ports: [9000]
    needs: { capabilities: [CHOWN, SYS_ADMIN] }
  - { name: cache, image: 'registry.local:5000/ci/cache:7', stateful: true, role: sidecar, observes: [1builder] }
`

const AUTOPILOT = `
apiVersion: stackwright.dev/v1
kind: Design
metadata: { name: shop-autopilot }
choices: { orchestrator: gke-autopilot, runtime: containerd, os: cos, plugins: [kyverno] }
isolation: { podSecurity: restricted, namespaces: per-team, network: default-deny }
workloads:
  - { name: shop, image: 'gcr.io/shop/web:4.0.0', replicas: 4, ports: [8080, 9090], exposure: public, talksTo: [shop, cart, ghost] }
  - { name: cart, image: 'gcr.io/shop/cart:1.2.0', ports: [7000], trust: untrusted, talksTo: [batch] }
  - { name: batch, image: 'gcr.io/shop/batch:1.0.0' }
  - { name: cart, image: 'gcr.io/shop/cart:9.9.9' }
`

/** Every test design by name; the first three are the golden ones. */
export const DESIGN_TEXTS: Readonly<Record<string, string>> = {
  'payments-platform': PAYMENTS,
  'sandboxed-saas': SANDBOXED_SAAS,
  'windows-mixed': WINDOWS_MIXED,
  'clinic-records': OPENSHIFT,
  'lab-cluster': SELF_MANAGED,
  'shop-autopilot': AUTOPILOT,
}

export const GOLDEN_DESIGNS = ['payments-platform', 'sandboxed-saas', 'windows-mixed'] as const

/** A test design, parsed and defaulted by the schema. */
export function testDesign(name: string): Design {
  const text = DESIGN_TEXTS[name]
  if (text === undefined) throw new Error(`no test design ${name}`)
  return designFromV1(YAML.parse(text))
}
