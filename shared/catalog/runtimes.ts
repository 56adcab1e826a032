// The runtimes table: the kernel boundary each runtime puts around a container, its costs and CVEs.
import { confirmed, unconfirmed } from './fact'
import type { Runtime } from './types'

const RUNC_CVES = [
  {
    id: 'CVE-2019-5736',
    summary: 'A container could overwrite the host runc binary and gain root on the host.',
    source: 'S40',
  },
  {
    id: 'CVE-2024-21626',
    summary:
      '"Leaky Vessels": a leaked file descriptor put the working directory in the host filesystem (fixed in runc 1.1.12).',
    source: 'S41',
  },
  {
    id: 'CVE-2025-31133',
    summary:
      'maskedPaths, /dev/console and procfs write redirection allowed container escapes (with CVE-2025-52565 and CVE-2025-52881, Nov 2025).',
    source: 'S42',
  },
] as const

const NO_RUNTIME_IS_SAFER = confirmed(
  'No mainstream runtime is fundamentally safer than another: all have had serious vulnerabilities. Only designs that change the architecture (no shared kernel) add isolation.',
  ['ARTICLE-RUNTIMES'],
)

export const runtimes: readonly Runtime[] = [
  {
    id: 'containerd',
    name: 'containerd (runc)',
    summary:
      'CNCF-graduated CRI daemon running containers with runc; shims also drive Kata, gVisor and Windows hcsshim.',
    kernel: 'shared',
    hostOs: ['linux', 'windows'],
    needsVirtualization: false,
    hostNetwork: true,
    overhead: 0,
    kind: 'engine',
    cves: [
      {
        id: 'CVE-2020-15257',
        summary:
          'The containerd-shim API socket was reachable from host-network containers, allowing an escape.',
        source: 'S44',
      },
      {
        id: 'CVE-2022-23648',
        summary: 'Image volume handling in the CRI plugin could expose host files to a container.',
        source: 'S44',
      },
      ...RUNC_CVES,
    ],
    facts: [
      confirmed('containerd is a CNCF graduated project.', ['S73']),
      confirmed(
        'Containers share the host kernel: isolation comes from namespaces, cgroups and seccomp.',
        ['ARTICLE-RUNTIMES', 'ARTICLE-ISOLATION'],
      ),
      NO_RUNTIME_IS_SAFER,
    ],
  },
  {
    id: 'cri-o',
    name: 'CRI-O',
    summary: 'Kubernetes-only CRI runtime (crun or runc underneath); the engine of OpenShift.',
    kernel: 'shared',
    hostOs: ['linux'],
    needsVirtualization: false,
    hostNetwork: true,
    overhead: 0,
    kind: 'engine',
    cves: [
      {
        id: 'CVE-2022-0811',
        summary: '"cr8escape": sysctl injection through pod settings gave root on the node.',
        source: 'S45',
      },
      {
        id: 'CVE-2024-3154',
        summary: 'Pod annotations could set arbitrary systemd properties and compromise the node.',
        source: 'S46',
      },
      {
        id: 'CVE-2022-27650',
        summary: 'crun started containers with inheritable capabilities (fixed in crun 1.4.4).',
        source: 'S43',
      },
      RUNC_CVES[1],
    ],
    facts: [
      confirmed('CRI-O graduated in the CNCF in 2023.', ['S73']),
      confirmed('OpenShift supports CRI-O as its only container engine.', ['S21']),
      confirmed(
        'On OpenShift, crun is the default low-level runtime for new containers since 4.18; runc stays selectable through a ContainerRuntimeConfig.',
        ['OCP-CRUN-DEFAULT'],
      ),
      NO_RUNTIME_IS_SAFER,
    ],
  },
  {
    id: 'docker',
    name: 'Docker Engine',
    summary:
      'The Docker daemon (containerd + runc underneath): the runtime of ECS on EC2, Swarm and Nomad’s docker driver.',
    kernel: 'shared',
    hostOs: ['linux', 'windows'],
    needsVirtualization: false,
    hostNetwork: true,
    overhead: 0,
    kind: 'engine',
    cves: [
      {
        id: 'CVE-2024-41110',
        summary: 'Authorization plugins could be bypassed (CVSS 9.9).',
        source: 'S47',
      },
      {
        id: 'CVE-2023-28840',
        summary:
          'Encrypted overlay networks silently carried unencrypted traffic (with CVE-2023-28841 and CVE-2023-28842).',
        source: 'S35',
      },
      RUNC_CVES[0],
      RUNC_CVES[1],
    ],
    facts: [
      confirmed(
        'Kubernetes runs Docker Engine only through cri-dockerd since dockershim was removed in 1.24.',
        ['S1'],
      ),
      confirmed('The ECS agent drives Docker Engine through docker.sock.', ['S25']),
      NO_RUNTIME_IS_SAFER,
    ],
  },
  {
    id: 'kata',
    name: 'Kata Containers',
    summary:
      'Each pod in a lightweight VM with its own kernel (QEMU, Cloud Hypervisor or Firecracker as VMM).',
    kernel: 'microvm',
    hostOs: ['linux'],
    needsVirtualization: true,
    hostNetwork: false,
    overhead: 2,
    kind: 'sandbox',
    cves: [
      {
        id: 'CVE-2020-2023',
        summary: 'A guest could overwrite the host’s guest image file (with CVE-2020-2024..2026).',
        source: 'S49',
      },
      {
        id: 'GHSA-rr59-xxvx-96qr',
        summary: 'virtiofsd annotation injection could expose the host filesystem (2026).',
        source: 'S49',
      },
      {
        id: 'GHSA-2gv2-cffp-j227',
        summary:
          'virtiofsd annotation injection could expose the host filesystem (second 2026 advisory).',
        source: 'S49',
      },
    ],
    facts: [
      confirmed(
        'Kata containers do not share the host kernel, which sharply reduces the risk of privilege escalation to the host.',
        ['ARTICLE-RUNTIMES'],
      ),
      confirmed('Kata needs /dev/kvm on the node: bare metal or nested virtualisation.', [
        'S48',
        'S15',
      ]),
      confirmed('Kata pods cannot use host networking and get lower storage IOPS.', ['S15']),
    ],
  },
  {
    id: 'gvisor',
    name: 'gVisor (runsc)',
    summary:
      'A user-space kernel intercepts the container’s system calls, so the host kernel sees far fewer of them.',
    kernel: 'userspace-kernel',
    hostOs: ['linux'],
    needsVirtualization: false,
    hostNetwork: true,
    overhead: 2,
    kind: 'sandbox',
    cves: [],
    facts: [
      confirmed('gVisor implements a subset of the Linux syscall ABI, so some applications fail.', [
        'S50',
      ]),
      confirmed(
        'GPUs work only through nvproxy, for NVIDIA T4, L4, A100, A10G and H100: "no GPU in gVisor" is outdated.',
        ['S51'],
      ),
      unconfirmed(
        'runsc can share the host network namespace (--network=host); GKE Sandbox may still refuse host namespaces.',
        ['S50', 'S11'],
      ),
      unconfirmed(
        'No gVisor CVE was verified for this catalog; a "GKE gVisor sandbox escape" entry exists in Wiz’s open cloud vulnerability database.',
        ['WIZ-OPEN-CVDB-GVISOR'],
      ),
    ],
  },
  {
    id: 'firecracker',
    name: 'Firecracker (firecracker-containerd)',
    summary: 'KVM microVMs with a minimal device model, built by AWS for Lambda and Fargate.',
    kernel: 'microvm',
    hostOs: ['linux'],
    needsVirtualization: true,
    hostNetwork: false,
    overhead: 1,
    kind: 'sandbox',
    cves: [],
    facts: [
      confirmed(
        'Firecracker is a KVM virtual machine monitor with a minimal device model, developed for AWS Lambda and Fargate; it runs Linux guests.',
        ['S10'],
      ),
      unconfirmed('Firecracker has no GPU passthrough.', ['S52']),
      confirmed(
        'firecracker-containerd works but is "not well tested under nested virtualization".',
        ['S53'],
      ),
    ],
  },
  {
    id: 'fargate',
    name: 'AWS Fargate',
    summary: 'AWS-managed compute: one VM per ECS task or EKS pod, with a dedicated kernel.',
    kernel: 'microvm',
    hostOs: ['linux', 'windows'],
    needsVirtualization: false,
    hostNetwork: false,
    overhead: 1,
    kind: 'engine',
    cves: [],
    facts: [
      confirmed('Each EKS pod on Fargate runs in its own VM with a dedicated kernel.', ['S9']),
      confirmed('Each ECS task on Fargate has its own isolation boundary; no kernel is shared.', [
        'S28',
      ]),
      confirmed(
        'No privileged containers, host networking or host ports on Fargate; on ECS only SYS_PTRACE can be added.',
        ['S9', 'S29'],
      ),
      confirmed(
        'ECS on Fargate also runs Windows tasks (platform 1.0.0, Windows Server 2019/2022); so Fargate serves Linux and Windows tasks.',
        ['S28'],
      ),
      unconfirmed(
        'Which VMM Fargate uses today is not documented; Firecracker was "developed for Lambda and Fargate".',
        ['S10', 'S28'],
      ),
    ],
  },
  {
    id: 'windows-process',
    name: 'Windows process isolation',
    summary: 'Windows containers sharing the host’s Windows kernel (like namespaces on Linux).',
    kernel: 'shared',
    hostOs: ['windows'],
    needsVirtualization: false,
    hostNetwork: true,
    overhead: 0,
    kind: 'isolation-mode',
    cves: [],
    facts: [
      confirmed(
        'Process-isolated containers share the host kernel and need a container OS version that matches the host.',
        ['S54', 'S3'],
      ),
      confirmed('Kubernetes and GKE support Windows containers in process isolation only.', [
        'S3',
        'S12',
      ]),
    ],
  },
  {
    id: 'windows-hyperv',
    name: 'Windows Hyper-V isolation',
    summary: 'Each Windows container in its own utility VM with its own kernel.',
    kernel: 'vm',
    hostOs: ['windows'],
    needsVirtualization: true,
    hostNetwork: false,
    overhead: 2,
    kind: 'sandbox',
    cves: [],
    facts: [
      confirmed('Hyper-V isolation runs each container in a utility VM.', ['S54']),
      confirmed(
        'Kubernetes (and GKE) do not support Hyper-V isolation; Docker, Swarm and Nomad’s docker driver can use it.',
        ['S3', 'S12', 'S37'],
      ),
    ],
  },
]
