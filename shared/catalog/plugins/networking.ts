// Network plugins: CNIs that enforce (or fail to enforce) NetworkPolicy, and service meshes.
import { confirmed, unconfirmed } from '../fact'
import type { Plugin } from '../types'

export const calico: Plugin = {
  id: 'calico',
  name: 'Calico',
  category: 'cni',
  summary: 'Tigera’s CNI and policy engine: Kubernetes NetworkPolicy plus Calico policies.',
  maturity: 'vendor',
  footprint: 'privileged-daemonset',
  provides: ['network-policy', 'transit-encryption'],
  exposes: [
    'calico-node runs as a privileged DaemonSet on every node, programming iptables or eBPF and routes',
    'Installs CNI binaries and configuration into host paths (/opt/cni/bin, /etc/cni/net.d)',
    'Cluster-wide RBAC for the policy controllers and Typha',
    'A policy mistake can cut traffic cluster-wide',
  ],
  requires: { linuxOnly: false, ebpf: false },
  combinesWith: [
    {
      plugin: 'aws-vpc-cni',
      mode: 'policy-only on the AWS VPC CNI (Installation.spec.cni.type: AmazonVPC; the VPC CNI network policy agent turned off first)',
      sources: ['CALICO-EKS-POLICY-ONLY'],
    },
  ],
  facts: [
    confirmed(
      'On EKS, Calico can enforce policy while the AWS VPC CNI does networking and IPAM (Policy:Calico, IPAM:AWS, CNI:AWS); the VPC CNI network policy agent must be turned off first.',
      ['CALICO-EKS-POLICY-ONLY'],
      '2026-12',
    ),
    confirmed(
      'Enforces Kubernetes NetworkPolicy and Calico’s own policies; WireGuard encrypts pod traffic (IPv4 and IPv6).',
      ['S61'],
    ),
    confirmed(
      'calico-node runs privileged by default; a non-privileged, non-root mode exists for operator installs only, without the eBPF data plane, and its init containers stay privileged.',
      ['CALICO-NON-PRIVILEGED'],
    ),
    confirmed(
      'On AKS Calico is a network policy engine, also for Windows Server 2019/2022 nodes.',
      ['S18'],
    ),
    confirmed('Calico is a Tigera project, not a CNCF one.', ['S73']),
  ],
}

export const cilium: Plugin = {
  id: 'cilium',
  name: 'Cilium',
  category: 'cni',
  summary: 'eBPF CNI with NetworkPolicy, L7/FQDN policy and WireGuard or IPsec encryption.',
  maturity: 'graduated',
  footprint: 'privileged-daemonset',
  provides: ['network-policy', 'l7-policy', 'transit-encryption'],
  exposes: [
    'cilium-agent DaemonSet on the host network with CAP_SYS_ADMIN, CAP_NET_ADMIN and other capabilities: privileged in effect',
    'Loads eBPF programs into every node’s kernel and mounts host /sys/fs/bpf and cgroups',
    'exec into a Cilium pod is privileged access to the node',
    'Encryption bugs have left traffic unencrypted (GO-2024-2568 and others)',
  ],
  requires: { linuxOnly: true, ebpf: true },
  combinesWith: [
    {
      plugin: 'aws-vpc-cni',
      mode: 'CNI chaining on the AWS VPC CNI (cni.chainingMode=aws-cni, cni.exclusive=false, routingMode=native; VPC CNI 1.11.2 or later)',
      sources: ['CILIUM-AWS-CNI-CHAINING'],
    },
  ],
  facts: [
    confirmed(
      'Cilium can chain on the AWS VPC CNI: the VPC CNI sets up devices and IPAM through ENIs, Cilium attaches eBPF programs for policy, load balancing and encryption.',
      ['CILIUM-AWS-CNI-CHAINING'],
      '2026-12',
    ),
    confirmed('Cilium graduated in the CNCF in October 2023.', ['S73']),
    confirmed(
      'The agent needs Linux capabilities including CAP_SYS_ADMIN; exec into its pod is already privileged access, so pod exec must be restricted.',
      ['CILIUM-POD-ACCESS'],
    ),
    confirmed(
      'WireGuard or IPsec transparent encryption; traffic between pods on the same node is not encrypted.',
      ['S62'],
    ),
    confirmed(
      'Encryption CVEs left traffic unencrypted (GO-2024-2568, GO-2024-2569, GO-2024-2656, GO-2024-2666).',
      ['S63'],
    ),
    confirmed('Recommended network policy engine on AKS (Azure CNI powered by Cilium).', [
      'S18',
      'S66',
    ]),
  ],
}

export const flannel: Plugin = {
  id: 'flannel',
  name: 'Flannel',
  category: 'cni',
  summary: 'Simple overlay pod network with no NetworkPolicy enforcement.',
  maturity: 'vendor',
  footprint: 'daemonset',
  provides: [],
  exposes: [
    'kube-flannel DaemonSet on the host network with NET_ADMIN to program routes and VXLAN',
    'Installs CNI binaries and configuration into host paths',
    'NetworkPolicies are accepted by the API but not enforced: a false sense of segmentation',
  ],
  requires: { linuxOnly: false, ebpf: false },
  facts: [
    confirmed('Flannel does not implement NetworkPolicy.', ['S64']),
    unconfirmed('Encryption backends (WireGuard, IPsec) exist but were not verified.', ['S64']),
    confirmed('Flannel is not a CNCF project.', ['S73']),
  ],
}

export const awsVpcCni: Plugin = {
  id: 'aws-vpc-cni',
  name: 'Amazon VPC CNI',
  category: 'cni',
  summary: 'EKS’s default CNI: pods get VPC IP addresses; NetworkPolicy through an opt-in agent.',
  maturity: 'vendor',
  footprint: 'privileged-daemonset',
  provides: ['network-policy'],
  exposes: [
    'aws-node DaemonSet on the host network with NET_ADMIN and a privileged init container',
    'The node IAM role (or IRSA role) may create and attach ENIs in the VPC',
    'eBPF network policy agent in every node’s kernel when policy is enabled',
  ],
  requires: { linuxOnly: true, ebpf: true },
  facts: [
    confirmed(
      'NetworkPolicy enforcement is opt-in: the network policy agent needs VPC CNI v1.14+ and must be enabled.',
      ['S8'],
    ),
    confirmed('EKS on Fargate uses the VPC CNI only.', ['S9']),
  ],
}

export const istio: Plugin = {
  id: 'istio',
  name: 'Istio',
  category: 'service-mesh',
  summary:
    'Service mesh with mTLS and authorization policy, as sidecars or in ambient mode (ztunnel + waypoints).',
  maturity: 'graduated',
  footprint: 'privileged-daemonset',
  provides: ['mtls', 'l7-policy', 'transit-encryption'],
  exposes: [
    'istio-cni node agent DaemonSet with elevated privileges (required in ambient mode), or NET_ADMIN/NET_RAW init containers in every pod',
    'istiod mutating webhook and certificate authority: the root of workload identity',
    'Envoy sidecars or ztunnel sit in every request path',
  ],
  requires: { linuxOnly: true, ebpf: false },
  facts: [
    confirmed('Istio graduated in the CNCF in July 2023.', ['S73']),
    confirmed(
      'Ambient mode uses a ztunnel DaemonSet for L4 mTLS and waypoint proxies for L7; the istio-cni node agent is part of it.',
      ['S69'],
    ),
    confirmed(
      'The Istio CNI node agent runs as a DaemonSet with elevated privileges; without it, every meshed pod needs an init container with NET_ADMIN and NET_RAW.',
      ['ISTIO-CNI'],
    ),
  ],
}

export const linkerd: Plugin = {
  id: 'linkerd',
  name: 'Linkerd',
  category: 'service-mesh',
  summary: 'Lightweight sidecar service mesh with automatic mTLS between meshed pods.',
  maturity: 'graduated',
  footprint: 'sidecar',
  provides: ['mtls', 'l7-policy', 'transit-encryption'],
  exposes: [
    'proxy-injector mutating webhook adds a proxy to every meshed pod',
    'linkerd-init container with NET_ADMIN/NET_RAW in each pod, unless the linkerd-cni DaemonSet is used',
    'The identity issuer certificate and key sign every workload certificate',
  ],
  requires: { linuxOnly: true, ebpf: false },
  facts: [
    confirmed('Linkerd graduated in the CNCF in 2021.', ['S73']),
    confirmed(
      'mTLS is on by default for all TCP traffic between meshed pods; traffic to or from non-meshed pods is not covered.',
      ['LINKERD-MTLS'],
    ),
  ],
}
