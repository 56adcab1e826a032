// Admission policy, runtime security and supply-chain plugins.
import { confirmed } from '../fact'
import type { Plugin } from '../types'

const WEBHOOK_EXPOSURES = [
  'Validating and mutating admission webhooks sit in the API request path: fail-closed blocks deployments when the webhook is down, fail-open silently skips policy',
  'Cluster-wide read RBAC, and write RBAC for mutation or generation',
] as const

export const kyverno: Plugin = {
  id: 'kyverno',
  name: 'Kyverno',
  category: 'policy',
  summary:
    'Kubernetes-native policy engine: YAML/CEL policies that validate, mutate, generate and verify images.',
  maturity: 'graduated',
  footprint: 'admission-webhook',
  provides: ['admission-policy', 'image-verification'],
  exposes: [
    ...WEBHOOK_EXPOSURES,
    'Background controllers that can create resources in any namespace',
  ],
  requires: { linuxOnly: true, ebpf: false },
  facts: [confirmed('Kyverno graduated in the CNCF in March 2026.', ['S73'])],
}

export const gatekeeper: Plugin = {
  id: 'gatekeeper',
  name: 'OPA Gatekeeper',
  category: 'policy',
  summary: 'Open Policy Agent admission controller with Rego constraint templates.',
  maturity: 'graduated',
  footprint: 'admission-webhook',
  provides: ['admission-policy'],
  exposes: [...WEBHOOK_EXPOSURES, 'Audit controller reads every object in the cluster'],
  requires: { linuxOnly: true, ebpf: false },
  facts: [
    confirmed('Gatekeeper is part of Open Policy Agent, a CNCF graduated project (2021).', ['S73']),
  ],
}

export const falco: Plugin = {
  id: 'falco',
  name: 'Falco',
  category: 'runtime-security',
  summary: 'Syscall-level threat detection on every node, with Kubernetes metadata.',
  maturity: 'graduated',
  footprint: 'privileged-daemonset',
  provides: ['runtime-detection'],
  exposes: [
    'Privileged DaemonSet by default, with host /proc, /dev and the container runtime socket mounted',
    'Loads a kernel driver or eBPF probe on every node',
    'Alert outputs can carry sensitive command lines and file paths',
  ],
  requires: { linuxOnly: true, ebpf: true },
  facts: [
    confirmed('Falco graduated in the CNCF in February 2024.', ['S73']),
    confirmed(
      'Runs privileged by default; the modern eBPF probe allows a least-privilege deployment.',
      ['S67'],
    ),
  ],
}

export const tetragon: Plugin = {
  id: 'tetragon',
  name: 'Tetragon',
  category: 'runtime-security',
  summary: 'eBPF security observability with in-kernel enforcement (block calls, kill processes).',
  maturity: 'graduated',
  footprint: 'privileged-daemonset',
  provides: ['runtime-detection', 'runtime-enforcement'],
  exposes: [
    'Privileged eBPF DaemonSet hooking kernel functions on every node',
    'TracingPolicies that override return values or SIGKILL processes can break workloads when wrong',
  ],
  requires: { linuxOnly: true, ebpf: true },
  facts: [
    confirmed('Tetragon is a subproject of Cilium (CNCF graduated).', ['S73']),
    confirmed(
      'Enforces in the kernel, inline with the operation: it overrides a call’s return value or sends SIGKILL to the process.',
      ['TETRAGON-ENFORCEMENT'],
    ),
  ],
}

export const cosignPolicyController: Plugin = {
  id: 'cosign-policy-controller',
  name: 'Sigstore policy-controller',
  category: 'supply-chain',
  summary:
    'Admission webhook that admits only images with valid cosign signatures and attestations.',
  maturity: 'vendor',
  footprint: 'admission-webhook',
  provides: ['image-verification'],
  exposes: [
    'Validating and mutating admission webhooks: an outage blocks or skips image checks',
    'Needs registry credentials and reaches the signature store and transparency log',
  ],
  requires: { linuxOnly: true, ebpf: false },
  facts: [
    confirmed(
      'Sigstore is an OpenSSF project, not CNCF; alternatives for signature admission are Kyverno, Ratify (sandbox) and Notary (incubating).',
      ['S73'],
    ),
  ],
}

export const trivyOperator: Plugin = {
  id: 'trivy-operator',
  name: 'Trivy Operator',
  category: 'supply-chain',
  summary:
    'Scans running workloads for vulnerabilities, misconfigurations and RBAC issues as reports.',
  maturity: 'vendor',
  footprint: 'controller',
  provides: ['vulnerability-scanning'],
  exposes: [
    'Cluster-wide read RBAC, including image pull secrets',
    'Scan jobs run on the nodes; node checks mount host paths',
    'Downloads vulnerability databases (needs a mirror when air-gapped)',
  ],
  requires: { linuxOnly: true, ebpf: false },
  facts: [confirmed('Trivy is an Aqua Security project, not CNCF.', ['S73'])],
}
