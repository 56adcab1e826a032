// Docker Swarm and HashiCorp Nomad: simple self-managed schedulers with few plugin points.
import { confirmed, unconfirmed } from '../fact'
import type { Orchestrator } from '../types'

export const swarm: Orchestrator = {
  id: 'swarm',
  name: 'Docker Swarm',
  family: 'swarm',
  vendor: 'Docker (Mirantis)',
  summary:
    'Swarm mode built into Docker Engine: simple, full Windows support, node mTLS, but no RBAC or NetworkPolicy.',
  clouds: ['on-prem', 'hybrid', 'aws', 'gcp', 'azure'],
  managedControlPlane: false,
  runtimes: ['docker', 'windows-process', 'windows-hyperv'],
  os: {
    controlPlane: ['ubuntu', 'rhel', 'amazon-linux', 'flatcar', 'fedora-coreos', 'windows-server'],
    worker: ['ubuntu', 'rhel', 'amazon-linux', 'flatcar', 'fedora-coreos', 'windows-server'],
  },
  windowsRuntimes: ['windows-process', 'windows-hyperv'],
  plugins: ['prometheus', 'fluent-bit'],
  networkPolicy: 'segmentation',
  securityContext: 'ignored-in-stack',
  builtInPodSecurity: 'none',
  defaults: {
    secretsEncryptedAtRest: true,
    auditLogging: false,
    rbac: false,
    apiTls: true,
    privilegedAllowed: false,
  },
  complexity: 1,
  experienceNeeded: 'none',
  lockIn: 1,
  modularity: 0,
  cost: 0,
  provides: ['transit-encryption'],
  facts: [
    confirmed(
      'Swarm offers relatively full-fledged support for Windows containers, unlike Kubernetes’ worker-only Windows support.',
      ['ARTICLE-OS'],
    ),
    confirmed('Windows containers can use process or Hyper-V isolation.', ['S54']),
    unconfirmed('Windows Server nodes can be managers as well as workers.', ['ARTICLE-OS']),
    confirmed(
      'Encrypted overlay networks are not supported on Windows and fail silently: Windows↔Linux traffic breaks and Windows↔Windows traffic is unencrypted.',
      ['S30'],
    ),
    confirmed(
      'Nodes authenticate with mutual TLS from the swarm PKI (TLS 1.2+, 90-day certificate rotation, CA rotation).',
      ['S31'],
    ),
    confirmed(
      'The control plane is always encrypted; the data plane only with opt-in IPsec (--opt encrypted), at a performance cost.',
      ['S32'],
    ),
    confirmed(
      'Encrypted overlays had CVEs where traffic went out unencrypted (CVE-2023-28840/41/42).',
      ['S35'],
    ),
    confirmed('Secrets are encrypted in the Raft log and mounted on tmpfs at /run/secrets.', [
      'S33',
    ]),
    unconfirmed(
      'There is no RBAC outside Mirantis Kubernetes Engine (formerly UCP): anyone with manager access controls the whole swarm.',
      ['S34'],
    ),
    confirmed(
      'docker stack deploy silently ignores privileged, security_opt (no-new-privileges, seccomp, AppArmor) and devices; cap_add/cap_drop work from Engine 20.10.',
      ['S72', 'SWARM-STACK-IGNORED'],
    ),
    confirmed(
      'There is no NetworkPolicy: segmentation comes only from overlay network membership.',
      ['S32'],
    ),
    unconfirmed(
      'Flatcar and Fedora CoreOS ship a Docker Engine, so Swarm mode runs on them; Docker does not list them as Swarm platforms.',
      ['FLATCAR-README'],
    ),
    unconfirmed(
      'Prometheus discovers Swarm services (dockerswarm_sd_config) and Fluent Bit receives logs through Docker’s fluentd log driver; Kubernetes plugins do not apply.',
      ['PROMETHEUS-SD', 'DOCKER-FLUENTD-DRIVER'],
    ),
  ],
}

export const nomad: Orchestrator = {
  id: 'nomad',
  name: 'HashiCorp Nomad',
  family: 'nomad',
  vendor: 'HashiCorp',
  summary:
    'A single-binary scheduler for containers and other tasks; Consul service mesh and Vault integration.',
  clouds: ['on-prem', 'hybrid', 'aws', 'gcp', 'azure'],
  managedControlPlane: false,
  runtimes: ['docker', 'firecracker', 'gvisor', 'kata', 'windows-process', 'windows-hyperv'],
  os: {
    controlPlane: ['ubuntu', 'rhel', 'amazon-linux', 'flatcar', 'fedora-coreos'],
    worker: ['ubuntu', 'rhel', 'amazon-linux', 'flatcar', 'fedora-coreos', 'windows-server'],
  },
  windowsRuntimes: ['windows-process', 'windows-hyperv'],
  plugins: ['vault', 'prometheus', 'fluent-bit', 'opentelemetry-collector'],
  networkPolicy: 'native',
  securityContext: 'partial',
  builtInPodSecurity: 'platform-restricted',
  defaults: {
    secretsEncryptedAtRest: true,
    auditLogging: false,
    rbac: false,
    apiTls: false,
    privilegedAllowed: false,
  },
  complexity: 3,
  experienceNeeded: 'none',
  lockIn: 1,
  modularity: 2,
  cost: 0,
  provides: ['network-policy', 'mtls'],
  facts: [
    confirmed(
      'Built-in task drivers: docker, exec (Linux only), raw_exec (disabled by default), java and qemu; podman, containerd, firecracker, lxc and others are external plugins.',
      ['S36', 'S37'],
    ),
    confirmed(
      'gVisor (runsc) and Kata run through the docker driver only after they are added to allow_runtimes, whose default is [runc, nvidia].',
      ['S37'],
    ),
    confirmed('Firecracker runs through an external task driver.', ['S36']),
    confirmed('Windows clients run the docker driver with process or hyperv isolation.', ['S37']),
    confirmed(
      'The docker plugin refuses privileged containers by default (allow_privileged = false), its default allow_caps leaves out NET_RAW and SYS_ADMIN, and host volumes are off.',
      ['S37'],
    ),
    confirmed(
      'ACLs are off by default; once enabled, everything is denied unless a policy allows it.',
      ['S37', 'S38'],
    ),
    confirmed('TLS is off by default: set tls { http = true, rpc = true }.', ['S37']),
    confirmed('Tasks reach Vault through workload identity; the legacy token flow was removed.', [
      'S39',
    ]),
    confirmed(
      'This catalog treats Consul service mesh as part of the Nomad platform: flows between tasks are Consul intentions enforced by mTLS sidecars, hence networkPolicy "native" and the mtls capability. It needs a Consul cluster with a default-deny intention policy.',
      ['NOMAD-SERVICE-MESH', 'CONSUL-MESH-SECURITY'],
    ),
    confirmed(
      'Consul service mesh needs Linux network namespaces: it does not run on Windows clients.',
      ['NOMAD-SERVICE-MESH'],
    ),
    unconfirmed('Nomad Variables are encrypted at rest in the servers’ Raft store.', [
      'NOMAD-VARIABLES',
    ]),
    unconfirmed(
      'Servers are modelled on Linux only; Flatcar and Fedora CoreOS fit through the Docker Engine they ship.',
      ['S37', 'FLATCAR-README'],
    ),
    unconfirmed(
      'Prometheus (nomad_sd_config), Fluent Bit and the OpenTelemetry Collector run as Nomad jobs, node agents as system jobs; Kubernetes-only plugins do not apply.',
      ['PROMETHEUS-SD'],
    ),
  ],
}
