// fast-check arbitrary of valid Kubernetes-family designs for the generator's property test: 1-8 Linux
// workloads with flows to existing names, random teams, namespace strategies, trust and sandboxes, and
// capabilities from the set Restricted admits.
import fc from 'fast-check'
import type { Design } from '../../shared/model/schema'
import { designFromV1 } from '../../shared/model/migrate-v1'

const KUBERNETES_ORCHESTRATORS = [
  'kubernetes',
  'eks',
  'gke',
  'gke-autopilot',
  'aks',
  'openshift',
] as const
const SANDBOXES = ['kata', 'gvisor', 'firecracker', 'containerd'] as const
const IMAGES = [
  'ghcr.io/acme/app:1.2.3',
  'registry.example.com:5000/team/svc:2024.1',
  'quay.io/org/tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  'nginx:1.27',
] as const

const dnsName = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/)
const path = fc.stringMatching(/^\/[a-z][a-z0-9_-]{0,8}(\/[a-z0-9_-]{1,6}){0,2}$/)

function workload(name: string, names: readonly string[]) {
  return fc.record({
    name: fc.constant(name),
    image: fc.constantFrom(...IMAGES),
    team: fc.constantFrom('default', 'alpha', 'beta', 'platform-tools'),
    role: fc.constantFrom('app', 'monitoring', 'sidecar'),
    replicas: fc.integer({ min: 1, max: 4 }),
    ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 3 }),
    exposure: fc.constantFrom('public', 'internal', 'none'),
    talksTo: fc.subarray([...names]),
    observes: fc.subarray([...names]),
    trust: fc.constantFrom('trusted', 'untrusted'),
    stateful: fc.boolean(),
    resources: fc.record({
      cpu: fc.constantFrom('50m', '250m', '1', '1.5'),
      memory: fc.constantFrom('64Mi', '512Mi', '2Gi'),
    }),
    needs: fc.record({
      writablePaths: fc.uniqueArray(path, { maxLength: 3 }),
      capabilities: fc.subarray(['NET_BIND_SERVICE']),
      hostAccess: fc.boolean(),
      apiAccess: fc.boolean(),
    }),
  })
}

/** A schema-valid design whose orchestrator is in the Kubernetes family. */
export const kubernetesDesignArb: fc.Arbitrary<Design> = fc
  .uniqueArray(dnsName, { minLength: 1, maxLength: 8 })
  .chain((names) =>
    fc.record({
      apiVersion: fc.constant('stackwright.dev/v1'),
      kind: fc.constant('Design'),
      metadata: fc.record({ name: fc.stringMatching(/^[a-z]([a-z0-9-]{0,40}[a-z0-9])?$/) }),
      choices: fc.record({
        orchestrator: fc.constantFrom(...KUBERNETES_ORCHESTRATORS),
        plugins: fc.subarray(['cilium', 'kyverno', 'gatekeeper']),
      }),
      isolation: fc.record(
        {
          podSecurity: fc.constantFrom('restricted', 'baseline', 'privileged'),
          namespaces: fc.constantFrom('per-workload', 'per-team', 'shared'),
          network: fc.constantFrom('default-deny', 'default-deny', 'allow-all'),
          runtimeClassForUntrusted: fc.constantFrom(...SANDBOXES),
        },
        { requiredKeys: ['podSecurity', 'namespaces', 'network'] },
      ),
      workloads: fc.tuple(...names.map((n) => workload(n, names))),
    }),
  )
  .map((raw) => designFromV1(raw))
