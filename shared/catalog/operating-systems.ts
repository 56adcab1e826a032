// The host OS table: how hardened each node OS is out of the box and how operators reach it.
import { confirmed, unconfirmed } from './fact'
import type { OperatingSystem } from './types'

const DISTRO_MATTERS_LITTLE = confirmed(
  'Containers behave the same on any Linux distribution; the OS matters for hardening and operations, not for behaviour.',
  ['ARTICLE-OS'],
)

export const operatingSystems: readonly OperatingSystem[] = [
  {
    id: 'ubuntu',
    name: 'Ubuntu Server',
    summary: 'General-purpose Linux with a package manager; runs on every orchestrator.',
    family: 'linux',
    immutable: false,
    minimal: false,
    autoUpdates: false,
    mac: 'apparmor',
    access: 'ssh',
    licenceCost: 0,
    facts: [
      unconfirmed('AppArmor is enabled and enforcing by default.', ['ARTICLE-OS']),
      DISTRO_MATTERS_LITTLE,
    ],
  },
  {
    id: 'rhel',
    name: 'Red Hat Enterprise Linux',
    summary: 'Subscription Linux with SELinux enforcing; OpenShift compute nodes may run it.',
    family: 'linux',
    immutable: false,
    minimal: false,
    autoUpdates: false,
    mac: 'selinux-enforcing',
    access: 'ssh',
    licenceCost: 2,
    facts: [
      confirmed('SELinux enforcing is the default and recommended mode.', ['RHEL-SELINUX-MODES']),
      DISTRO_MATTERS_LITTLE,
    ],
  },
  {
    id: 'amazon-linux',
    name: 'Amazon Linux 2023',
    summary: 'AWS’s Fedora-based distribution with versioned repositories; EKS and ECS default.',
    family: 'linux',
    immutable: false,
    minimal: false,
    autoUpdates: false,
    mac: 'selinux-permissive',
    access: 'ssh',
    licenceCost: 0,
    facts: [
      confirmed(
        'SELinux is enabled in permissive mode by default: denials are logged, not enforced.',
        ['AL2023-SELINUX'],
      ),
      confirmed('Amazon Linux 2 ran with SELinux disabled.', ['S60']),
      DISTRO_MATTERS_LITTLE,
    ],
  },
  {
    id: 'bottlerocket',
    name: 'Bottlerocket',
    summary: 'AWS’s container-only OS: dm-verity root, A/B updates, no shell, API access only.',
    family: 'linux',
    immutable: true,
    minimal: true,
    autoUpdates: true,
    mac: 'selinux-enforcing',
    access: 'api-only',
    licenceCost: 0,
    facts: [
      confirmed(
        'Read-only root verified by dm-verity; /etc is a stateless tmpfs; no shell or interpreters.',
        ['S55'],
      ),
      confirmed('Updates are automated and atomic with A/B partitions.', ['S55']),
      confirmed('SELinux enforcing, kernel lockdown and Secure Boot.', ['S55']),
      confirmed(
        'Operators use the API or the SSM control container; SSH only through the optional admin container.',
        ['S55'],
      ),
      confirmed('EKS on Fargate does not use Bottlerocket.', ['S9']),
    ],
  },
  {
    id: 'flatcar',
    name: 'Flatcar Container Linux',
    summary:
      'Immutable, auto-updating container OS (CNCF incubating); on AKS as Azure Container Linux.',
    family: 'linux',
    immutable: true,
    minimal: true,
    autoUpdates: true,
    mac: 'selinux-permissive',
    access: 'ssh',
    licenceCost: 0,
    facts: [
      confirmed('Read-only /usr with USR-A/USR-B partitions.', ['S56']),
      confirmed('Automatic, atomic updates (update_engine, Nebraska) with rollback.', ['S56']),
      confirmed('SELinux is on in permissive mode by default.', ['S56']),
      confirmed('Flatcar is a CNCF incubating project.', ['S73']),
      confirmed(
        'AKS offers it as Azure Container Linux: Flatcar-derived, immutable, with Azure Linux packages; Entra ID SSH is not supported.',
        ['S20', 'AZURE-LINUX-OSSKU'],
      ),
      confirmed(
        'No package manager: it ships only what is needed to run containers, for Kubernetes or Docker workloads.',
        ['FLATCAR-README'],
      ),
    ],
  },
  {
    id: 'talos',
    name: 'Talos Linux',
    summary: 'Immutable, minimal Kubernetes-only OS managed entirely through an mTLS API.',
    family: 'linux',
    immutable: true,
    minimal: true,
    autoUpdates: false,
    mac: 'selinux-permissive',
    access: 'api-only',
    licenceCost: 0,
    facts: [
      confirmed('Immutable and minimal, with atomic upgrades; there is no shell and no SSH.', [
        'S57',
      ]),
      confirmed('Talos runs Kubernetes only.', ['S57']),
      confirmed(
        'SELinux is enabled in permissive mode by default since Talos 1.10 (enforcing is experimental).',
        ['TALOS-SELINUX'],
      ),
    ],
  },
  {
    id: 'fedora-coreos',
    name: 'Fedora CoreOS / RHCOS',
    summary:
      'OSTree-based immutable container OS; Red Hat Enterprise Linux CoreOS (RHCOS) is its OpenShift sibling.',
    family: 'linux',
    immutable: true,
    minimal: true,
    autoUpdates: true,
    mac: 'selinux-enforcing',
    access: 'ssh',
    licenceCost: 0,
    facts: [
      confirmed('rpm-ostree images with Zincati automatic updates.', ['S58']),
      unconfirmed('SELinux is enforcing by default.', ['S58']),
      unconfirmed(
        'RHCOS is required on OpenShift control-plane nodes and updated by the Machine Config Operator; this entry stands for it.',
        ['OCP-RHCOS'],
      ),
    ],
  },
  {
    id: 'cos',
    name: 'Container-Optimized OS',
    summary: 'Google’s GKE node OS: read-only root verified at boot, no package manager.',
    family: 'linux',
    immutable: true,
    minimal: true,
    autoUpdates: true,
    mac: 'apparmor',
    access: 'ssh',
    licenceCost: 0,
    facts: [
      confirmed('Read-only root filesystem verified at boot; no package manager.', ['S59']),
      unconfirmed('Updates are automatic; AppArmor is the MAC default.', ['S59']),
      unconfirmed('Operators reach nodes with SSH or OS Login.', ['S59']),
    ],
  },
  {
    id: 'azure-linux',
    name: 'Azure Linux',
    summary:
      'Microsoft’s container-optimized Linux for AKS (OS SKU AzureLinux); required for Pod Sandboxing.',
    family: 'linux',
    immutable: false,
    minimal: true,
    autoUpdates: false,
    mac: 'none',
    access: 'ssh',
    licenceCost: 0,
    facts: [
      confirmed(
        'Azure Linux is a container-optimized Linux distribution built by Microsoft, selected with the AzureLinux OS SKU.',
        ['AZURE-LINUX-OSSKU'],
      ),
      confirmed('AKS Pod Sandboxing (Kata) runs only on Azure Linux node pools.', ['S15']),
      unconfirmed(
        'Its MAC default was not verified; the catalog assumes none until it is checked.',
        ['AZURE-LINUX-OSSKU'],
      ),
    ],
  },
  {
    id: 'windows-server',
    name: 'Windows Server',
    summary:
      'Windows Server 2019/2022/2025 container hosts: Kubernetes workers only, full Swarm support.',
    family: 'windows',
    immutable: false,
    minimal: false,
    autoUpdates: false,
    mac: 'none',
    access: 'rdp-ssh',
    licenceCost: 2,
    facts: [
      confirmed('Kubernetes runs Windows nodes as workers only (Windows Server 2022/2025).', [
        'S3',
        'ARTICLE-OS',
      ]),
      confirmed(
        'AKS does not patch Windows nodes in place: updates arrive as node-image rollouts; gMSA is GA on AKS.',
        ['S17'],
      ),
      confirmed(
        'The article argues Windows containers are a less common attack target; that is a weak argument, since being less targeted removes no vulnerability.',
        ['ARTICLE-OS'],
      ),
    ],
  },
]
