// Secrets plugins and observability agents.
import { confirmed, unconfirmed } from '../fact'
import type { Plugin } from '../types'

export const externalSecrets: Plugin = {
  id: 'external-secrets',
  name: 'External Secrets Operator',
  category: 'secrets',
  summary:
    'Syncs secrets from external stores (cloud secret managers, Vault) into Kubernetes Secrets.',
  maturity: 'sandbox',
  footprint: 'controller',
  provides: ['secret-store-sync'],
  exposes: [
    'Controller holds credentials (or a cloud identity) that read the external secret store',
    'Writes Kubernetes Secrets in any namespace: cluster-wide Secret write RBAC',
    'Synced Secrets still land in etcd',
  ],
  requires: { linuxOnly: true, ebpf: false },
  facts: [
    confirmed('External Secrets Operator is a CNCF sandbox project (2022).', ['S73']),
    confirmed(
      'Synced values are ordinary Kubernetes Secrets in etcd, so pair it with encryption at rest.',
      ['S5', 'K8S-SECRETS-GOOD-PRACTICES'],
    ),
  ],
}

export const vault: Plugin = {
  id: 'vault',
  name: 'HashiCorp Vault (Agent)',
  category: 'secrets',
  summary:
    'Vault Agent sidecars (or the CSI provider) deliver dynamic, short-lived secrets from Vault.',
  maturity: 'vendor',
  footprint: 'sidecar',
  provides: ['dynamic-secrets', 'secret-store-sync'],
  exposes: [
    'Agent injector mutating webhook adds a sidecar to annotated pods',
    'Every injected pod holds a Vault token or workload identity',
    'Vault itself becomes a critical service to run, unseal and back up',
    'The CSI provider variant runs a privileged DaemonSet',
  ],
  requires: { linuxOnly: false, ebpf: false },
  facts: [
    confirmed('Vault is a HashiCorp product, not a CNCF project.', ['S73']),
    confirmed('Nomad tasks reach Vault through workload identity.', ['S39']),
    confirmed(
      'The Secrets Store CSI driver, used by the CSI provider variant, is a privileged DaemonSet with a Bidirectional mount.',
      ['S68'],
    ),
    unconfirmed('Vault Agent can run beside any container as a sidecar that renders secrets.', [
      'VAULT-AGENT',
    ]),
  ],
}

export const sealedSecrets: Plugin = {
  id: 'sealed-secrets',
  name: 'Sealed Secrets',
  category: 'secrets',
  summary:
    'Encrypts secrets for Git; an in-cluster controller decrypts them into Kubernetes Secrets.',
  maturity: 'vendor',
  footprint: 'controller',
  provides: ['gitops-secrets'],
  exposes: [
    'The controller’s private key decrypts every sealed secret: back it up and guard it',
    'Writes Kubernetes Secrets, which land in etcd',
  ],
  requires: { linuxOnly: true, ebpf: false },
  facts: [confirmed('Sealed Secrets is a Bitnami project, not CNCF.', ['S73'])],
}

export const prometheus: Plugin = {
  id: 'prometheus',
  name: 'Prometheus (operator + node-exporter)',
  category: 'observability',
  summary: 'Metrics collection and alerting; node-exporter on every node.',
  maturity: 'graduated',
  footprint: 'daemonset',
  provides: ['metrics'],
  exposes: [
    'node-exporter DaemonSet with hostNetwork and hostPID, reading host /proc and /sys',
    'Cluster-wide read RBAC for service discovery',
    'Metrics endpoints can leak labels and internal names',
  ],
  requires: { linuxOnly: false, ebpf: false },
  facts: [
    confirmed('Prometheus is a CNCF graduated project.', ['S73']),
    unconfirmed('Service discovery also covers Docker Swarm and Nomad.', ['PROMETHEUS-SD']),
  ],
}

export const fluentBit: Plugin = {
  id: 'fluent-bit',
  name: 'Fluent Bit',
  category: 'observability',
  summary: 'Lightweight log processor and forwarder: node DaemonSet, or FireLens sidecar on ECS.',
  maturity: 'graduated',
  footprint: 'daemonset',
  provides: ['logs'],
  exposes: [
    'hostPath mount of /var/log: it reads every container’s logs on the node',
    'Holds credentials for the log destinations',
  ],
  requires: { linuxOnly: false, ebpf: false },
  facts: [
    confirmed('Fluent Bit is a subproject of Fluentd, a CNCF graduated project.', ['S73']),
    confirmed('On ECS, FireLens runs Fluent Bit as a log-router sidecar inside the task.', [
      'ECS-FIRELENS',
    ]),
  ],
}

export const openTelemetryCollector: Plugin = {
  id: 'opentelemetry-collector',
  name: 'OpenTelemetry Collector',
  category: 'observability',
  summary: 'Vendor-neutral pipeline for traces, metrics and logs: agent, gateway or sidecar.',
  maturity: 'graduated',
  footprint: 'agent',
  provides: ['traces', 'metrics', 'logs'],
  exposes: [
    'As a node agent it mounts host paths for logs and host metrics',
    'Receivers open OTLP ports that any workload can send to',
    'Holds credentials for the telemetry back ends',
  ],
  requires: { linuxOnly: false, ebpf: false },
  facts: [
    confirmed('OpenTelemetry graduated in the CNCF in May 2026.', ['S73']),
    confirmed(
      'On ECS (EC2 and Fargate) the AWS Distro for OpenTelemetry Collector runs as a sidecar in the task.',
      ['ECS-ADOT'],
    ),
  ],
}
